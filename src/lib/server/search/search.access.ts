// Which search rows a reader may see: the features' own access builders (ADR 0010), applied to the columns
// each row copied from its source (search.indexer.ts). Search therefore answers exactly what the pages
// answer, and the condition is part of the query that finds the candidates: nothing a reader may not see
// is ranked, counted, faceted or cut into a snippet.
import { type SQL, sql } from 'drizzle-orm';
import type { Reader } from '../access/reader.ts';
import { uuidParam } from '../access/sql.ts';
import { dossierVisible, entryVisible, questionVisible } from '../dossiers/dossiers.access.ts';
import { topicVisible } from '../intake/intake.access.ts';
import {
	actionVisible,
	bodyVisible,
	documentVisible,
	itemVisible,
	meetingVisible,
	minutesVersionVisible,
	secretariatOf,
} from '../meetings/meetings.access.ts';
import { registryVisible } from '../registry/registry.access.ts';
import { sessionQuestionVisible, sessionVisible } from '../sessions/sessions.access.ts';
import { searchDocument as sd } from './search.tables.ts';

// The source tables' columns, as the builders name them, on the search row.
const meeting = { id: sd.meetingId, regionId: sd.regionId, bodyId: sd.bodyId, agendaPublishedAt: sd.agendaPublishedAt };
const item = {
	confidentiality: sd.itemConfidentiality,
	broughtByPersonId: sd.broughtByPersonId,
	broughtByOrganisationId: sd.broughtByOrganisationId,
};
const document = { confidentiality: sd.confidentiality, agendaItemId: sd.agendaItemId };
const minutes = { status: sd.minutesStatus };
const dossier = {
	id: sd.dossierId,
	regionId: sd.regionId,
	confidentiality: sd.dossierConfidentiality,
	leadOrganisationId: sd.leadOrganisationId,
};
const entry = { confidentiality: sd.confidentiality };
const question = { status: sd.status, askedByPersonId: sd.askedByPersonId, mergedIntoId: sd.mergedIntoId };
const topic = {
	regionId: sd.regionId,
	submittedByPersonId: sd.submittedByPersonId,
	organisationId: sd.organisationId,
	commonProblem: sd.commonProblem,
};
const session = { regionId: sd.regionId, public: sd.sessionPublic, status: sd.sessionStatus };
const sessionQuestion = { status: sd.status, askedByPersonId: sd.askedByPersonId, consentToPublish: sd.consentToPublish };

/** The people and organisations of a region are read by its signed-in people (the directory's pages). */
const ofReadersRegion = (r: Reader): SQL => (r.regionId && r.personId ? sql`${sd.regionId} = ${uuidParam(r.regionId)}` : sql`false`);

/** Each kind's condition. */
const rules = (r: Reader): [string, SQL][] => [
	['meeting', meetingVisible(r, meeting)],
	['agenda_item', itemVisible(r, meeting, item)],
	['minutes_entry', sql`(${minutesVersionVisible(r, meeting, minutes)} and ${itemVisible(r, meeting, item)})`],
	['action', actionVisible(r, meeting, item)],
	['document', documentVisible(r, meeting, item, document)],
	['topic', topicVisible(r, topic)],
	['dossier', dossierVisible(r, dossier)],
	['dossier_entry', entryVisible(r, dossier, entry)],
	['dossier_question', questionVisible(r, dossier, question)],
	['session', sessionVisible(r, session)],
	['session_question', sessionQuestionVisible(r, session, sessionQuestion)],
	['person', ofReadersRegion(r)],
	['organisation', ofReadersRegion(r)],
	['body', bodyVisible(r, { id: sd.bodyId, regionId: sd.regionId })],
	['structure', registryVisible(r, sd)],
	// The dispatch dashboard is the secretariat's (dispatch.access.ts requireSecretariat).
	['dispatch', r.secretariat ? secretariatOf(r, meeting) : sql`false`],
];

/** The search rows the reader may see. */
export function searchVisible(r: Reader): SQL {
	const parts = rules(r).map(([kind, rule]) => sql`(${sd.kind} = ${kind} and ${rule})`);
	return sql`(${sql.join(parts, sql` or `)})`;
}
