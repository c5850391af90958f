// The hand-over of deliveries to the mail server, one at a time, each exactly once as far as a mail server
// can be told (docs/decisions/0022-dispatch-exactly-once.md): claim (`queued` → `sending`, committed, with
// a `sending` event), send the frozen mail with its stable Message-ID and the VERP return path, then record
// `accepted` with the server's reply and queue id, `refused` at once on a 5xx, or back to `queued` with a
// backoff on a 4xx or a broken connection (in a batch, that record and the claim of the next delivery are
// one commit). A `sending` delivery older than the longest live hand-over was
// left by a process that died: it is queued again (an event says so) and sent with the same Message-ID.
import { and, asc, eq, lte, or, sql } from 'drizzle-orm';
import { handOverBackoffMs, handOverOutcome, MAX_TEMPORARY_FAILURES, queueIdOf } from '../../domain/dispatch.ts';
import { account } from '../auth/auth.tables.ts';
import type { RootDb, Tx } from '../db/client.ts';
import { storedFile } from '../files/files.tables.ts';
import type { FileStore } from '../files/store.ts';
import { type MailError, type Mailer, SMTP_TIMEOUT_MS } from '../mail/mailer.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import type { Ticker } from '../platform/jobs/worker.ts';
import { dispatchDelivery, dispatchEvent } from './dispatch.tables.ts';

declare module '../platform/jobs/outbox.service.ts' {
	interface JobPayloads {
		/** Tell one secretariat officer that a delivery was refused by the mail server or bounced. */
		'dispatch.failed': { deliveryId: string; personId: string };
	}
}

/** A `sending` delivery claimed longer ago than this was left by a process that died: every live
 * hand-over has ended by then (the mailer's timeouts are shorter), so it is handed over again. */
export const SENDING_LEASE_MS = SMTP_TIMEOUT_MS;

/** The envelope sender of a delivery: `bounce+<returnToken>@<domain>` (VERP), so a delivery status
 * notification names its delivery. */
export const returnPathOf = (returnToken: string, domain: string) => `bounce+${returnToken}@${domain}`;

/** The domain of the return path: MAIL_RETURN_DOMAIN, else the domain of MAIL_FROM. */
export function returnDomainOf(config: { MAIL_RETURN_DOMAIN?: string; MAIL_FROM: string }): string {
	if (config.MAIL_RETURN_DOMAIN) return config.MAIL_RETURN_DOMAIN;
	const address = config.MAIL_FROM.match(/<([^>]+)>/)?.[1] ?? config.MAIL_FROM;
	return address.split('@')[1]?.trim() || 'localhost';
}

/** The people with an active secretariat account in the region: they are told of a failed delivery. */
export const secretariatPeopleOf = (db: Pick<RootDb, 'select'>, regionId: string) =>
	db
		.select({ personId: account.personId })
		.from(account)
		.where(and(eq(account.regionId, regionId), eq(account.isRegionAdmin, true), sql`${account.disabledAt} is null`));

/** Claim the next due delivery: one a dead process left `sending` first (it has waited longest), else a
 * queued one whose time has come. */
export async function claimDelivery(db: RootDb, now = new Date()) {
	return db.transaction((tx) => claimIn(tx, now));
}

