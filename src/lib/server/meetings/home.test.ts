// The home page's cards on a real database (PGlite and PostgreSQL 15): each card counts what its reader
// may see and nothing else; an action's owner updates it (others get a 404); a member's comment on
// circulated minutes queues a mail to the secretariat in the same transaction; the public front page
// and the sitemap list only what anonymous visitors may open.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor, buildMeeting, buildTopic } from '../../../../tests/support/builders.ts';
import { actorFor } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { todayInBrussels } from '../../domain/dates.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import { account } from '../auth/auth.tables.ts';
import type { Database, RootDb } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { AppError } from '../http/errors.ts';
import { homeTopicCards } from '../intake/topics.queries.ts';
import { auditEvent, outbox } from '../platform/platform.tables.ts';
import { getActionPage } from './actions.queries.ts';
import { updateAction } from './actions.service.ts';
import { homeMeetingCards } from './home.queries.ts';
import { minutesCommentMail } from './meetings.mails.ts';
import { followedOrganisations } from './meetings.policy.ts';
import { actionUpdate, followUpAction } from './meetings.tables.ts';
import { addAction, commentOnMinutes } from './minutes.service.ts';
import { publicFront, sitemapEntries } from './public.queries.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let mayor: Actor;
let councillor: Actor;
let director: Actor;
let kortrijk: string;

const cardsOf = (actor: Actor) =>
	homeMeetingCards(db, readerOf(actor), { organisations: followedOrganisations(actor), today: todayInBrussels() });

async function expectNotFound(promise: Promise<unknown>) {
	const error = await promise.then(
		() => null,
		(e) => e,
	);
	expect(error).toBeInstanceOf(AppError);
	expect((error as AppError).status).toBe(404);
}

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	councillor = await actorFor(db, 'raadslid@kortrijk.demo');
	director = await actorFor(db, 'directeur@kortrijk.demo');
	[{ id: kortrijk }] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, 'Kortrijk'));
});

afterAll(async () => {
	await database?.close();
});

describe('the secretariat’s cards', () => {
	it('count agendas to publish, meetings held without minutes and open actions past due, of the whole region', async () => {
		const before = await cardsOf(secretariat);
		expect(before.agendasToPublish?.count).toBeGreaterThan(0);
		expect(before.agendasToPublish?.top.length).toBeLessThanOrEqual(3);
		expect(before.heldWithoutMinutes?.count).toBeGreaterThan(0); // the demo's last meeting: draft minutes
		await buildMeeting(db, { status: 'planned' });
		await buildMeeting(db, { status: 'held', minutes: 'draft' });
		await buildMeeting(db, { status: 'held', minutes: 'circulated' });
		const after = await cardsOf(secretariat);
		expect(after.agendasToPublish?.count).toBe((before.agendasToPublish?.count ?? 0) + 1);
		expect(after.heldWithoutMinutes?.count).toBe((before.heldWithoutMinutes?.count ?? 0) + 1);
		expect(after.overdueActions?.count).toBeGreaterThan(0);
		expect(after.overdueActions?.top.every((a) => a.dueDate !== null && a.dueDate < todayInBrussels())).toBe(true);
		// A mayor has none of these cards.
		const mayors = await cardsOf(mayor);
		expect(mayors.agendasToPublish).toBeNull();
		expect(mayors.overdueActions).toBeNull();
	});
});

describe('comments on circulated minutes', () => {
	it('queue a mail to every secretariat officer with the comment, and count on the secretariat’s card until recirculated', async () => {
		// Circulated in the past (at the meeting's end), so that the comment made now comes after it.
		const built = await buildMeeting(db, { date: '2019-06-14', status: 'held', minutes: 'circulated', items: [{ title: 'Vervoerregio' }] });
		const before = (await cardsOf(secretariat)).openComments?.count ?? 0;
		const jobs = () => db.select().from(outbox).where(eq(outbox.kind, 'minutes.commented'));
		const queued = (await jobs()).length;
		await commentOnMinutes(db, mayor, built.meetingId, { agendaItemId: built.itemIds[0], text: 'Graag de timing aanvullen.' });
		expect((await cardsOf(secretariat)).openComments?.count).toBe(before + 1);
		const officers = await db
			.select({ personId: account.personId })
			.from(account)
			.where(and(eq(account.regionId, secretariat.regionId), eq(account.isRegionAdmin, true)));
		const mine = (await jobs()).slice(queued);
		expect(mine.map((j) => (j.payload as { personId: string }).personId).sort()).toEqual(officers.map((o) => o.personId).sort());

		// In the officer's language, with the link to the minutes.
		await db.update(account).set({ locale: 'fr' }).where(eq(account.personId, secretariat.personId));
		const { commentId } = mine[0].payload as { commentId: string };
		const mail = await minutesCommentMail(db, 'https://aanjager.test', commentId, secretariat.personId);
		expect(mail?.subject).toMatch(/^Remarque/);
		expect(mail?.text).toContain('Graag de timing aanvullen.');
		expect(mail?.text).toContain(`https://aanjager.test/meetings/${built.meetingId}/minutes`);
		await db.update(account).set({ locale: null }).where(eq(account.personId, secretariat.personId));
	});

	it('queue nothing when the comment is refused (the same transaction)', async () => {
		const built = await buildMeeting(db, { status: 'held', minutes: 'draft', items: [{}] });
		const count = async () =>
			(await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.kind, 'minutes.commented')))[0].n;
		const before = await count();
		await commentOnMinutes(db, mayor, built.meetingId, { agendaItemId: built.itemIds[0], text: 'Te vroeg.' }).catch(() => null);
		expect(await count()).toBe(before);
	});
});

