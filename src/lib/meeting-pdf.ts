// The agenda and the minutes of a meeting as PDF documents, in the reader's language. Built only
// from what the reader's meeting page holds (the visibility predicate already applied).
import { displayNumber } from '$lib/domain/meetings';
import {
	actionStatusLabel,
	confidentialityLabel,
	formatDate,
	formatMeetingTime,
	itemKindLabel,
	localName,
	meetingStatusLabel,
	minutesStatusLabel,
	outcomeLabel,
} from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { MeetingPage } from '$lib/server/meetings/meetings.queries';
import { type PdfDocumentInput, type PdfSection, renderPdf } from '$lib/server/pdf/pdf';

function frame(page: MeetingPage, title: string, sections: PdfSection[], empty: string): PdfDocumentInput {
	const meeting = page.meeting;
	const body = localName({ name: meeting.bodyName, nameFr: meeting.bodyNameFr });
	const meta: [string, string][] = [[m.meeting_status(), meetingStatusLabel(meeting.status)]];
	if (meeting.location) meta.push([m.meeting_location(), meeting.location]);
	if (meeting.onlineUrl) meta.push([m.meeting_online(), meeting.onlineUrl]);
	return {
		regionName: meeting.regionName,
		title,
		subtitle: `${meeting.title ?? body} – ${formatMeetingTime(meeting.startsAt, meeting.endsAt)}`,
		meta,
		sections,
		emptyText: empty,
		pageLabel: (p, n) => m.pdf_page({ page: p, total: n }),
		language: getLocale(),
		documentTitle: `${title} – ${body}`,
	};
}

/** The agenda as the reader may see it. */
export function agendaPdf(page: MeetingPage): Promise<Buffer> {
	const sections: PdfSection[] = page.items.map((item) => {
		const fields: [string, string][] = [];
		if (item.broughtBy) fields.push([m.item_brought_by(), item.broughtBy]);
		if (item.speakers.length) fields.push([m.item_speakers(), item.speakers.map((s) => s.name).join(', ')]);
		if (item.documents.length) fields.push([m.documents(), item.documents.map((d) => d.title).join('; ')]);
		const tags = [itemKindLabel(item.kind)];
		if (item.durationMinutes) tags.push(m.minutes_duration({ minutes: item.durationMinutes }));
		if (item.confidentiality !== 'public') tags.push(confidentialityLabel(item.confidentiality));
		if (item.supplementary) tags.push(m.item_supplementary());
		return { heading: `${displayNumber(item)}. ${item.title}`, tags, fields, body: item.summary ?? undefined };
	});
	return renderPdf(frame(page, m.agenda(), sections, m.agenda_empty()));
}

/** The minutes (the version the reader sees) with outcomes and follow-up actions. */
export function minutesPdf(page: MeetingPage): Promise<Buffer> {
	const minutes = page.minutes;
	const entries = new Map((minutes?.entries ?? []).map((e) => [e.agendaItemId, e]));
	const sections: PdfSection[] = page.items.map((item) => {
		const entry = entries.get(item.id);
		const subsections: NonNullable<PdfSection['subsections']> = [];
		if (entry?.outcome) {
			const target = [entry.referralBodyName, entry.referralToColleges ? m.referral_colleges() : null].filter(Boolean).join(', ');
			subsections.push({ heading: `${outcomeLabel(entry.outcome)}${target ? ` – ${target}` : ''}`, body: entry.outcomeText ?? undefined });
		}
		const actions = page.actions.filter((a) => a.agendaItemId === item.id);
		if (actions.length)
			subsections.push({
				heading: m.follow_up_actions(),
				bullets: actions.map((a) =>
					[a.description, a.owner, a.dueDate ? m.action_due({ date: formatDate(a.dueDate) }) : null, actionStatusLabel(a.status)]
						.filter(Boolean)
						.join(' – '),
				),
			});
		return {
			heading: `${displayNumber(item)}. ${item.title}`,
			tags: [itemKindLabel(item.kind), ...(item.confidentiality !== 'public' ? [confidentialityLabel(item.confidentiality)] : [])],
			body: entry?.discussion ?? undefined,
			subsections,
		};
	});
	const title = minutes
		? `${m.minutes()} (${m.minutes_version_n({ version: minutes.version })}, ${minutesStatusLabel(minutes.status)})`
		: m.minutes();
	return renderPdf(frame(page, title, sections, m.minutes_none()));
}
