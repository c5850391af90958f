// Who brought an agenda item, the notice to a reader whose numbering has gaps, and the attendance of the minutes PDF
// with each person's municipality, on a real database (PGlite and PostgreSQL 15).
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting, buildTopic } from '../../../../tests/support/builders.ts';
import { actorFor } from '../../../../tests/support/factories.ts';
import { openTestDatabase } from '../../../../tests/support/test-db.ts';
import { hasNumberingGap } from '../../domain/meetings.ts';
import type { Actor } from '../access/actor.ts';
import { readerOf } from '../access/reader.ts';
import type { Database, RootDb } from '../db/client.ts';
import { organisation, person } from '../directory/directory.tables.ts';
import { getTopicPage } from '../intake/topics.queries.ts';
import { recordAttendance } from './attendance.service.ts';
import { agendaPdf, minutesPdf } from './meetings.pdf.ts';
import { getMeetingPage } from './meetings.queries.ts';
import { updateItem } from './meetings.service.ts';

let database: Database;
let db: RootDb;
let secretariat: Actor;
let mayor: Actor;
let councillor: Actor;

beforeAll(async () => {
	database = await openTestDatabase();
	db = database.db;
	secretariat = await actorFor(db, 'secretariaat@leiedal.demo');
	mayor = await actorFor(db, 'burgemeester@kortrijk.demo');
	councillor = await actorFor(db, 'raadslid@kortrijk.demo');
});

afterAll(async () => {
	await database?.close();
});

async function pdfText(buffer: Buffer): Promise<string> {
	const pdf = await getDocumentProxy(new Uint8Array(buffer));
	const { text } = await extractText(pdf, { mergePages: true });
	await pdf.destroy();
	return text.replace(/\s+/g, ' ');
}

const nameOf = async (personId: string) => {
	const [row] = await db.select().from(person).where(eq(person.id, personId));
	return `${row.givenName} ${row.familyName}`;
};

describe('who brought an agenda item', () => {
	it('an accepted topic brings its submitter and organisation onto the item; the item form changes them', async () => {
		const { topicId, submitter, organisationId, meetingId = '' } = await buildTopic(db, { title: 'Zwembad Zuid', status: 'accepted' });
		const itemId = (await getTopicPage(db, secretariat, topicId))?.topic.agendaItemId ?? '';
		const [org] = await db.select().from(organisation).where(eq(organisation.id, organisationId));
		const submitterName = await nameOf(submitter.personId);
		const item = (await getMeetingPage(db, readerOf(secretariat), meetingId))?.items.find((i) => i.id === itemId);
		expect(item).toMatchObject({
			broughtByPersonId: submitter.personId,
			broughtByOrganisationId: organisationId,
			broughtByPerson: submitterName,
			broughtByOrganisation: org.name,
			broughtBy: `${submitterName} (${org.name})`,
		});

		// The secretariat names another organisation and no person: the item shows the organisation alone.
		const [kortrijk] = await db.select().from(organisation).where(eq(organisation.nisCode, '34022'));
		await updateItem(db, secretariat, meetingId, itemId, {
			title: 'Zwembad Zuid',
			kind: 'information',
			speakerIds: [],
			confidentiality: 'internal',
			broughtByOrganisationId: kortrijk.id,
		});
		const page = await getMeetingPage(db, readerOf(secretariat), meetingId);
		expect(page?.items.find((i) => i.id === itemId)).toMatchObject({
			broughtByPerson: null,
			broughtByOrganisation: kortrijk.name,
			broughtBy: kortrijk.name,
		});
		expect(await pdfText(await agendaPdf(page!, 'nl-BE'))).toContain(`Aangebracht door: ${kortrijk.name}`);
	});
});

describe('items a reader may not see', () => {
	let meetingId: string;
	beforeAll(async () => {
		({ meetingId } = await buildMeeting(db, {
			status: 'agenda_published',
			items: [
				{ title: 'Open punt', confidentiality: 'internal' },
				{ title: 'Vertrouwelijk punt', confidentiality: 'confidential' },
				{ title: 'Laatste punt', confidentiality: 'internal' },
			],
		}));
	});

	it('a councillor sees a gap in the numbering and is told items are left out; the mayor sees every item', async () => {
		const forCouncillor = await getMeetingPage(db, readerOf(councillor), meetingId);
		const forMayor = await getMeetingPage(db, readerOf(mayor), meetingId);
		// The approval of the previous minutes comes first on a built meeting.
		const numbers = (page: typeof forMayor) => page?.items.filter((i) => i.kind !== 'minutes_approval').map((i) => [i.number, i.title]);
		expect(numbers(forMayor)?.map(([, title]) => title)).toEqual(['Open punt', 'Vertrouwelijk punt', 'Laatste punt']);
		expect(numbers(forCouncillor)?.map(([, title]) => title)).toEqual(['Open punt', 'Laatste punt']);
		expect(hasNumberingGap(forCouncillor!.items)).toBe(true);
		expect(hasNumberingGap(forMayor!.items)).toBe(false);

		const notice = 'Agendapunten die u niet mag inzien, zijn weggelaten.';
		const councillorPdf = await pdfText(await agendaPdf(forCouncillor!, 'nl-BE'));
		expect(councillorPdf).toContain(notice);
		expect(councillorPdf).not.toContain('Vertrouwelijk punt');
		expect(await pdfText(await agendaPdf(forMayor!, 'nl-BE'))).not.toContain(notice);
		expect(await pdfText(await agendaPdf(forCouncillor!, 'fr'))).toContain(
			"Les points de l'ordre du jour que vous ne pouvez pas consulter sont omis.",
		);
	});
});

describe('the minutes PDF', () => {
	it('lists who attended with their municipality, and states the version and that it is not approved yet', async () => {
		const { meetingId } = await buildMeeting(db, { date: '2045-06-16', status: 'held', minutes: 'draft', items: [{ title: 'Punt' }] });
		await recordAttendance(db, secretariat, meetingId, [{ personId: mayor.personId, status: 'present' }], {
			at: new Date('2045-06-16T12:00:00Z'), // on the meeting's day: presence is recorded from then
		});
		const page = await getMeetingPage(db, readerOf(secretariat), meetingId);
		const row = page?.attendance?.find((a) => a.personId === mayor.personId);
		expect(row).toMatchObject({ status: 'present', organisation: expect.stringContaining('Kortrijk') });
		const text = await pdfText(await minutesPdf(page!, 'nl-BE'));
		expect(text).toContain('Aanwezigheden');
		expect(text).toContain(`${row?.organisation} ${await nameOf(mayor.personId)} aanwezig`);
		expect(text).toContain('Versie: 1');
		expect(text).toContain('Goedkeuring: ontwerp, niet goedgekeurd');
	});
});
