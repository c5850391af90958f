// One matrix per kind: who sees which rows, checked through `visibleIds` (the same builders every page,
// PDF, download and mail composes), on PGlite and PostgreSQL. Each expectation is written out by hand,
// reader by reader, from the rules in docs/decisions/0010-access.md — never computed by the code under test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor, buildCrisisPeriod, buildMeeting, buildOrganisation, secretariatOf } from '../../../../tests/support/builders.ts';
import { actorFor, makeOtherRegion } from '../../../../tests/support/factories.ts';
import { samplePdf } from '../../../../tests/support/pdf.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import type { Database, RootDb } from '../db/client.ts';
import { body, organisation } from '../directory/directory.tables.ts';
import { FileStore } from '../files/store.ts';
import { topicDocument } from '../intake/intake.tables.ts';
import { submitTopic } from '../intake/topics.service.ts';
import { uploadDocument } from '../meetings/documents.service.ts';
import { documentVersion, minutesComment, minutesVersion } from '../meetings/meetings.tables.ts';
import { addAction, commentOnMinutes } from '../meetings/minutes.service.ts';
import type { Actor } from './actor.ts';
import { publicReader, type Reader, readerOf } from './reader.ts';
import { type AccessKind, visibleIds } from './visible-ids.ts';

let database: Database;
let db: RootDb;
let filesDir: string;

/** The readers of every matrix, by name. */
const READERS = ['anonymous', 'otherRegion', 'secretariat', 'member', 'director', 'official', 'contactX', 'contactY'] as const;
type ReaderName = (typeof READERS)[number];
const readers = {} as Record<ReaderName, Reader>;
const actors = {} as Record<Exclude<ReaderName, 'anonymous'>, Actor>;

/** Rows by name, per kind. */
const rows: Partial<Record<AccessKind, Record<string, string>>> = {};

