// The file model's job: extracting the text of an uploaded file, whoever its owner.
import type { JobHandlers } from '../platform/jobs/worker.ts';
import { extractFileText } from './files.service.ts';

declare module '../platform/jobs/outbox.service.ts' {
	interface JobPayloads {
		/** Extract the text of a stored file (in a limited child process). */
		'file.extract_text': { fileId: string };
	}
}

/** The handler of the file model's job, registered by the application. */
export const fileJobs = {
	'file.extract_text': (ctx, { fileId }) => extractFileText(ctx.db, ctx.files, fileId),
} satisfies Pick<JobHandlers, 'file.extract_text'>;