describe('a member’s and a reader’s cards', () => {
	it('show the mayor the next meeting with its items, circulated minutes to comment on, and open actions', async () => {
		const cards = await cardsOf(mayor);
		expect(cards.nextMeeting?.items.length).toBeGreaterThan(0);
		expect(cards.bodyMeetings?.recent.length).toBeGreaterThan(0);
		expect(cards.actions?.count).toBeGreaterThan(0);
		const circulated = await buildMeeting(db, { status: 'held', minutes: 'circulated', items: [{}] });
		const after = await cardsOf(mayor);
		expect(after.toComment?.top.some((x) => x.id === circulated.meetingId)).toBe(true);
		// A councillor is no member of the Conference: no minutes to comment on, but the region's meetings to read.
		const theirs = await cardsOf(councillor);
		expect(theirs.toComment?.count ?? 0).toBe(0);
		expect((theirs.regionMeetings?.count ?? 0) + (theirs.regionMeetings?.recent.length ?? 0)).toBeGreaterThan(0);
	});

	it('count only the actions on items the reader may see: a councillor’s card leaves out a confidential item’s', async () => {
		const built = await buildMeeting(db, {
			status: 'minutes_approved',
			items: [{ confidentiality: 'internal' }, { confidentiality: 'confidential' }],
		});
		const input = (agendaItemId: string) => ({ agendaItemId, description: `Actie ${agendaItemId}`, ownerOrganisationId: kortrijk });
		const followingCouncillor = await buildActor(db, { role: 'general_director', organisationId: kortrijk });
		const before = {
			director: (await cardsOf(followingCouncillor)).actions?.count ?? 0,
			mayor: (await cardsOf(mayor)).actions?.count ?? 0,
		};
		await addAction(db, secretariat, built.meetingId, input(built.itemIds[0]));
		await addAction(db, secretariat, built.meetingId, input(built.itemIds[1]));
		// The general director reads up to restricted: the confidential item's action is not counted.
		expect((await cardsOf(followingCouncillor)).actions?.count).toBe(before.director + 1);
		// The mayor, a member of the Conference, reads it.
		expect((await cardsOf(mayor)).actions?.count).toBe(before.mayor + 2);
		// A general director sees what came in: the minutes just approved.
		expect((await cardsOf(director)).incoming?.top.some((x) => x.what === 'minutes')).toBe(true);
	});
});

describe('updating an action', () => {
	it('the owner sets its status and adds a note, recorded in its history and the audit log; others get a 404', async () => {
		const owner = await buildActor(db, { role: 'member' });
		const other = await buildActor(db, { role: 'member' });
		const built = await buildMeeting(db, { status: 'held', minutes: 'circulated', items: [{}] });
		const actionId = await addAction(db, secretariat, built.meetingId, {
			agendaItemId: built.itemIds[0],
			description: 'Timing afstemmen met de Colleges',
			ownerPersonId: owner.personId,
		});
		await updateAction(db, owner, actionId, { status: 'in_progress', note: 'Eerste overleg gepland.' });
		const [row] = await db.select().from(followUpAction).where(eq(followUpAction.id, actionId));
		expect(row.status).toBe('in_progress');
		const history = await db.select().from(actionUpdate).where(eq(actionUpdate.actionId, actionId));
		expect(history).toMatchObject([
			{ fromStatus: 'open', toStatus: 'in_progress', note: 'Eerste overleg gepland.', authorPersonId: owner.personId },
		]);
		const audited = await db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.entityType, 'follow_up_action'), eq(auditEvent.entityId, actionId)));
		expect(audited.map((e) => e.action)).toEqual(['create', 'update']);

		// Someone else who reads the action may not change it: 404, and nothing changes.
		await expectNotFound(updateAction(db, other, actionId, { status: 'done' }));
		await expectNotFound(updateAction(db, councillor, actionId, { status: 'done' }));
		expect((await db.select().from(followUpAction).where(eq(followUpAction.id, actionId)))[0].status).toBe('in_progress');
		// The secretariat may.
		await updateAction(db, secretariat, actionId, { status: 'done', note: 'Afgerond.' });

		// The action page shows the history, and who may update it.
		const page = await getActionPage(db, readerOf(owner), actionId);
		expect(page?.history.map((h) => h.toStatus)).toEqual(['in_progress', 'done']);
		expect(page?.history[0].author).toBe(owner.name);
		// A councillor does not read circulated minutes, so not their actions either.
		expect(await getActionPage(db, readerOf(councillor), actionId)).toBeNull();
	});

	it('refuses an update that changes nothing', async () => {
		const owner = await buildActor(db, { role: 'member' });
		const built = await buildMeeting(db, { status: 'held', minutes: 'circulated', items: [{}] });
		const actionId = await addAction(db, secretariat, built.meetingId, {
			agendaItemId: built.itemIds[0],
			description: 'Niets',
			ownerPersonId: owner.personId,
		});
		const error = await updateAction(db, owner, actionId, { status: 'open' }).catch((e) => e);
		expect((error as AppError).status).toBe(400);
	});
});

