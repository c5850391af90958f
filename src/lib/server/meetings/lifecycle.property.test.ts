// Lifecycle rules as properties (fast-check): over random sequences of actions by random roles,
// an approved version of the minutes never changes, nobody but the secretariat approves (or changes
// anything), and the agenda numbering stays consistent (1..n in agenda order, fixed at publication).
import { and, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, conferenceOf } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { isNumberingConsistent } from '../../domain/meetings.ts';
import type { Actor } from '../access/actor.ts';
import type { Database, RootDb } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { auditEvent } from '../platform/platform.tables.ts';
import { addItem, createMeeting, markHeld, moveItem, publishAgenda, removeItem, reorderItems } from './meetings.service.ts';
import { agendaItem, minutesEntry, minutesVersion } from './meetings.tables.ts';
import {
	approveCorrection,
	approveMinutesByItem,
	circulateMinutes,
	commentOnMinutes,
	correctMinutes,
	reopenMinutes,
	saveMinutesEntry,
	startMinutes,
} from './minutes.service.ts';

let database: Database;
let db: RootDb;
let conferenceId: string;
const actors: Record<string, Actor> = {};
const ROLES = ['secretariat', 'mayor', 'director', 'councillor', 'contact'] as const;
type Role = (typeof ROLES)[number];

const ACTIONS = [
	'addItem',
	'addItem2',
	'moveUp',
	'moveDown',
	'reverse',
	'remove',
	'publish',
	'held',
	'start',
	'save',
	'circulate',
	'reopen',
	'comment',
	'approve',
	'correct',
	'approveCorrection',
] as const;
type Action = (typeof ACTIONS)[number];

const step = fc.record({
	action: fc.constantFrom(...ACTIONS),
	role: fc.constantFrom(...ROLES),
	meeting: fc.constantFrom(0, 1),
	pick: fc.nat(20),
	text: fc.string({ maxLength: 30 }),
});

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	actors.secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	actors.mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	actors.director = await actorFor(db, 'directeur@kortrijk.demo');
	actors.councillor = await actorFor(db, 'raadslid@kortrijk.demo');
	actors.contact = await actorFor(db, 'contact@elz.demo');
	conferenceId = await conferenceOf(db, actors.secretariat.regionId);
});

afterAll(async () => {
	await database?.close();
});

async function itemsOf(meetingId: string) {
	return db
		.select({ id: agendaItem.id, position: agendaItem.position, number: agendaItem.number, supplementary: agendaItem.supplementary })
		.from(agendaItem)
		.where(eq(agendaItem.meetingId, meetingId));
}

/** The content of every approved version of the given meetings, as text to compare. */
async function approvedSnapshots(meetingIds: string[]) {
	const versions = await db
		.select()
		.from(minutesVersion)
		.where(and(inArray(minutesVersion.meetingId, meetingIds), eq(minutesVersion.status, 'approved')));
	const snapshots = new Map<string, string>();
	for (const v of versions) {
		const entries = await db.select().from(minutesEntry).where(eq(minutesEntry.minutesVersionId, v.id));
		entries.sort((a, b) => a.agendaItemId.localeCompare(b.agendaItemId));
		snapshots.set(v.id, JSON.stringify({ v, entries }));
	}
	return snapshots;
}

let year = 2040;