/** Assert, for one kind, exactly which named rows each reader sees. */
async function expectMatrix(kind: AccessKind, expected: Record<ReaderName, string[]>) {
	const named = rows[kind] ?? {};
	const byId = new Map(Object.entries(named).map(([name, id]) => [id, name]));
	const seen: Record<string, string[]> = {};
	for (const name of READERS) {
		const visible = await visibleIds(db, readers[name], kind, Object.values(named));
		seen[name] = [...visible].map((id) => byId.get(id) ?? id).sort();
	}
	const sorted = Object.fromEntries(Object.entries(expected).map(([name, list]) => [name, [...list].sort()]));
	expect(seen).toEqual(sorted);
}

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-access-'));
	const files = new FileStore(filesDir);
	const secretariat = await secretariatOf(db);
	const orgX = await buildOrganisation(db, { name: 'Organisatie X' });
	const orgY = await buildOrganisation(db, { name: 'Organisatie Y' });
	const other = await makeOtherRegion(db);
	Object.assign(actors, {
		secretariat,
		otherRegion: await actorFor(db, other.email),
		member: await buildActor(db, { role: 'member' }),
		director: await buildActor(db, { role: 'general_director' }),
		official: await buildActor(db, { role: 'alderman' }),
		contactX: await buildActor(db, { role: 'contact', organisationId: orgX }),
		contactY: await buildActor(db, { role: 'contact', organisationId: orgY }),
	});
	readers.anonymous = publicReader;
	for (const [name, actor] of Object.entries(actors)) readers[name as ReaderName] = readerOf(actor);

	// A published meeting with an item at every level, and items brought by organisation X.
	const published = await buildMeeting(db, {
		published: true,
		items: [
			{ confidentiality: 'public' },
			{ confidentiality: 'internal' },
			{ confidentiality: 'restricted' },
			{ confidentiality: 'confidential' },
			{ confidentiality: 'internal', broughtByOrganisationId: orgX },
			{ confidentiality: 'confidential', broughtByOrganisationId: orgX },
		],
	});
	const [pub, int, res, conf, intX, confX] = published.itemIds;
	const draft = await buildMeeting(db, { items: [{ confidentiality: 'public' }] });
	rows.meeting = { published: published.meetingId, unpublished: draft.meetingId };
	rows.agenda_item = { pub, int, res, conf, intX, confX, draftPub: draft.itemIds[0] };

	const pdf = async (text: string) => ({ name: `${text}.pdf`, bytes: new Uint8Array(await samplePdf(text)) });
	const upload = async (meetingId: string, title: string, confidentiality: string, agendaItemId?: string) =>
		uploadDocument(
			db,
			files,
			secretariat,
			meetingId,
			{ title, confidentiality: confidentiality as 'public', agendaItemId },
			await pdf(title),
			1e7,
		);
	await upload(published.meetingId, 'meetingPub', 'public');
	rows.document = {
		meetingPub: await documentId(published.meetingId, 'meetingPub'),
	};
	await upload(published.meetingId, 'meetingRes', 'restricted');
	await upload(published.meetingId, 'pubDocInt', 'internal', pub);
	await upload(published.meetingId, 'intXDocInt', 'internal', intX);
	await upload(published.meetingId, 'intXDocConf', 'confidential', intX);
	await upload(published.meetingId, 'confDocPub', 'public', conf);
	for (const title of ['meetingRes', 'pubDocInt', 'intXDocInt', 'intXDocConf', 'confDocPub']) {
		rows.document[title] = await documentId(published.meetingId, title);
	}

	// Minutes in each state, each with an action on a public item; a comment on the circulated ones.
	const drafted = await buildMeeting(db, { minutes: 'draft', items: [{ confidentiality: 'public' }] });
	const circulated = await buildMeeting(db, { minutes: 'circulated', items: [{ confidentiality: 'public' }] });
	const approved = await buildMeeting(db, {
		minutes: 'approved',
		items: [{ confidentiality: 'public' }, { confidentiality: 'restricted' }],
	});
	rows.minutes_version = {
		draft: await versionOf(drafted.meetingId),
		circulated: await versionOf(circulated.meetingId),
		approved: await versionOf(approved.meetingId),
	};
	const action = (meetingId: string, agendaItemId: string) =>
		addAction(db, secretariat, meetingId, { agendaItemId, description: 'Opvolgen', ownerPersonId: secretariat.personId });
	rows.action = {
		onDraft: await action(drafted.meetingId, drafted.itemIds[0]),
		onCirculated: await action(circulated.meetingId, circulated.itemIds[0]),
		onApproved: await action(approved.meetingId, approved.itemIds[0]),
		onApprovedRestricted: await action(approved.meetingId, approved.itemIds[1]),
	};
	await commentOnMinutes(db, actors.member, circulated.meetingId, { agendaItemId: circulated.itemIds[0], text: 'Opmerking' });
	const [comment] = await db
		.select({ id: minutesComment.id })
		.from(minutesComment)
		.where(eq(minutesComment.agendaItemId, circulated.itemIds[0]));
	rows.comment = { onCirculated: comment.id };

	// Crisis periods: one with a published meeting, one without.
	const crisisShown = await buildCrisisPeriod(db);
	const crisisHidden = await buildCrisisPeriod(db);
	await buildMeeting(db, { crisisPeriodId: crisisShown, published: true });
	await buildMeeting(db, { crisisPeriodId: crisisHidden });
	rows.crisis_period = { shown: crisisShown, hidden: crisisHidden };

	// Bodies: the Conference (published meetings) and a thematic consultation that never met.
	const [conference] = await db.select({ id: body.id }).from(body).where(eq(body.id, published.bodyId));
	const [quiet] = await db
		.insert(body)
		.values({ regionId: secretariat.regionId, kind: 'thematic_consultation', name: 'Stil overleg' })
		.returning({ id: body.id });
	rows.body = { conference: conference.id, quiet: quiet.id };

	// Topics: one of organisation X, one common problem of the director's municipality.
	const [municipality] = await db
		.select({ id: organisation.id })
		.from(organisation)
		.where(and(eq(organisation.regionId, secretariat.regionId), eq(organisation.kind, 'municipality')))
		.limit(1);
	const topicOf = async (actor: Actor, organisationId: string, commonProblem: boolean, title: string) =>
		submitTopic(
			db,
			{ store: files, maxBytes: 1e7 },
			actor,
			{
				organisationId,
				bodyId: published.bodyId,
				title,
				ask: 'information',
				summary: 'Samenvatting.',
				urgency: 'normal',
				confidentiality: 'internal',
				speakerIds: [],
				commonProblem,
			},
			[{ name: `${title}.pdf`, bytes: new Uint8Array(await samplePdf(title)) }],
		);
	const ofX = await topicOf(actors.contactX, orgX, false, 'Onderwerp X');
	const common = await topicOf(actors.director, municipality.id, true, 'Gemeenschappelijk probleem');
	rows.topic = { ofX, common };
	const documentOf = async (topicId: string) =>
		(await db.select({ id: topicDocument.id }).from(topicDocument).where(eq(topicDocument.topicId, topicId)))[0].id;
	rows.topic_document = { ofX: await documentOf(ofX), common: await documentOf(common) };

	// Stored files: the files of those meeting documents and topic documents, under the same names.
	const fileOfDocument = async (documentId: string) =>
		(await db.select({ id: documentVersion.fileId }).from(documentVersion).where(eq(documentVersion.documentId, documentId)))[0].id;
	const fileOfTopicDocument = async (id: string) =>
		(await db.select({ id: topicDocument.fileId }).from(topicDocument).where(eq(topicDocument.id, id)))[0].id;
	const fileRows: Record<string, string> = {};
	for (const [name, id] of Object.entries(rows.document ?? {})) fileRows[name] = await fileOfDocument(id);
	for (const [name, id] of Object.entries(rows.topic_document ?? {})) fileRows[name] = await fileOfTopicDocument(id);
	rows.file = fileRows;
}, 180_000);

