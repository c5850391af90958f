// The audit log in the reader's language: an object by its name ("Mandaat: burgemeester van Kortrijk —
// Jan Peeters"), a field by its label and a value as the pages show it (enums through the messages,
// dates in Europe/Brussels in the reader's locale, ids by the name of what they refer to).
import { type FieldChange, referenceKinds } from '#lib/domain/audit-changes.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import { formatDate, formatDateTime } from './formats.ts';
import * as labels from './labels.ts';

/** An object of the log by name, as the server looked it up (see server/audit/audit.queries.ts). */
export interface SubjectNames {
	name: string | null;
	nameFr?: string | null;
	role?: string;
	where?: string | null;
	whereFr?: string | null;
	person?: string;
	at?: Date | string;
	version?: number;
}

type Message = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const fieldLabels: Record<string, Message> = {
	givenName: m.person_given_name,
	familyName: m.person_family_name,
	email: m.email,
	phone: m.person_phone,
	personId: m.field_person,
	role: m.field_role,
	organisationId: m.field_organisation,
	bodyId: m.field_body,
	startDate: m.field_start_date,
	endDate: m.field_end_date,
	kind: m.field_kind,
	name: m.audit_field_name,
	nameFr: m.audit_field_name_fr,
	title: m.audit_field_title,
	status: m.audit_field_status,
	startsAt: m.audit_field_starts_at,
	endsAt: m.audit_field_ends_at,
	location: m.audit_field_location,
	summary: m.audit_field_summary,
	description: m.audit_field_description,
	confidentiality: m.audit_field_confidentiality,
	dueDate: m.audit_field_due_date,
	ownerPersonId: m.audit_field_owner,
	ownerOrganisationId: m.audit_field_owner_organisation,
	meetingId: m.audit_field_meeting,
	agendaItemId: m.audit_field_agenda_item,
	position: m.audit_field_position,
	number: m.audit_field_number,
	outcome: m.audit_field_outcome,
	discussion: m.audit_field_discussion,
	speakerIds: m.audit_field_speakers,
	revokedAt: m.audit_field_revoked_at,
	usedAt: m.audit_field_used_at,
	expiresAt: m.audit_field_expires_at,
	accountId: m.audit_field_account,
	isRegionAdmin: m.audit_field_region_admin,
	website: m.audit_field_website,
	nisCode: m.audit_field_nis_code,
	text: m.audit_field_text,
	version: m.audit_field_version,
};

/** A field's label; an unknown one (a column of a newer release) is shown as its name. */
export const auditFieldLabel = (locale: Locale, field: string): string => fieldLabels[field]?.({}, { locale }) ?? field;

/** The label of an enum value, by the kind of object and the field; null when the field is no enum. */
function enumLabel(locale: Locale, entityType: string, field: string, value: string): string | null {
	const table: Record<string, ((l: Locale, v: never) => string) | undefined> = {
		role: labels.roleLabel,
		confidentiality: labels.confidentialityLabel,
		outcome: labels.outcomeLabel,
		ask: labels.topicAskLabel,
		urgency: labels.topicUrgencyLabel,
		kind: {
			organisation: labels.organisationKindLabel,
			body: labels.bodyKindLabel,
			meeting: labels.meetingKindLabel,
			agenda_item: labels.itemKindLabel,
		}[entityType],
		status: {
			meeting: labels.meetingStatusLabel,
			follow_up_action: labels.actionStatusLabel,
			minutes: labels.minutesStatusLabel,
			topic: labels.topicStatusLabel,
		}[entityType],
	};
	const label = table[field];
	if (!label) return null;
	try {
		return label(locale, value as never);
	} catch {
		// A value of an older release that the messages no longer know.
		return null;
	}
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX = 200;

/** A value as the reader reads it; `nameOf` gives the name of an id of a kind, if known. */
export function auditValueText(
	locale: Locale,
	entityType: string,
	field: string,
	value: unknown,
	nameOf: (kind: string, id: string) => string | null,
): string {
	if (value === null || value === undefined || value === '') return '—';
	if (typeof value === 'boolean') return value ? m.audit_yes({}, { locale }) : m.audit_no({}, { locale });
	const kind = referenceKinds[field];
	if (kind && Array.isArray(value)) return value.length ? value.map((v) => nameOf(kind, String(v)) ?? '?').join(', ') : '—';
	if (kind && typeof value === 'string') return nameOf(kind, value) ?? m.audit_unknown_object({}, { locale });
	if (typeof value === 'string') {
		const known = enumLabel(locale, entityType, field, value);
		if (known) return known;
		if (DAY.test(value)) return formatDate(locale, value);
		if (MOMENT.test(value)) return formatDateTime(locale, value);
		return value.length > MAX ? `${value.slice(0, MAX)}…` : value;
	}
	const text = JSON.stringify(value);
	return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}

/** What an object is called, from its names (as looked up) or else from the row the entry kept. */
export function auditSubjectName(locale: Locale, entityType: string, subject: SubjectNames | undefined, snapshot: unknown): string | null {
	if (subject?.role) {
		const where = labels.localName(locale, { name: subject.where ?? '', nameFr: subject.whereFr });
		return m.audit_subject_mandate(
			{ role: labels.roleLabel(locale, subject.role as never).toLowerCase(), where, person: subject.person ?? '' },
			{ locale },
		);
	}
	if (subject) {
		const name = labels.localName(locale, { name: subject.name, nameFr: subject.nameFr });
		const when = subject.at ? formatDateTime(locale, subject.at) : null;
		if (entityType === 'minutes' && when) return m.audit_subject_minutes({ body: name, when, version: subject.version ?? 1 }, { locale });
		return when && entityType === 'meeting' ? `${name}, ${when}` : name;
	}
	// Gone since (deleted) or never named: what the entry itself kept of it.
	const row = (snapshot && typeof snapshot === 'object' ? snapshot : {}) as Record<string, unknown>;
	const kept = row.title ?? row.name ?? row.email ?? (row.givenName ? `${row.givenName} ${row.familyName ?? ''}`.trim() : null);
	return typeof kept === 'string' ? kept : null;
}

/** The changed fields of an entry, each as label, old → new, in the reader's language. */
export function auditChangesText(
	locale: Locale,
	entityType: string,
	changes: FieldChange[],
	nameOf: (kind: string, id: string) => string | null,
): { field: string; before: string; after: string }[] {
	return changes.map((c) => ({
		field: auditFieldLabel(locale, c.field),
		before: auditValueText(locale, entityType, c.field, c.before, nameOf),
		after: auditValueText(locale, entityType, c.field, c.after, nameOf),
	}));
}
