// Which council information sessions and questions a reader may see (ADR 0031), as composable SQL
// builders over the reader's facts (ADR 0010), used by every read of sessions: pages, the pack, the
// presenter view, the CSV and mails. A row that is not visible is not returned, so it answers 404.
//
// - A session is managed by its region's secretariat, who sees it in every state.
// - Once invited, a public session is seen by everyone; a session that is not public by the region's
//   officials (councillors, Colleges, general directors, staff; not external contacts).
// - A question asked beforehand is seen by its asker and the secretariat always; by the region's other
//   officials while the session is prepared and held (so they can support it), unless declined or merged;
//   after publication by everyone who sees the session, when it was answered. An asker's name is shown
//   beyond the asker and the secretariat only with their consent (`askerShown`).
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Reader } from '../access/reader.ts';
import { boolParam, uuidParam } from '../access/sql.ts';

type Columns<K extends string> = { [key in K]: AnyPgColumn };
type SessionT = Columns<'regionId' | 'public' | 'status'>;
type QuestionT = Columns<'status' | 'askedByPersonId' | 'consentToPublish'>;

const FALSE = sql`false`;

const inRegion = (r: Reader, s: Columns<'regionId'>): SQL => (r.regionId ? sql`${s.regionId} = ${uuidParam(r.regionId)}` : FALSE);

/** The reader is the secretariat of the session's region: manages it and sees all of it. */
export function sessionManaged(r: Reader, s: Columns<'regionId'>): SQL {
	return r.regionId && r.secretariat ? sql`(${inRegion(r, s)})` : FALSE;
}

/** The reader is an official of the session's region (its audience, staff): reads what is internal to it. */
export function sessionOfficial(r: Reader, s: Columns<'regionId'>): SQL {
	return r.regionId && (r.official || r.secretariat) ? sql`(${inRegion(r, s)})` : FALSE;
}

/** Session `s` is visible to the reader. */
export function sessionVisible(r: Reader, s: SessionT): SQL {
	return sql`(${sessionManaged(r, s)} or (${s.status} <> 'planned' and (${s.public} or ${sessionOfficial(r, s)})))`;
}

/** Question `q` of session `s` is visible to the reader. */
export function sessionQuestionVisible(r: Reader, s: SessionT, q: QuestionT): SQL {
	const own = r.personId ? sql`${q.askedByPersonId} = ${uuidParam(r.personId)}` : FALSE;
	return sql`(${sessionManaged(r, s)} or (${sessionVisible(r, s)} and (${own}
		or (${s.status} <> 'published' and ${sessionOfficial(r, s)} and ${q.status} not in ('declined', 'merged'))
		or (${s.status} = 'published' and ${q.status} in ('answered_in_session', 'answered_in_writing')))))`;
}

/** The asker's name of question `q` may be shown to the reader: theirs, the secretariat's, or with consent. */
export function askerShown(r: Reader, s: Columns<'regionId'>, q: QuestionT): SQL {
	const own = r.personId ? sql`${q.askedByPersonId} = ${uuidParam(r.personId)}` : FALSE;
	return sql`(${sessionManaged(r, s)} or ${own} or ${q.consentToPublish} = ${boolParam(true)})`;
}