describe('intake’s cards', () => {
	it('show the secretariat the topics waiting for intake and a contact their organisation’s topics with status', async () => {
		const { submitter } = await buildTopic(db, { status: 'new' });
		const mine = await homeTopicCards(db, submitter);
		expect(mine.own?.count).toBe(1);
		expect(mine.own?.top[0].status).toBe('new');
		expect(mine.waiting).toBeNull();
		const secretariats = await homeTopicCards(db, secretariat);
		expect(secretariats.waiting?.count).toBeGreaterThan(0);
		expect(secretariats.own).toBeNull();
		// The councillor submits nothing and sees no topics.
		expect(await homeTopicCards(db, councillor)).toEqual({ waiting: null, common: null, own: null });
	});
});

describe('the public front page and the sitemap', () => {
	it('list the bodies with published meetings and those meetings, never a draft agenda', async () => {
		const planned = await buildMeeting(db, { status: 'planned' });
		const published = await buildMeeting(db, { status: 'agenda_published' });
		const regions = await publicFront(db);
		const demo = regions.find((r) => r.id === secretariat.regionId);
		expect(demo?.bodies.some((b) => b.id === published.bodyId && b.meetings > 0)).toBe(true);
		expect(demo?.next).not.toBeNull();
		const paths = (await sitemapEntries(db)).map((e) => e.path);
		expect(paths).toContain(`/meetings/${published.meetingId}`);
		expect(paths).toContain(`/bodies/${published.bodyId}/meetings`);
		expect(paths).not.toContain(`/meetings/${planned.meetingId}`);
	});
});

describe('the demo region', () => {
	it('gives every demo role something on its home page', async () => {
		// A fresh copy of the demo, untouched by the builders of the tests above.
		const fresh = await openTestDatabase();
		try {
			const cards = async (email: string) => {
				const actor = await actorFor(fresh.db, email);
				const meetings = await homeMeetingCards(fresh.db, readerOf(actor), {
					organisations: followedOrganisations(actor),
					today: todayInBrussels(),
				});
				return { meetings, topics: await homeTopicCards(fresh.db, actor) };
			};
			const secretariatCards = (await cards('secretariaat@leiedal.demo')).meetings;
			expect(secretariatCards.openComments?.count).toBeGreaterThan(0); // the mayor's comment on the RegioRaad's minutes
			expect(secretariatCards.agendasToPublish?.count).toBeGreaterThan(0);
			expect(secretariatCards.heldWithoutMinutes?.count).toBeGreaterThan(0);
			expect(secretariatCards.overdueActions?.count).toBeGreaterThan(0);
			const mayorCards = (await cards('burgemeester@kortrijk.demo')).meetings;
			expect(mayorCards.nextMeeting?.items.length).toBeGreaterThan(0);
			expect(mayorCards.toComment?.count).toBeGreaterThan(0);
			expect(mayorCards.actions?.count).toBeGreaterThan(0);
			const directorCards = await cards('directeur@kortrijk.demo');
			expect(directorCards.meetings.incoming?.count).toBeGreaterThan(0);
			expect(directorCards.meetings.actions?.count).toBeGreaterThan(0);
			const aldermanCards = (await cards('schepen@kortrijk.demo')).meetings;
			expect(aldermanCards.bodyMeetings?.count).toBeGreaterThan(0); // the consultation on mobility
			expect(aldermanCards.bodyMeetings?.recent.length).toBeGreaterThan(0);
			const councillorCards = (await cards('raadslid@kortrijk.demo')).meetings;
			expect(councillorCards.regionMeetings?.count).toBeGreaterThan(0);
			const contactCards = await cards('contact@elz.demo');
			expect(contactCards.topics.own?.count).toBeGreaterThan(0);
			expect(contactCards.meetings.regionMeetings?.count).toBeGreaterThan(0);
		} finally {
			await fresh.close();
		}
	});
});
