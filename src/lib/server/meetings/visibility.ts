// Who may read what of the meeting cycle: ONE predicate, in SQL, used by every read (pages, PDFs,
// downloads, and later search, feeds, OParl, mail). A forbidden row is simply not returned (404).
//
// The level a reader reads of a meeting's items (0 public, 1 internal, 2 restricted, 3 confidential):
// secretariat of the meeting's region → 3; a current member of the meeting's body → 3; a general
// director of the region → 2; any other person of the region → 1; anonymous or another region → 0.
// An item is visible when its agenda is published (the secretariat also sees drafts) and its level is
// within the reader's, or when the reader (or the reader's organisation) brought it.
import type { Actor } from '../auth/actor.ts';
import type { Param } from '../db/prepared.ts';
import { isMemberRole } from './meetings.policy.ts';

/** The reader's facts, always the first six parameters ($1–$6) of a meeting query. */
export function readerParams(actor: Actor | null | undefined): Param[] {
	if (!actor) return [null, null, false, false, '{}', '{}'];
	// Members (and chairs) of a body read its confidential items; a contact of an external
	// organisation also reads what that organisation brought. Other mandates count for neither.
	const bodies = new Set(actor.roles.flatMap((r) => (r.bodyId && isMemberRole(r.role) ? [r.bodyId] : [])));
	const organisations = new Set(actor.roles.flatMap((r) => (r.organisationId && r.role === 'contact' ? [r.organisationId] : [])));
	return [
		actor.regionId,
		actor.personId,
		actor.isRegionAdmin,
		actor.roles.some((r) => r.role === 'general_director'),
		`{${[...bodies].join(',')}}`,
		`{${[...organisations].join(',')}}`,
	];
}

/** Number of reader parameters; a query's own parameters start at $7. */
export const READER_PARAMS = 6;

const LEVEL = (column: string) => `(array_position(array['public','internal','restricted','confidential']::text[], ${column}) - 1)`;

/** The level (0–3) the reader reads of meeting alias `m`. */
export const readerRank = (m: string) => `(case
	when ${m}.region_id is distinct from $1::uuid then 0
	when $3::boolean then 3
	when ${m}.body_id = any($5::uuid[]) then 3
	when $4::boolean then 2
	when $2::uuid is not null then 1
	else 0 end)`;

/** True when the reader is the secretariat of meeting alias `m`'s region. */
export const isSecretariatOf = (m: string) => `(${m}.region_id = $1::uuid and $3::boolean)`;

/** True when the reader is a person of meeting `m`'s region who is a current member of its body. */
export const isMemberOf = (m: string) => `(${m}.region_id = $1::uuid and ${m}.body_id = any($5::uuid[]))`;

/** The meeting itself is visible: to its region's people always; to others once its agenda is published. */
export const meetingVisible = (m: string) => `(${m}.region_id = $1::uuid or ${m}.agenda_published_at is not null)`;

/** Did the reader, or the reader's organisation, bring item alias `i`. */
const broughtByReader = (m: string, i: string) =>
	`(${m}.region_id = $1::uuid and (${i}.brought_by_person_id = $2::uuid or ${i}.brought_by_organisation_id = any($6::uuid[])))`;

/** Item alias `i` of meeting alias `m` is visible to the reader. */
export const itemVisible = (
	m: string,
	i: string,
) => `(${meetingVisible(m)} and (${isSecretariatOf(m)} or (${m}.agenda_published_at is not null
	and (${LEVEL(`${i}.confidentiality`)} <= ${readerRank(m)} or ${broughtByReader(m, i)}))))`;

/** Document alias `d` (of meeting `m`, on item `i` or on the meeting when `i` is null) is visible. */
export const documentVisible = (m: string, i: string, d: string) => `(case when ${d}.agenda_item_id is null
	then ${meetingVisible(m)} and (${isSecretariatOf(m)} or (${m}.agenda_published_at is not null and ${LEVEL(`${d}.confidentiality`)} <= ${readerRank(m)}))
	else ${itemVisible(m, i)} and (${LEVEL(`${d}.confidentiality`)} <= ${readerRank(m)} or ${broughtByReader(m, i)} or ${isSecretariatOf(m)}) end)`;
