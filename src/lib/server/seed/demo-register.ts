// Seeds the register's part of the demo: the higher governments the bottlenecks are addressed to and the
// funders of the subsidy dossiers (through the directory service), the histories of the seven bottlenecks
// through the bottleneck service (one answered with its answer document, one overdue, others at various
// states; positions link the Conference's item "Knelpunten hogere overheid" in approved minutes), and the
// two subsidy dossiers' funders, amounts and milestones (a report due within two months, one past).
// Dates are relative to `now`. Letters and answers are small generated PDFs; without a file store only
// what needs no document (the positions) is recorded.
import { todayInBrussels } from '../../domain/dates.ts';
import { addDays, isWorkingDay } from '../../domain/working-days.ts';
import type { Tx } from '../db/client.ts';
import { createOrganisations } from '../directory/directory.service.ts';
import { positionCandidates } from '../dossiers/bottlenecks.queries.ts';
import type { BottleneckMoveInput } from '../dossiers/bottlenecks.schema.ts';
import { moveBottleneck, type PreparedFile } from '../dossiers/bottlenecks.service.ts';
import { addMilestone, saveSubsidy } from '../dossiers/subsidies.service.ts';
import type { FileStore } from '../files/store.ts';
import { renderPdf } from '../pdf/pdf.ts';
import { DEMO_BOTTLENECKS, DEMO_SUBSIDIES } from './data/dossiers.ts';
import type { DemoDossierIds } from './demo-dossiers.ts';
import type { DemoMeetingsContext } from './demo-meetings.ts';

/** The working day `n` working days before `day`. */
function workingDaysBefore(day: string, n: number): string {
	let current = day;
	for (let left = n; left > 0; ) {
		current = addDays(current, -1);
		if (isWorkingDay(current)) left--;
	}
	return current;
}

/** A letter or an answer as a small PDF in the store, with its text. */
async function demoDocument(files: FileStore, regionName: string, fileName: string, title: string, body: string): Promise<PreparedFile> {
	const bytes = await renderPdf({
		regionName,
		title,
		subtitle: 'Conferentie van Burgemeesters',
		meta: [],
		sections: [{ heading: title, body }],
		pageLabel: (page, total) => `Pagina ${page} van ${total}`,
		language: 'nl-BE',
		documentTitle: title,
	});
	const stored = await files.put(new Uint8Array(bytes));
	return { file: { fileName, mediaType: 'application/pdf', size: stored.size, sha256: stored.sha256 }, extracted: `${title}\n\n${body}` };
}