/** Claim the next due delivery inside the caller's transaction (see claimDelivery). */
async function claimIn(tx: Tx, now: Date) {
	const [due] = await tx
		.select({ id: dispatchDelivery.id, state: dispatchDelivery.state })
		.from(dispatchDelivery)
		.where(
			or(
				and(eq(dispatchDelivery.state, 'queued'), lte(dispatchDelivery.dueAt, now)),
				and(eq(dispatchDelivery.state, 'sending'), lte(dispatchDelivery.claimedAt, new Date(now.getTime() - SENDING_LEASE_MS))),
			),
		)
		.orderBy(sql`${dispatchDelivery.state} = 'sending' desc`, asc(dispatchDelivery.dueAt), asc(dispatchDelivery.createdAt))
		.limit(1)
		.for('update', { skipLocked: true });
	if (!due) return null;
	const [d] = await tx
		.update(dispatchDelivery)
		.set({ state: 'sending', claimedAt: now, attempts: sql`${dispatchDelivery.attempts} + 1`, updatedAt: now })
		.where(eq(dispatchDelivery.id, due.id))
		.returning();
	const base = { regionId: d.regionId, dispatchVersionId: d.dispatchVersionId, organisationId: d.organisationId, deliveryId: d.id };
	// An interrupted hand-over: the ledger says so (sending → queued), then the new attempt begins.
	if (due.state === 'sending')
		await tx.insert(dispatchEvent).values({ ...base, kind: 'queued', at: now, source: 'worker', detail: { interrupted: true } });
	await tx.insert(dispatchEvent).values({ ...base, kind: 'sending', at: now, source: 'worker', detail: { attempt: d.attempts } });
	const [file] = d.attachmentFileId
		? await tx.select({ sha256: storedFile.sha256 }).from(storedFile).where(eq(storedFile.id, d.attachmentFileId))
		: [];
	return { delivery: d, attachmentSha256: file?.sha256 ?? null };
}

export type Claimed = NonNullable<Awaited<ReturnType<typeof claimDelivery>>>;

/** The multipart boundary of a delivery's mail: derived from its id, so that every attempt is the same bytes. */
const boundaryOf = (deliveryId: string) => deliveryId.replace(/-/g, '');

/** The attachment's bytes, read once per file while a batch is handed over (a version has a few PDFs). */
const attachmentCache = new Map<string, Buffer>();
async function attachmentBytes(files: FileStore, sha256: string): Promise<Buffer> {
	let bytes = attachmentCache.get(sha256);
	if (!bytes) {
		if (attachmentCache.size >= 16) attachmentCache.clear();
		bytes = await files.read(sha256);
		attachmentCache.set(sha256, bytes);
	}
	return bytes;
}

/** What the hand-over of one delivery came to. */
export type HandOver = 'accepted' | 'refused' | 'retry';

/** What the mail server answered to one delivery: its reply, or the failure. */
type Answer = { reply: { response: string; messageId: string } } | { failure: MailError };

/** Send one claimed delivery's frozen mail; never throws (a failure is the answer). */
async function send(files: FileStore, mailer: Mailer, claimed: Claimed, returnDomain: string): Promise<Answer> {
	const { delivery: d } = claimed;
	try {
		const reply = await mailer.send({
			to: d.email,
			subject: d.subject ?? '',
			text: d.text ?? '',
			messageId: d.messageId,
			returnPath: returnPathOf(d.returnToken, returnDomain),
			date: d.createdAt,
			boundary: boundaryOf(d.id),
			attachments:
				claimed.attachmentSha256 && d.attachmentName
					? [
							{
								filename: d.attachmentName,
								content: await attachmentBytes(files, claimed.attachmentSha256),
								contentType: 'application/pdf',
							},
						]
					: undefined,
		});
		return { reply };
	} catch (error) {
		return { failure: error as MailError };
	}
}

