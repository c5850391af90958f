// Moves of a bottleneck (*knelpunt*) through `workflows.bottleneck`, each with its evidence, in one
// transaction with the generic move (dossiers.service.ts `moveDossier`, whose `inside` callback checks and
// records the evidence): a position taken names the minutes item where the Conference took it (an item of
// the region whose minutes are approved; kept on the status change's entry); a letter sent has its day,
// the addressee (an organisation of the directory) and its document (a 'letter' entry with the file),
// and sets the day the answer is due (Belgian working days after it); an answer has its document (an
// 'answer' entry in reply to the letter) and sets the day it came. A move without its evidence gets a
// field message and changes nothing; so does a move not allowed from the current state.
import { and, desc, eq } from 'drizzle-orm';
import { answerDueOn } from '../../domain/bottlenecks.ts';
import { bottleneckEvidence, DEFAULT_RESPONSE_WORKING_DAYS } from '../../domain/dossiers.ts';
import type { Actor } from '../access/actor.ts';
import type { Db, Transactor } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { type CheckedFile, checkUpload, recordFile } from '../files/files.service.ts';
import type { FileStore } from '../files/store.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type { Upload } from '../http/uploads.ts';
import { agendaItem, minutesEntry, minutesVersion } from '../meetings/meetings.tables.ts';
import type { BottleneckMoveInput } from './bottlenecks.schema.ts';
import { type At, moveDossier } from './dossiers.service.ts';
import { bottleneck, dossierEntry } from './dossiers.tables.ts';
import { notifyFollowers } from './follow.service.ts';

/** Where the letters and answers go, and how large they may be. */
export interface BottleneckFiles {
	store: FileStore;
	maxBytes: number;
}

/** A document already in the store (the demo's generated PDFs), with its text known. */
export interface PreparedFile {
	file: CheckedFile;
	extracted?: string;
}

/** Whether a minutes item can be the evidence of a position: an item of the region in approved minutes. */
async function positionItem(tx: Db, regionId: string, agendaItemId: string): Promise<boolean> {
	const [row] = await tx
		.select({ id: agendaItem.id })
		.from(agendaItem)
		.innerJoin(minutesEntry, eq(minutesEntry.agendaItemId, agendaItem.id))
		.innerJoin(minutesVersion, and(eq(minutesVersion.id, minutesEntry.minutesVersionId), eq(minutesVersion.status, 'approved')))
		.where(and(eq(agendaItem.id, agendaItemId), eq(agendaItem.regionId, regionId)))
		.limit(1);
	return Boolean(row);
}

/**
 * Move bottleneck `id` to `input.to` with the evidence that move needs; `upload` is the letter's or the
 * answer's document (checked and stored before the transaction: a refused file changes nothing). The demo
 * passes `prepared` instead: a file it already put in the store. Returns the status change's entry id.
 */
