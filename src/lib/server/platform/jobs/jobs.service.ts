// The secretariat's view of the jobs that keep failing: list the parked jobs of their region, retry one
// (fresh attempts) or discard one (never carried out). Each act is audited; another region's job is not found.
import { audit } from '../../audit/audit.service.ts';
import type { Db, RootDb } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { discardParkedJob, listParkedJobs as parkedOf, retryParkedJob } from './outbox.service.ts';

/** Who looks after the region's jobs: its secretariat. */
export interface JobsActor {
	regionId: string;
	accountId: string;
	isRegionAdmin: boolean;
}

/** The secretariat sees and handles the parked jobs of its region. */
export const canManageJobs = (actor: JobsActor) => actor.isRegionAdmin;

/** The parked jobs of the actor's region, newest first. */
export async function listParkedJobs(db: Db, actor: JobsActor) {
	if (!canManageJobs(actor)) throw notFound();
	return parkedOf(db, actor.regionId);
}

/** Put a parked job back in the queue. */
export async function retryJob(db: RootDb, actor: JobsActor, jobId: number) {
	if (!canManageJobs(actor)) throw notFound();
	await db.transaction(async (tx) => {
		if (!(await retryParkedJob(tx, actor.regionId, jobId))) throw notFound();
		await audit(tx, actor, 'retry', 'job', String(jobId));
	});
}

/** Give a parked job up: what it would have done (a mail, an extraction) never happens. */
export async function discardJob(db: RootDb, actor: JobsActor, jobId: number) {
	if (!canManageJobs(actor)) throw notFound();
	await db.transaction(async (tx) => {
		const row = await discardParkedJob(tx, actor.regionId, jobId);
		if (!row) throw notFound();
		await audit(tx, actor, 'discard', 'job', String(jobId), { kind: row.kind, lastError: row.lastError });
	});
}