afterAll(async () => {
	await database.close();
	fs.rmSync(filesDir, { recursive: true, force: true });
});

async function documentId(meetingId: string, title: string) {
	const found = await db.query.document.findFirst({
		where: (d, { and: both, eq: is }) => both(is(d.meetingId, meetingId), is(d.title, title)),
	});
	if (!found) throw new Error(`no document ${title}`);
	return found.id;
}

async function versionOf(meetingId: string) {
	const [row] = await db.select({ id: minutesVersion.id }).from(minutesVersion).where(eq(minutesVersion.meetingId, meetingId));
	return row.id;
}

const all = (...names: string[]) => names;

describe('who sees which row, kind by kind', () => {
	it('meetings: the region sees its unpublished meetings; everyone sees published ones', async () => {
		await expectMatrix('meeting', {
			anonymous: all('published'),
			otherRegion: all('published'),
			secretariat: all('published', 'unpublished'),
			member: all('published', 'unpublished'),
			director: all('published', 'unpublished'),
			official: all('published', 'unpublished'),
			contactX: all('published', 'unpublished'),
			contactY: all('published', 'unpublished'),
		});
	});

	it('agenda items: level by reader; contacts read public items and what their organisation brought', async () => {
		await expectMatrix('agenda_item', {
			anonymous: all('pub'),
			otherRegion: all('pub'),
			secretariat: all('pub', 'int', 'res', 'conf', 'intX', 'confX', 'draftPub'),
			member: all('pub', 'int', 'res', 'conf', 'intX', 'confX'),
			director: all('pub', 'int', 'res', 'intX'),
			official: all('pub', 'int', 'intX'),
			contactX: all('pub', 'intX', 'confX'),
			contactY: all('pub'),
		});
	});

	it('documents: their own level within a visible item; a contact gets what their organisation brought unless marked confidential', async () => {
		await expectMatrix('document', {
			anonymous: all('meetingPub'),
			otherRegion: all('meetingPub'),
			secretariat: all('meetingPub', 'meetingRes', 'pubDocInt', 'intXDocInt', 'intXDocConf', 'confDocPub'),
			member: all('meetingPub', 'meetingRes', 'pubDocInt', 'intXDocInt', 'intXDocConf', 'confDocPub'),
			director: all('meetingPub', 'meetingRes', 'pubDocInt', 'intXDocInt'),
			official: all('meetingPub', 'pubDocInt', 'intXDocInt'),
			contactX: all('meetingPub', 'intXDocInt'),
			contactY: all('meetingPub'),
		});
	});

	it('minutes versions: drafts to the secretariat, circulated also to members, approved to everyone', async () => {
		await expectMatrix('minutes_version', {
			anonymous: all('approved'),
			otherRegion: all('approved'),
			secretariat: all('draft', 'circulated', 'approved'),
			member: all('circulated', 'approved'),
			director: all('approved'),
			official: all('approved'),
			contactX: all('approved'),
			contactY: all('approved'),
		});
	});

	it('comments on circulated minutes: members and the secretariat only', async () => {
		await expectMatrix('comment', {
			anonymous: [],
			otherRegion: [],
			secretariat: all('onCirculated'),
			member: all('onCirculated'),
			director: [],
			official: [],
			contactX: [],
			contactY: [],
		});
	});

	it('actions: with the minutes the reader may read, on an item the reader sees', async () => {
		await expectMatrix('action', {
			anonymous: all('onApproved'),
			otherRegion: all('onApproved'),
			secretariat: all('onDraft', 'onCirculated', 'onApproved', 'onApprovedRestricted'),
			member: all('onCirculated', 'onApproved', 'onApprovedRestricted'),
			director: all('onApproved', 'onApprovedRestricted'),
			official: all('onApproved'),
			contactX: all('onApproved'),
			contactY: all('onApproved'),
		});
	});

	it('crisis periods and bodies: the region always; others once a meeting of theirs is published', async () => {
		const region = all('shown', 'hidden');
		await expectMatrix('crisis_period', {
			anonymous: all('shown'),
			otherRegion: all('shown'),
			secretariat: region,
			member: region,
			director: region,
			official: region,
			contactX: region,
			contactY: region,
		});
		const bodies = all('conference', 'quiet');
		await expectMatrix('body', {
			anonymous: all('conference'),
			otherRegion: all('conference'),
			secretariat: bodies,
			member: bodies,
			director: bodies,
			official: bodies,
			contactX: bodies,
			contactY: bodies,
		});
	});

	it('topics and their documents: the secretariat, the submitter and their organisation; common problems to every director', async () => {
		const expected = {
			anonymous: [],
			otherRegion: [],
			secretariat: all('ofX', 'common'),
			member: [],
			director: all('common'),
			official: [],
			contactX: all('ofX'),
			contactY: [],
		};
		await expectMatrix('topic', expected);
		await expectMatrix('topic_document', expected);
	});

	it('stored files: whoever sees one of the file’s owners (a meeting or item document, a topic document)', async () => {
		await expectMatrix('file', {
			anonymous: all('meetingPub'),
			otherRegion: all('meetingPub'),
			secretariat: all('meetingPub', 'meetingRes', 'pubDocInt', 'intXDocInt', 'intXDocConf', 'confDocPub', 'ofX', 'common'),
			member: all('meetingPub', 'meetingRes', 'pubDocInt', 'intXDocInt', 'intXDocConf', 'confDocPub'),
			director: all('meetingPub', 'meetingRes', 'pubDocInt', 'intXDocInt', 'common'),
			official: all('meetingPub', 'pubDocInt', 'intXDocInt'),
			contactX: all('meetingPub', 'intXDocInt', 'ofX'),
			contactY: all('meetingPub'),
		});
	});

	it('leaves out what is not an id, and answers an empty set for an empty list', async () => {
		expect(await visibleIds(db, readers.secretariat, 'meeting', [])).toEqual(new Set());
		expect(await visibleIds(db, readers.secretariat, 'meeting', ["' or 1=1 --", 'x'])).toEqual(new Set());
	});
});
