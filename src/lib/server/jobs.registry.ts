// Where the application puts its jobs together: every feature's handlers, one per kind. The type makes
// a kind without a handler a compile error; the worker fails a row whose kind is not here.
import { authJobs } from './auth/auth.jobs.ts';
import { deadlineJobs, deadlineTickers } from './dispatch/deadlines.jobs.ts';
import { dispatchJobs } from './dispatch/dispatch.jobs.ts';
import { dossierNotices, followJobs } from './dossiers/follow.jobs.ts';
import { fileJobs } from './files/files.jobs.ts';
import { intakeJobs } from './intake/intake.jobs.ts';
import { meetingJobs, meetingNotices } from './meetings/meetings.jobs.ts';
import { notificationJobs } from './notifications/notifications.jobs.ts';
import type { NoticeRenderers } from './notifications/notifications.service.ts';
import type { JobHandlers, Ticker } from './platform/jobs/worker.ts';
import { searchTickers } from './search/search.jobs.ts';
import { sessionJobs, sessionTickers } from './sessions/sessions.jobs.ts';

/** The renderer of every kind of notice the weekly digest can hold (a feature adds its own here). */
export const noticeRenderers: NoticeRenderers = { ...meetingNotices, ...dossierNotices };

/** The handler of each kind of job. */
export const jobHandlers: JobHandlers = {
	...authJobs,
	...deadlineJobs,
	...dispatchJobs,
	...fileJobs,
	...followJobs,
	...intakeJobs,
	...meetingJobs,
	...notificationJobs(noticeRenderers),
	...sessionJobs,
};

/** The periodic steps the worker runs on each poll (each safe to run in two workers at once). */
export const tickers: readonly Ticker[] = [...deadlineTickers, ...sessionTickers];

/** The steps that keep the search index fresh within a second, in a loop of their own. */
export const fastTickers: readonly Ticker[] = [...searchTickers];
