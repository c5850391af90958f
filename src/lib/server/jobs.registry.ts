// Where the application puts its jobs together: every feature's handlers, one per kind. The type makes
// a kind without a handler a compile error; the worker fails a row whose kind is not here.
import { authJobs } from './auth/auth.jobs.ts';
import { fileJobs } from './files/files.jobs.ts';
import { intakeJobs } from './intake/intake.jobs.ts';
import { meetingJobs } from './meetings/meetings.jobs.ts';
import type { JobHandlers } from './platform/jobs/worker.ts';

/** The handler of each kind of job. */
export const jobHandlers: JobHandlers = { ...authJobs, ...fileJobs, ...intakeJobs, ...meetingJobs };
