// The agenda and the minutes of a meeting as PDF documents, in the locale given (the reader's). Built only
// from what the reader's meeting page holds (the visibility predicate already applied).
import { displayNumber } from '#lib/domain/meetings.ts';
import { formatDate, formatMeetingTime, type Locale } from '#lib/i18n/formats.ts';
import {
	actionStatusLabel,
	confidentialityLabel,
	itemKindLabel,
	localName,
	meetingStatusLabel,
	minutesStatusLabel,
	outcomeLabel,
} from '#lib/i18n/labels.ts';
import { m } from '#lib/paraglide/messages.js';
import { type PdfDocumentInput, type PdfSection, renderPdf } from '../pdf/pdf.ts';
import type { MeetingPage } from './meetings.queries.ts';

function frame(locale: Locale, page: MeetingPage, title: string, sections: PdfSection[], empty: string): PdfDocumentInput {
	const o = { locale };
	const meeting = page.meeting;
	const body = localName(locale, { name: meeting.bodyName, nameFr: meeting.bodyNameFr });
	const meta: [string, string][] = [[m.meeting_status({}, o), meetingStatusLabel(locale, meeting.status)]];
	if (meeting.location) meta.push([m.meeting_location({}, o), meeting.location]);
	if (meeting.onlineUrl) meta.push([m.meeting_online({}, o), meeting.onlineUrl]);
	return {
		regionName: meeting.regionName,
		title,
		subtitle: `${meeting.title ?? body} – ${formatMeetingTime(locale, meeting.startsAt, meeting.endsAt)}`,
		meta,
		sections,
		emptyText: empty,
		pageLabel: (p, n) => m.pdf_page({ page: p, total: n }, o),
		language: locale,
		documentTitle: `${title} – ${body}`,
	};
}

/** The agenda as the reader may see it, in `locale`. */
export function agendaPdf(page: MeetingPage, locale: Locale): Promise<Buffer> {
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
	return renderPdf(frame(locale, page, m.agenda({}, o), sections, m.agenda_empty({}, o)));
}

/** The minutes (the version the reader sees) with outcomes and follow-up actions, in `locale`. */
export function minutesPdf(page: MeetingPage, locale: Locale): Promise<Buffer> {
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
	return renderPdf(frame(locale, page, title, sections, m.minutes_none({}, o)));
}
