// Seeds the demo's council information sessions (ADR 0031), around the seed's clock: the last two (spring
// and autumn, held and published, each with a pack of five dossiers, invited through the ledger with a
// part of the invitations opened, and registrations), and the next one (invited, open for questions,
// its deadline ahead). Made through the sessions' own services, their deliveries made in the seed's
// transaction and marked accepted by the mail server. `demoSessionIds` finds the three again by title.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { registrationModes } from '../../domain/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { makeSessionVersionDeliveries } from '../dispatch/deliveries.service.ts';
import { dispatchDelivery, dispatchEvent } from '../dispatch/dispatch.tables.ts';
import { dossier } from '../dossiers/dossiers.tables.ts';
import { outbox } from '../platform/platform.tables.ts';
import { inviteSession, markSessionHeld, publishSession } from '../sessions/invitations.service.ts';
import { createSession, setPack } from '../sessions/sessions.service.ts';
import { infoSession, sessionRegistration } from '../sessions/sessions.tables.ts';
import type { DemoMeetingsContext } from './demo-meetings.ts';
import { seedDemoSessionQuestions } from './demo-session-questions.ts';

const DAY = 24 * 60 * 60 * 1000;
/** The address the demo's mail links name (the seed runs before any request). */
const DEMO_ORIGIN = 'http://localhost:5173';

/** The titles of the demo's sessions: the last spring and autumn ones, and the next. */
export const DEMO_SESSION_TITLES = {
	spring: 'Gezamenlijke informatievergadering — voorjaar',
	autumn: 'Gezamenlijke informatievergadering — najaar',
	next: 'Gezamenlijke informatievergadering — volgende',
} as const;

const day = (at: Date) => at.toISOString().slice(0, 10);

/** Mark a version's deliveries accepted by the mail server, and every `openEvery`-th opened by its person. */
async function delivered(tx: Tx, versionId: string, at: Date, openEvery: number) {
	const rows = await tx
		.select({
			id: dispatchDelivery.id,
			regionId: dispatchDelivery.regionId,
			organisationId: dispatchDelivery.organisationId,
			personId: dispatchDelivery.personId,
		})
		.from(dispatchDelivery)
		.where(eq(dispatchDelivery.dispatchVersionId, versionId))
		.orderBy(asc(dispatchDelivery.email));
	const accepted = new Date(at.getTime() + 60_000);
	const opened = new Date(at.getTime() + DAY);
	const events: (typeof dispatchEvent.$inferInsert)[] = [];
	const openedIds: string[] = [];
	rows.forEach((d, i) => {
		const base = {
			regionId: d.regionId,
			dispatchVersionId: versionId,
			organisationId: d.organisationId,
			deliveryId: d.id,
			source: 'seed' as const,
		};
		events.push({ ...base, kind: 'sending', at: accepted }, { ...base, kind: 'accepted', at: accepted });
		if (openEvery > 0 && i % openEvery === 0) {
			openedIds.push(d.id);
			events.push({ ...base, kind: 'opened', at: opened, actorPersonId: d.personId });
		}
	});
	for (let i = 0; i < events.length; i += 200) await tx.insert(dispatchEvent).values(events.slice(i, i + 200));
	if (rows.length)
		await tx
			.update(dispatchDelivery)
			.set({ state: 'accepted', attempts: 1, claimedAt: accepted, updatedAt: accepted })
			.where(eq(dispatchDelivery.dispatchVersionId, versionId));
	for (let i = 0; i < openedIds.length; i += 200)
		await tx
			.update(dispatchDelivery)
			.set({ state: 'opened', updatedAt: opened })
			.where(inArray(dispatchDelivery.id, openedIds.slice(i, i + 200)));
	return rows;
}

/** Register every `every`-th invited person, in turn in person, online or not coming. */
async function registrations(
	tx: Tx,
	sessionId: string,
	invited: { personId: string | null; organisationId: string; regionId: string }[],
	at: Date,
	every: number,
) {
	const values = invited
		.filter((d, i) => d.personId && i % every === 0)
		.map((d, i) => ({
			regionId: d.regionId,
			sessionId,
			personId: d.personId as string,
			organisationId: d.organisationId,
			mode: registrationModes[i % registrationModes.length],
			at,
		}));
	for (let i = 0; i < values.length; i += 200)
		await tx
			.insert(sessionRegistration)
			.values(values.slice(i, i + 200))
			.onConflictDoNothing();
}