export async function moveBottleneck(
	db: Transactor,
	files: BottleneckFiles | null,
	actor: Actor,
	id: string,
	input: BottleneckMoveInput,
	upload: Upload | PreparedFile | null,
	{ at = new Date() }: At = {},
): Promise<string> {
	// Only the secretariat moves a bottleneck; anyone else learns nothing, not even what evidence is missing.
	if (!actor.isRegionAdmin) throw notFound();
	const needs = bottleneckEvidence[input.to];
	if (needs === 'minutes_item' && !input.agendaItemId) throw invalidField('agendaItemId', 'evidence_required');
	if (needs === 'letter' && !input.addresseeOrganisationId) throw invalidField('addresseeOrganisationId', 'evidence_required');
	const needsFile = needs === 'letter' || needs === 'answer_document';
	if (needsFile && !upload) throw invalidField('file', 'file_required');
	let checked: PreparedFile | null = null;
	if (needsFile && upload) {
		if ('file' in upload) checked = upload;
		else {
			if (!files) throw invalidField('file', 'file_required');
			checked = { file: await checkUpload(files.store, upload, files.maxBytes) };
		}
	}
	return db.transaction(async (tx) => {
		let evidenceItem: string | null = null;
		const entryId = await moveDossier(tx, actor, id, { to: input.to, on: input.on, note: input.note }, { at }, async (inner, row) => {
			if (row.type !== 'bottleneck') throw notFound();
			const [details] = await inner.select().from(bottleneck).where(eq(bottleneck.dossierId, id)).for('update');
			const record = (file: PreparedFile) => recordFile(inner, actor, file.file, { at, extracted: file.extracted });
			if (needs === 'minutes_item') {
				const item = input.agendaItemId as string;
				if (!(await positionItem(inner, actor.regionId, item))) throw invalidField('agendaItemId', 'minutes_not_approved');
				evidenceItem = item;
			} else if (needs === 'letter') {
				const addressee = input.addresseeOrganisationId as string;
				const [org] = await inner
					.select({ id: organisation.id })
					.from(organisation)
					.where(and(eq(organisation.id, addressee), eq(organisation.regionId, actor.regionId)));
				if (!org) throw invalidField('addresseeOrganisationId', 'not_in_region');
				const days = input.responseWorkingDays ?? details?.responseWorkingDays ?? DEFAULT_RESPONSE_WORKING_DAYS;
				const fileId = await record(checked as PreparedFile);
				const [told] = await inner
					.insert(dossierEntry)
					.values({
						regionId: actor.regionId,
						dossierId: id,
						kind: 'letter',
						occurredOn: input.on,
						title: input.title ?? row.title,
						body: input.note ?? null,
						confidentiality: row.confidentiality,
						organisationId: addressee,
						fileId,
						recordedByPersonId: actor.personId,
						recordedAt: at,
					})
					.returning({ id: dossierEntry.id });
				await notifyFollowers(inner, id, { kind: 'entry', id: told.id }, { at });
				const values = {
					addresseeOrganisationId: addressee,
					responseWorkingDays: days,
					letterSentOn: input.on,
					answerDueOn: answerDueOn(input.on, days),
					answeredOn: null,
					updatedAt: at,
				};
				await inner
					.insert(bottleneck)
					.values({ dossierId: id, regionId: actor.regionId, ...values })
					.onConflictDoUpdate({ target: bottleneck.dossierId, set: values });
			} else if (needs === 'answer_document') {
				const [letter] = await inner
					.select({ id: dossierEntry.id, organisationId: dossierEntry.organisationId, occurredOn: dossierEntry.occurredOn })
					.from(dossierEntry)
					.where(and(eq(dossierEntry.dossierId, id), eq(dossierEntry.kind, 'letter')))
					.orderBy(desc(dossierEntry.occurredOn), desc(dossierEntry.recordedAt))
					.limit(1);
				if (!letter) throw invalidField('to', 'no_letter');
				if (input.on < letter.occurredOn) throw invalidField('on', 'answer_before_letter');
				const fileId = await record(checked as PreparedFile);
				const [told] = await inner
					.insert(dossierEntry)
					.values({
						regionId: actor.regionId,
						dossierId: id,
						kind: 'answer',
						occurredOn: input.on,
						title: input.title ?? row.title,
						body: input.note ?? null,
						confidentiality: row.confidentiality,
						organisationId: letter.organisationId,
						fileId,
						inReplyToId: letter.id,
						recordedByPersonId: actor.personId,
						recordedAt: at,
					})
					.returning({ id: dossierEntry.id });
				await notifyFollowers(inner, id, { kind: 'entry', id: told.id }, { at });
				await inner.update(bottleneck).set({ answeredOn: input.on, updatedAt: at }).where(eq(bottleneck.dossierId, id));
			}
		});
		// The position's evidence is the status change's own: the minutes item on its entry.
		if (evidenceItem) await tx.update(dossierEntry).set({ agendaItemId: evidenceItem }).where(eq(dossierEntry.id, entryId));
		return entryId;
	});
}
