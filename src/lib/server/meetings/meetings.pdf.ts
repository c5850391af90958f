// The agenda and the minutes of a meeting as PDF documents, in the locale given (the reader's). Built only
// from what the reader's meeting page holds (the visibility predicate already applied): a reader whose
// numbering has gaps is told that items they may not see are left out; the minutes list the attendance
// when the reader sees it on the meeting page (the region's officials).
import { attendanceStatuses, displayNumber, hasNumberingGap } from '#lib/domain/meetings.ts';
import { formatDate, formatDay, formatMeetingTime, type Locale } from '#lib/i18n/formats.ts';
import {
	actionStatusLabel,
	attendanceLabel,
	confidentialityLabel,
	itemKindLabel,
	localName,
	meetingStatusLabel,
	minutesStatusLabel,
	outcomeLabel,
} from '#lib/i18n/labels.ts';
import { m } from '#lib/paraglide/messages.js';
import { type PdfDocumentInput, type PdfSection, type PdfTable, renderPdf } from '../pdf/pdf.ts';
import type { MeetingPage } from './meetings.queries.ts';

/** What every meeting PDF may be given besides the page: the region's logo (a PNG or JPEG file, REGION_LOGO). */
export interface MeetingPdfOptions {
	logo?: string;
}

function frame(
	locale: Locale,
	page: MeetingPage,
	title: string,
	sections: PdfSection[],
	empty: string,
	options: MeetingPdfOptions,
	meta: [string, string][] = [],
): PdfDocumentInput {
	const o = { locale };
	const meeting = page.meeting;
	const body = localName(locale, { name: meeting.bodyName, nameFr: meeting.bodyNameFr });
	const all: [string, string][] = [[m.meeting_status({}, o), meetingStatusLabel(locale, meeting.status)], ...meta];
	if (meeting.location) all.push([m.meeting_location({}, o), meeting.location]);
	if (meeting.onlineUrl) all.push([m.meeting_online({}, o), meeting.onlineUrl]);
	return {
		regionName: meeting.regionName,
		bodyName: body,
		logo: options.logo,
		title,
		subtitle: `${meeting.title ?? body} – ${formatMeetingTime(locale, meeting.startsAt, meeting.endsAt)}`,
		meta: all,
		notice: !page.secretariat && hasNumberingGap(page.items) ? m.agenda_items_left_out({}, o) : undefined,
		sections,
		emptyText: empty,
		pageLabel: (p, n) => m.pdf_page({ page: p, total: n }, o),
		language: locale,
		documentTitle: `${title} – ${body}`,
	};
}

/** The agenda as the reader may see it, in `locale`. */
export function agendaPdf(page: MeetingPage, locale: Locale, options: MeetingPdfOptions = {}): Promise<Buffer> {
	const o = { locale };
	const sections: PdfSection[] = page.items.map((item) => {
		const fields: [string, string][] = [];
		if (item.broughtBy) fields.push([m.item_brought_by({}, o), item.broughtBy]);
		if (item.speakers.length) fields.push([m.item_speakers({}, o), item.speakers.map((s) => s.name).join(', ')]);
		if (item.documents.length) fields.push([m.documents({}, o), item.documents.map((d) => d.title).join('; ')]);
		const tags = [itemKindLabel(locale, item.kind)];
		if (item.durationMinutes) tags.push(m.minutes_duration({ minutes: item.durationMinutes }, o));
		if (item.confidentiality !== 'public') tags.push(confidentialityLabel(locale, item.confidentiality));
		if (item.supplementary) tags.push(m.item_supplementary({}, o));
		return { heading: `${displayNumber(item)}. ${item.title}`, tags, fields, body: item.summary ?? undefined };
	});
	return renderPdf(frame(locale, page, m.agenda({}, o), sections, m.agenda_empty({}, o), options));
}