/** Record in the ledger what the mail server answered to a claimed delivery (inside the caller's transaction). */
async function settle(tx: Tx, claimed: Claimed, answer: Answer, at: Date): Promise<HandOver> {
	const { delivery: d } = claimed;
	const base = { regionId: d.regionId, dispatchVersionId: d.dispatchVersionId, organisationId: d.organisationId, deliveryId: d.id };
	// Only the claim this process holds is settled: a later claim (after the lease) is another attempt's.
	const mine = and(eq(dispatchDelivery.id, d.id), eq(dispatchDelivery.state, 'sending'), eq(dispatchDelivery.attempts, d.attempts));
	if ('reply' in answer) {
		const { reply } = answer;
		const [done] = await tx
			.update(dispatchDelivery)
			.set({ state: 'accepted', updatedAt: at })
			.where(mine)
			.returning({ id: dispatchDelivery.id });
		if (done)
			await tx.insert(dispatchEvent).values({
				...base,
				kind: 'accepted',
				at,
				source: 'smtp',
				detail: { response: reply.response, queueId: queueIdOf(reply.response), messageId: reply.messageId, attempt: d.attempts },
			});
		return 'accepted';
	}
	const { failure } = answer;
	const code = typeof failure?.responseCode === 'number' ? failure.responseCode : null;
	const response = (failure?.response ?? failure?.message ?? String(failure)).slice(0, 1000);
	let outcome: HandOver = handOverOutcome(code) === 'refused' ? 'refused' : 'retry';
	if (outcome === 'retry' && code && d.attempts >= MAX_TEMPORARY_FAILURES) outcome = 'refused';
	const detail = { code, response, attempt: d.attempts };
	if (outcome === 'refused') {
		const [done] = await tx
			.update(dispatchDelivery)
			.set({ state: 'refused', updatedAt: at })
			.where(mine)
			.returning({ id: dispatchDelivery.id });
		if (!done) return outcome;
		await tx.insert(dispatchEvent).values({ ...base, kind: 'refused', at, source: 'smtp', detail });
		for (const officer of await secretariatPeopleOf(tx, d.regionId))
			await enqueue(tx, d.regionId, 'dispatch.failed', { deliveryId: d.id, personId: officer.personId });
		return outcome;
	}
	const dueAt = new Date(at.getTime() + handOverBackoffMs(d.attempts));
	const [done] = await tx
		.update(dispatchDelivery)
		.set({ state: 'queued', dueAt, updatedAt: at })
		.where(mine)
		.returning({ id: dispatchDelivery.id });
	if (done)
		await tx
			.insert(dispatchEvent)
			.values({ ...base, kind: 'queued', at, source: 'smtp', detail: { ...detail, retryAt: dueAt.toISOString() } });
	return outcome;
}

/** Hand one claimed delivery to the mail server and record what it answered. */
export async function handOver(
	db: RootDb,
	files: FileStore,
	mailer: Mailer,
	claimed: Claimed,
	options: { returnDomain: string; now?: () => Date },
): Promise<HandOver> {
	const now = options.now ?? (() => new Date());
	const answer = await send(files, mailer, claimed, options.returnDomain);
	const at = now();
	return db.transaction((tx) => settle(tx, claimed, answer, at));
}

/**
 * Hand over due deliveries one at a time, up to `limit`; returns how many were handed over (any outcome).
 * What the server answered to one and the claim of the next are one transaction: one commit per mail, and
 * still each delivery claimed just before it is sent and settled before the next is claimed.
 */
export async function handOverDue(
	db: RootDb,
	files: FileStore,
	mailer: Mailer,
	options: { returnDomain: string; limit?: number; now?: () => Date },
): Promise<number> {
	const limit = options.limit ?? 50;
	const now = options.now ?? (() => new Date());
	let done = 0;
	let claimed = limit > 0 ? await claimDelivery(db, now()) : null;
	while (claimed) {
		const answer = await send(files, mailer, claimed, options.returnDomain);
		const at = now();
		const settling: Claimed = claimed;
		done++;
		claimed = await db.transaction(async (tx) => {
			await settle(tx, settling, answer, at);
			return done < limit ? claimIn(tx, now()) : null;
		});
	}
	return done;
}

/** The worker's periodic step that hands the dispatches' deliveries over (a bounded batch per poll, so
 * the outbox's jobs are not kept waiting). */
export const deliverySender =
	(options: { returnDomain: string; limit?: number }): Ticker =>
	(ctx) =>
		handOverDue(ctx.db, ctx.files, ctx.mailer, options);