/** Create the demo's three sessions; the secretariat of `context` acts, on the clock `now`. */
export async function seedDemoSessions(tx: Tx, context: DemoMeetingsContext, now: Date): Promise<void> {
	const actor = context.secretariat;
	const dossiers = await tx
		.select({ id: dossier.id })
		.from(dossier)
		.where(and(eq(dossier.regionId, context.regionId), inArray(dossier.confidentiality, ['public', 'internal'])))
		.orderBy(asc(dossier.title));
	const pack = (from: number, n: number) => dossiers.slice(from, from + n).map((d) => d.id);
	const plans = [
		{ key: 'spring' as const, startsIn: -240, dossierIds: pack(0, 5), published: true },
		{ key: 'autumn' as const, startsIn: -60, dossierIds: pack(3, 5), published: true },
		{ key: 'next' as const, startsIn: 30, dossierIds: pack(1, 6), published: false },
	];
	const ids: Partial<Record<keyof typeof DEMO_SESSION_TITLES, string>> = {};
	const held: { id: string; begins: Date }[] = [];
	// The versions whose mails the seed made itself: the jobs that would make them have nothing to do.
	const made: string[] = [];
	for (const plan of plans) {
		const startsAt = new Date(now.getTime() + plan.startsIn * DAY);
		const created = new Date(startsAt.getTime() - 45 * DAY);
		const month = Number(day(startsAt).slice(5, 7));
		const id = await createSession(
			tx,
			actor,
			{
				season: month <= 6 ? 'spring' : 'autumn',
				title: `${DEMO_SESSION_TITLES[plan.key]} ${day(startsAt).slice(0, 4)}`,
				date: day(startsAt),
				startTime: '19:30',
				endTime: '22:00',
				location: 'Leiedal, President Kennedypark 10, Kortrijk',
				onlineUrl: 'https://leiedal.example/live',
				public: true,
			},
			{ at: created },
		);
		await setPack(
			tx,
			actor,
			id,
			{
				introduction:
					'Welkom op de gezamenlijke informatievergadering van de gemeenteraden van Zuid-West-Vlaanderen.\n\nIn deze bundel vindt u per regionaal dossier wat er sinds de vorige vergadering gebeurde. Stel uw vragen vooraf; de sprekers beantwoorden ze tijdens de vergadering of schriftelijk.',
				dossierIds: plan.dossierIds,
			},
			{ at: created },
		);
		const [{ startsAt: begins }] = await tx.select({ startsAt: infoSession.startsAt }).from(infoSession).where(eq(infoSession.id, id));
		// Invited a month before, and at the latest three days before the seed's clock: what the demo shows
		// as accepted, opened and registered has happened.
		const invitedAt = new Date(Math.min(begins.getTime() - 30 * DAY, now.getTime() - 3 * DAY));
		const { versionId } = await inviteSession(tx, actor, id, { at: invitedAt });
		await makeSessionVersionDeliveries(tx, DEMO_ORIGIN, versionId, { at: invitedAt, source: 'seed' });
		made.push(versionId);
		const invited = await delivered(tx, versionId, invitedAt, plan.published ? 2 : 3);
		await registrations(tx, id, invited, new Date(invitedAt.getTime() + 2 * DAY), plan.published ? 2 : 4);
		if (plan.published) await markSessionHeld(tx, actor, id, { at: begins });
		ids[plan.key] = id;
		if (plan.published) held.push({ id, begins });
	}
	// The questions asked before each session and their answers, then the past ones' Q&A published and
	// their reports sent (so each report holds its session's answers).
	await seedDemoSessionQuestions(tx, context.regionId, ids as Record<keyof typeof DEMO_SESSION_TITLES, string>);
	for (const { id, begins } of held) {
		const publishedAt = new Date(begins.getTime() + 14 * DAY);
		const report = await publishSession(tx, actor, id, { at: publishedAt });
		await makeSessionVersionDeliveries(tx, DEMO_ORIGIN, report.versionId, { at: publishedAt, source: 'seed' });
		made.push(report.versionId);
		await delivered(tx, report.versionId, publishedAt, 3);
	}
	if (made.length)
		await tx.delete(outbox).where(and(eq(outbox.kind, 'dispatch.prepare'), inArray(sql`${outbox.payload}->>'versionId'`, made)));
}

/**
 * The ids of the demo's three sessions, by title: the last spring and autumn sessions (published) and
 * the next one (invited, open for questions); null for any not seeded.
 */
export async function demoSessionIds(db: Db, regionId: string): Promise<Record<keyof typeof DEMO_SESSION_TITLES, string | null>> {
	const rows = await db
		.select({ id: infoSession.id, title: infoSession.title })
		.from(infoSession)
		.where(eq(infoSession.regionId, regionId));
	const find = (key: keyof typeof DEMO_SESSION_TITLES) => rows.find((r) => r.title.startsWith(`${DEMO_SESSION_TITLES[key]} `))?.id ?? null;
	return { spring: find('spring'), autumn: find('autumn'), next: find('next') };
}