async function run(steps: { action: Action; role: Role; meeting: number; pick: number; text: string }[]) {
	// Two consecutive meetings: the second's approval item approves the first's minutes.
	const y = year++;
	const first = await createMeeting(db, actors.secretariat, conferenceId, {
		kind: 'regular',
		date: `${y}-01-12`,
		startTime: '08:00',
		endTime: '10:00',
	});
	const second = await createMeeting(db, actors.secretariat, conferenceId, {
		kind: 'regular',
		date: `${y}-02-09`,
		startTime: '08:00',
		endTime: '10:00',
	});
	const meetings = [first, second];
	// The steps run after both meetings (the rules of time are tested in meetings.test.ts).
	const later = { at: new Date(`${y}-03-01T12:00:00Z`) };
	const frozen = new Map<string, string>();
	for (const s of steps) {
		const actor = actors[s.role];
		const meetingId = meetings[s.meeting];
		const items = (await itemsOf(meetingId)).sort((a, b) => a.position - b.position);
		const item = items.length ? items[s.pick % items.length] : undefined;
		const attempt = async () => {
			switch (s.action) {
				case 'addItem':
				case 'addItem2':
					return addItem(db, actor, meetingId, {
						title: `Punt ${s.text}`,
						kind: 'information',
						speakerIds: [],
						confidentiality: 'internal',
					});
				case 'moveUp':
				case 'moveDown':
					return item && moveItem(db, actor, meetingId, item.id, s.action === 'moveUp' ? 'up' : 'down');
				case 'reverse':
					return reorderItems(db, actor, meetingId, items.map((i) => i.id).reverse());
				case 'remove':
					return item && removeItem(db, actor, meetingId, item.id);
				case 'publish':
					return publishAgenda(db, actor, meetingId);
				case 'held':
					return markHeld(db, actor, meetingId, later);
				case 'start':
					return startMinutes(db, actor, meetingId);
				case 'save':
					return (
						item && saveMinutesEntry(db, actor, meetingId, { agendaItemId: item.id, discussion: s.text || 'x', referralToColleges: false })
					);
				case 'circulate':
					return circulateMinutes(db, actor, meetingId, later);
				case 'reopen':
					return reopenMinutes(db, actor, meetingId);
				case 'comment':
					return item && commentOnMinutes(db, actor, meetingId, { agendaItemId: item.id, text: s.text || 'opmerking' });
				case 'approve': {
					const approval = (await db.select().from(agendaItem).where(eq(agendaItem.meetingId, second))).find(
						(i) => i.kind === 'minutes_approval',
					);
					return approval && approveMinutesByItem(db, actor, second, approval.id, later);
				}
				case 'correct':
					return correctMinutes(db, actor, meetingId, `Correctie ${s.text}`);
				case 'approveCorrection':
					return approveCorrection(db, actor, meetingId);
			}
		};
		const before = await db.select({ id: auditEvent.id }).from(auditEvent).orderBy(auditEvent.id);
		let succeeded = false;
		try {
			await attempt();
			succeeded = true;
		} catch (error) {
			// Refusals are AppErrors (a message or a 404); anything else is a bug.
			expect(error).toBeInstanceOf(AppError);
		}
		// Nobody but the secretariat changes anything (commenting by members aside), and only it approves.
		if (succeeded && s.role !== 'secretariat' && s.action !== 'comment') {
			const after = await db.select({ id: auditEvent.id }).from(auditEvent).orderBy(auditEvent.id);
			expect(after.length).toBe(before.length);
		}
		// Approved versions never change once approved.
		for (const [id, text] of await approvedSnapshots(meetings)) {
			if (frozen.has(id)) expect(text).toBe(frozen.get(id));
			else frozen.set(id, text);
		}
		for (const m of meetings) expect(isNumberingConsistent(await itemsOf(m))).toBe(true);
	}
	const approvals = await db
		.select({ actor: auditEvent.actorAccountId })
		.from(auditEvent)
		.where(and(eq(auditEvent.action, 'approve'), eq(auditEvent.regionId, actors.secretariat.regionId)));
	expect(approvals.every((a) => a.actor === actors.secretariat.accountId)).toBe(true);
}

describe('the meeting lifecycle, as properties', () => {
	it('keeps approved minutes frozen, approval to the secretariat, and numbering consistent', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), (steps) => run(steps)),
			{ numRuns: 12 },
		);
		// A directed run through the whole cycle, so the interesting states are surely reached.
		await run([
			{ action: 'addItem', role: 'secretariat', meeting: 0, pick: 0, text: 'a' },
			{ action: 'addItem', role: 'secretariat', meeting: 0, pick: 0, text: 'b' },
			{ action: 'moveUp', role: 'secretariat', meeting: 0, pick: 1, text: '' },
			{ action: 'publish', role: 'secretariat', meeting: 0, pick: 0, text: '' },
			{ action: 'addItem', role: 'secretariat', meeting: 0, pick: 0, text: 'c' },
			{ action: 'held', role: 'secretariat', meeting: 0, pick: 0, text: '' },
			{ action: 'start', role: 'secretariat', meeting: 0, pick: 0, text: '' },
			{ action: 'save', role: 'secretariat', meeting: 0, pick: 0, text: 'verslag' },
			{ action: 'circulate', role: 'secretariat', meeting: 0, pick: 0, text: '' },
			{ action: 'comment', role: 'mayor', meeting: 0, pick: 0, text: 'ok' },
			{ action: 'publish', role: 'secretariat', meeting: 1, pick: 0, text: '' },
			{ action: 'approve', role: 'mayor', meeting: 1, pick: 0, text: '' },
			{ action: 'approve', role: 'secretariat', meeting: 1, pick: 0, text: '' },
			{ action: 'save', role: 'secretariat', meeting: 0, pick: 0, text: 'gewijzigd' },
			{ action: 'correct', role: 'secretariat', meeting: 0, pick: 0, text: 'typfout' },
			{ action: 'save', role: 'secretariat', meeting: 0, pick: 0, text: 'verbeterd' },
			{ action: 'circulate', role: 'secretariat', meeting: 0, pick: 0, text: '' },
			{ action: 'approveCorrection', role: 'director', meeting: 0, pick: 0, text: '' },
			{ action: 'approveCorrection', role: 'secretariat', meeting: 0, pick: 0, text: '' },
		]);
		const approved = await db.select().from(minutesVersion).where(eq(minutesVersion.status, 'approved'));
		expect(approved.length).toBeGreaterThanOrEqual(2);
		// Twelve random runs of up to thirty steps and a directed one: about 15 s on PGlite alone, twice that
		// and more on a loaded machine.
	}, 120_000);
});
