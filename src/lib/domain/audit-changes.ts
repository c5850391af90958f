// What an audit entry changed, as fields: the stored before/after rows compared field by field, with
// the bookkeeping columns left out, and the ids they refer to (to be shown by name).

/** One changed field: its name and its value before and after (null when absent). */
export interface FieldChange {
	field: string;
	before: unknown;
	after: unknown;
}

/** Columns every row has or that say nothing to a reader (ids, region, timestamps of the row itself, secrets). */
const HIDDEN = new Set([
	'id',
	'regionId',
	'createdAt',
	'updatedAt',
	'passwordHash',
	'tokenHash',
	'roleUri',
	'classificationUri',
	'secret',
	'searchVector',
]);

/** The kind of object an id field refers to, where it refers to one the log can name. */
export const referenceKinds: Record<string, string> = {
	personId: 'person',
	ownerPersonId: 'person',
	authorPersonId: 'person',
	representedByPersonId: 'person',
	submittedByPersonId: 'person',
	speakerIds: 'person',
	organisationId: 'organisation',
	ownerOrganisationId: 'organisation',
	bodyId: 'body',
	referralBodyId: 'body',
	meetingId: 'meeting',
	approvedAtMeetingId: 'meeting',
	approvesMeetingId: 'meeting',
	agendaItemId: 'agenda_item',
	topicId: 'topic',
	accountId: 'account',
	invitedByAccountId: 'account',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const asRecord = (v: unknown): Record<string, unknown> =>
	v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * The fields that differ between `before` and `after` (either may be null: a creation, a deletion), in
 * the order they first appear; a value that is not an object is shown as one field named "value".
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
	const wrap = (v: unknown) =>
		v === null || v === undefined ? {} : typeof v === 'object' && !Array.isArray(v) ? asRecord(v) : { value: v };
	const a = wrap(before);
	const b = wrap(after);
	const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
	return fields
		.filter((f) => !HIDDEN.has(f) && !same(a[f], b[f]))
		.filter((f) => !(a[f] == null && b[f] == null))
		.map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}

/** The ids the changes refer to, per kind of object (to look up their names in one query per kind). */
export function referencedIds(changes: FieldChange[]): Map<string, Set<string>> {
	const wanted = new Map<string, Set<string>>();
	for (const change of changes) {
		const kind = referenceKinds[change.field];
		if (!kind) continue;
		for (const value of [change.before, change.after].flat()) {
			if (typeof value !== 'string') continue;
			if (!wanted.has(kind)) wanted.set(kind, new Set());
			wanted.get(kind)?.add(value);
		}
	}
	return wanted;
}