/** Seed the register's demo; the secretariat of `context` acts. */
export async function seedDemoRegister(
	tx: Tx,
	context: DemoMeetingsContext,
	dossiers: DemoDossierIds,
	files: FileStore | undefined,
	now: Date,
) {
	const actor = context.secretariat;
	const at = { at: now };
	const today = todayInBrussels(now);
	const [flanders, abb, omgeving, interreg] = await createOrganisations(tx, actor, [
		{ kind: 'external_organisation', name: 'Vlaamse Regering', website: 'https://www.vlaanderen.be/vlaamse-regering' },
		{ kind: 'external_organisation', name: 'Agentschap Binnenlands Bestuur', website: 'https://www.vlaanderen.be/binnenlands-bestuur' },
		{ kind: 'external_organisation', name: 'Departement Omgeving (Vlaamse overheid)' },
		{ kind: 'external_organisation', name: 'Europese Commissie (Interreg)', nameFr: 'Commission européenne (Interreg)' },
	]);

	// The Conference's position on the bottlenecks, in approved minutes (any approved item otherwise).
	const candidates = await positionCandidates(tx, context.regionId);
	const position = candidates.find((c) => c.title.startsWith('Knelpunten hogere overheid')) ?? candidates[0];
	const positionDay = position ? todayInBrussels(position.startsAt) : null;

	const idOf = (i: number) => dossiers.get(DEMO_BOTTLENECKS[i].title) as string;
	const move = (i: number, input: BottleneckMoveInput, document: PreparedFile | null = null) =>
		moveBottleneck(tx, null, actor, idOf(i), input, document, at);
	const document = (name: string, title: string, body: string) =>
		files ? demoDocument(files, context.regionName, name, title, body) : Promise.resolve(null);

	/** Position taken (the minutes item), then, with a document store, the letter `letterAgo` working days ago. */
	const history = async (i: number, addressee: string, letterAgo: number | null) => {
		if (!position || !positionDay) return null;
		const letterDay = letterAgo === null ? null : workingDaysBefore(today, letterAgo);
		const on = letterDay && positionDay > letterDay ? addDays(letterDay, -7) : positionDay;
		await move(i, { to: 'position_taken', on, agendaItemId: position.id, note: 'Gemeenschappelijk standpunt van de Conferentie.' });
		if (letterDay === null) return null;
		const title = DEMO_BOTTLENECKS[i].title;
		const letter = await document(
			`brief-${i + 1}.pdf`,
			`Brief: ${title}`,
			`De Conferentie van Burgemeesters vraagt aandacht voor het volgende knelpunt.\n\n${DEMO_BOTTLENECKS[i].summary}`,
		);
		if (!letter) return null;
		await move(i, { to: 'letter_sent', on: letterDay, addresseeOrganisationId: addressee, title: `Brief: ${title}` }, letter);
		await move(i, { to: 'awaiting_answer', on: letterDay });
		return letterDay;
	};
	const answer = async (i: number, on: string, from: string) => {
		const doc = await document(
			`antwoord-${i + 1}.pdf`,
			`Antwoord van ${from}`,
			`Antwoord op de brief van de Conferentie over: ${DEMO_BOTTLENECKS[i].title}.`,
		);
		if (doc) await move(i, { to: 'answered', on, title: `Antwoord van ${from}` }, doc);
		return Boolean(doc);
	};

	// 0: answered (letter about four months ago, the answer within its period).
	const first = await history(0, flanders, 80);
	if (first) await answer(0, workingDaysBefore(today, 55), 'de Vlaamse Regering');
	// 1: overdue (letter 45 working days ago, no answer).
	await history(1, abb, 45);
	// 2: a position in the minutes, no letter yet.
	await history(2, flanders, null);
	// 3: a letter ten working days ago, the answer not due yet.
	await history(3, abb, 10);
	// 4: raised only.
	// 5: answered, then followed up.
	const fifth = await history(5, flanders, 70);
	if (fifth && (await answer(5, workingDaysBefore(today, 40), 'de Vlaamse Regering')))
		await move(5, {
			to: 'follow_up',
			on: workingDaysBefore(today, 30),
			note: 'Het antwoord is onvolledig: de Conferentie vraagt een overleg.',
		});
	// 6: answered and resolved.
	const sixth = await history(6, flanders, 120);
	if (sixth && (await answer(6, workingDaysBefore(today, 95), 'de Vlaamse Regering')))
		await move(6, { to: 'resolved', on: workingDaysBefore(today, 90), note: 'Structurele financiering opgenomen in het nieuwe decreet.' });

	// The two subsidy dossiers: funders, amounts, milestones.
	const [schools, crossBorder] = DEMO_SUBSIDIES.map((s) => dossiers.get(s.title) as string);
	const day = (n: number) => addDays(today, n);
	await saveSubsidy(
		tx,
		actor,
		schools,
		{
			funderOrganisationId: omgeving,
			funderLevel: 'flanders',
			callName: 'Oproep ontharding en vergroening',
			callReference: 'ONT-2025-017',
			amountApplied: 18_000_000,
			amountAwarded: 15_000_000,
			amountPaid: 6_000_000,
		},
		at,
	);
	for (const ms of [
		{ kind: 'application' as const, planned: day(-300), actual: day(-302) },
		{ kind: 'decision' as const, planned: day(-220), actual: day(-210) },
		{ kind: 'report' as const, label: 'Eerste voortgangsrapport', planned: day(-60), actual: day(-62) },
		{ kind: 'report' as const, label: 'Tussentijds rapport', planned: day(40) },
		{ kind: 'payment' as const, label: 'Tweede schijf', planned: day(150) },
		{ kind: 'end' as const, planned: day(400).slice(0, 7) },
	])
		await addMilestone(tx, actor, schools, ms, at);
	await saveSubsidy(
		tx,
		actor,
		crossBorder,
		{
			funderOrganisationId: interreg,
			funderLevel: 'eu',
			callName: 'Interreg VI France-Wallonie-Vlaanderen',
			callReference: 'FWVL-2026-03',
			amountApplied: 125_000_000,
			amountAwarded: null,
			amountPaid: null,
		},
		at,
	);
	for (const ms of [
		{ kind: 'application' as const, planned: day(-70), actual: day(-75) },
		{ kind: 'decision' as const, planned: day(120).slice(0, 7) },
	])
		await addMilestone(tx, actor, crossBorder, ms, at);
}