/** The minutes (the version the reader sees) with outcomes and follow-up actions, in `locale`. */
export function minutesPdf(page: MeetingPage, locale: Locale, options: MeetingPdfOptions = {}): Promise<Buffer> {
	const o = { locale };
	const minutes = page.minutes;
	const entries = new Map((minutes?.entries ?? []).map((e) => [e.agendaItemId, e]));
	const sections: PdfSection[] = page.items.map((item) => {
		const entry = entries.get(item.id);
		const subsections: NonNullable<PdfSection['subsections']> = [];
		if (entry?.outcome) {
			const target = [entry.referralBodyName, entry.referralToColleges ? m.referral_colleges({}, o) : null].filter(Boolean).join(', ');
			subsections.push({
				heading: `${outcomeLabel(locale, entry.outcome)}${target ? ` – ${target}` : ''}`,
				body: entry.outcomeText ?? undefined,
			});
		}
		const actions = page.actions.filter((a) => a.agendaItemId === item.id);
		if (actions.length)
			subsections.push({
				heading: m.follow_up_actions({}, o),
				bullets: actions.map((a) =>
					[
						a.description,
						a.owner,
						a.dueDate ? m.action_due({ date: formatDate(locale, a.dueDate) }, o) : null,
						actionStatusLabel(locale, a.status),
					]
						.filter(Boolean)
						.join(' – '),
				),
			});
		return {
			heading: `${displayNumber(item)}. ${item.title}`,
			tags: [
				itemKindLabel(locale, item.kind),
				...(item.confidentiality !== 'public' ? [confidentialityLabel(locale, item.confidentiality)] : []),
			],
			body: entry?.discussion ?? undefined,
			subsections,
		};
	});
	const title = minutes
		? `${m.minutes({}, o)} (${m.minutes_version_n({ version: minutes.version }, o)}, ${minutesStatusLabel(locale, minutes.status)})`
		: m.minutes({}, o);
	const meta: [string, string][] = minutes
		? [
				[m.pdf_minutes_version({}, o), String(minutes.version)],
				[
					m.pdf_minutes_approval({}, o),
					minutes.status === 'approved' && minutes.approvedAt
						? m.minutes_approved_on({ date: formatDay(locale, minutes.approvedAt) }, o)
						: m.pdf_minutes_not_approved({ status: minutesStatusLabel(locale, minutes.status) }, o),
				],
			]
		: [];
	const input = frame(locale, page, title, sections, m.minutes_none({}, o), options, meta);
	if (page.attendance) input.tables = [attendanceTable(locale, page.attendance)];
	return renderPdf(input);
}

/** The attendance as a table grouped by municipality or organisation, with the counts per status above it. */
function attendanceTable(locale: Locale, rows: NonNullable<MeetingPage['attendance']>): PdfTable {
	const o = { locale };
	const none = m.pdf_attendance_no_organisation({}, o);
	const collator = new Intl.Collator(locale);
	const sorted = [...rows].sort(
		(a, b) =>
			Number(a.organisation === null) - Number(b.organisation === null) ||
			collator.compare(a.organisation ?? '', b.organisation ?? '') ||
			collator.compare(a.name, b.name),
	);
	const counts = attendanceStatuses
		.map((status) => [status, rows.filter((row) => row.status === status).length] as const)
		.filter(([, count]) => count > 0)
		.map(([status, count]) => `${count} ${attendanceLabel(locale, status)}`);
	return {
		heading: m.attendance({}, o),
		summary: counts.length ? counts.join(' · ') : undefined,
		columns: [m.pdf_attendance_organisation({}, o), m.col_name({}, o), m.attendance_status({}, o)],
		widths: [0.36, 0.3, 0.34],
		rowHeader: 1,
		rows: sorted.map((row) => [
			row.organisation ?? none,
			row.name,
			row.status === 'represented' && row.representedBy
				? m.attendance_represented_by({ name: row.representedBy }, o)
				: row.status
					? attendanceLabel(locale, row.status)
					: m.attendance_unknown({}, o),
		]),
		emptyText: m.pdf_attendance_none({}, o),
	};
}
