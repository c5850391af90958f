// Text extraction that cannot take the server down: a DOCX's declared inflated size is bounded before
// anything is inflated, and the parsing itself runs in a child process with a memory and a time limit.
import { fork } from 'node:child_process';
import { unzipSync } from 'fflate';
import { appPath } from '../db/client.ts';
import { DOCX, PDF } from './extract-parse.js';
import type { ExtractionState } from './files.tables.ts';

export { extractText, MAX_TEXT_LENGTH } from './extract-parse.js';

/** The limits of one extraction (figures in docs/decisions/0011-jobs.md). */
export const EXTRACTION_LIMITS = {
	/** The most a DOCX may inflate to, all entries together. */
	maxInflatedBytes: 50 * 1024 * 1024,
	/** An entry that inflates more than this many times its compressed size (and to over 1 MB) is a bomb. */
	maxRatio: 200,
	/** The child's V8 heap. */
	memoryMb: 256,
	/** The child is killed after this long. */
	timeoutMs: 20_000,
};

export type ExtractionOutcome =
	| { state: 'done'; text: string }
	| { state: Exclude<ExtractionState, 'done' | 'pending'>; error: string | null };

/** Whether a ZIP's central directory promises a reasonable inflated size (nothing is inflated to find out). */
export function checkZipBounds(bytes: Uint8Array, limits = EXTRACTION_LIMITS): { ok: true } | { ok: false; reason: string } {
	let total = 0;
	let bomb: string | null = null;
	try {
		unzipSync(bytes, {
			filter(file) {
				total += file.originalSize;
				if (file.originalSize > 1024 * 1024 && file.originalSize > Math.max(file.size, 1) * limits.maxRatio) bomb ??= file.name;
				return false; // read the directory only
			},
		});
	} catch (error) {
		return { ok: false, reason: `docx_text: unreadable zip (${error instanceof Error ? error.message : String(error)})` };
	}
	if (bomb) return { ok: false, reason: `docx_text: ${bomb} would inflate more than ${limits.maxRatio} times` };
	if (total > limits.maxInflatedBytes) return { ok: false, reason: `docx_text: would inflate to ${total} bytes` };
	return { ok: true };
}

/** The child's script: a plain .js file beside this module in src/ (also when running the built server). */
const childScript = () => appPath('src/lib/server/files/extract-child.js');

/**
 * Extract the text of the stored file at `filePath` in a limited child process. Never throws for a bad
 * file: the outcome says what became of it.
 */
export async function extractLimited(
	mediaType: string,
	filePath: string,
	bytes: Uint8Array,
	limits = EXTRACTION_LIMITS,
): Promise<ExtractionOutcome> {
	if (mediaType !== PDF && mediaType !== DOCX) return { state: 'unsupported', error: null };
	if (mediaType === DOCX) {
		const bounds = checkZipBounds(bytes, limits);
		if (!bounds.ok) return { state: bounds.reason.includes('unreadable') ? 'failed' : 'too_large', error: bounds.reason };
	}
	return new Promise((resolve) => {
		const child = fork(childScript(), [], {
			// Only the limit: the parent's loader flags (tsx, vitest) are not needed by plain JavaScript.
			execArgv: [`--max-old-space-size=${limits.memoryMb}`],
			stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
			serialization: 'advanced',
		});
		let stderr = '';
		let answer: { ok: true; text: string | null } | { ok: false; error: string } | null = null;
		let timedOut = false;
		child.stderr?.on('data', (chunk) => {
			if (stderr.length < 10_000) stderr += String(chunk);
		});
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, limits.timeoutMs);
		child.on('message', (message) => {
			answer = message as typeof answer;
		});
		child.on('error', (error) => {
			clearTimeout(timer);
			resolve({ state: 'failed', error: `extraction: ${error.message}` });
		});
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			if (answer?.ok) resolve(answer.text === null ? { state: 'unsupported', error: null } : { state: 'done', text: answer.text });
			else if (answer) resolve({ state: 'failed', error: answer.error.slice(0, 500) });
			else if (timedOut) resolve({ state: 'failed', error: `extraction: timed out after ${limits.timeoutMs} ms` });
			else if (/heap out of memory|Allocation failed/i.test(stderr))
				resolve({ state: 'too_large', error: `extraction: out of memory (${limits.memoryMb} MB)` });
			else resolve({ state: 'failed', error: `extraction: child ended (${signal ?? code})` });
		});
		child.send({ mediaType, path: filePath });
	});
}
