// The briefing pack in words, in the locale given (the reader's): one line per timeline entry, shared by
// the pack page and its PDF, and the PDF itself, laid out by the product's tagged PDF renderer (PDF/UA:
// structure tree, language, title, headings and reading order) like the meetings' agendas and minutes.

import { dossierStateLabel, entryKindLabel } from '#lib/i18n/dossier-labels.ts';
import { formatDate, formatDay, formatMeetingTime, type Locale } from '#lib/i18n/formats.ts';
import { localName, outcomeLabel } from '#lib/i18n/labels.ts';
import { m } from '#lib/paraglide/messages.js';
import type { TimelineEntry } from '../dossiers/dossiers.queries.ts';
import { type PdfDocumentInput, type PdfSection, renderPdf } from '../pdf/pdf.ts';
import type { Pack } from './pack.queries.ts';

/** One timeline entry as a line of text: its kind, what it is and, for an agenda item, its outcome. */
export function timelineLine(locale: Locale, e: TimelineEntry): { day: string; kind: string; text: string } {
	const o = { locale };
	const day = formatDate(locale, e.day);
	switch (e.kind) {
		case 'item': {
			const outcome = e.outcome?.outcome ? ` (${outcomeLabel(locale, e.outcome.outcome)})` : '';
			return {
				day,
				kind: m.dossiers_timeline_kind_item({}, o),
				text: `${e.title} — ${m.dossiers_on_agenda_of({ body: e.bodyName, date: day }, o)}${outcome}`,
			};
		}
		case 'entry': {
			const title = e.entryKind === 'status_change' && e.toStatus ? dossierStateLabel(locale, e.toStatus) : e.title;
			return { day, kind: entryKindLabel(locale, e.entryKind), text: e.organisationName ? `${title} (${e.organisationName})` : title };
		}
		case 'question':
			return {
				day,
				kind: m.dossiers_timeline_kind_question({}, o),
				text: e.answer ? `${e.text} — ${m.dossiers_answer({}, o)}: ${e.answer}` : e.text,
			};
		case 'session':
			return {
				day,
				kind: m.sessions_qa_timeline_kind({}, o),
				text: `${m.sessions_qa_timeline_title({ date: formatDay(locale, e.startsAt) }, o)} — ${m.sessions_qa_timeline_count({ count: e.count }, o)}`,
			};
	}
}

/** The line under the timeline's heading: since when it runs. */
export function timelineSince(locale: Locale, pack: Pack): string {
	const o = { locale };
	return pack.previous ? m.sessions_pack_since({ date: formatDay(locale, pack.previous.startsAt) }, o) : m.sessions_pack_since_start({}, o);
}

/** The pack as a tagged PDF in `locale`: the introduction, a table of contents, then each dossier. */
export function packPdf(pack: Pack, locale: Locale, options: { logo?: string } = {}): Promise<Buffer> {
	const o = { locale };
	const s = pack.session;
	const since = timelineSince(locale, pack);
	const sections: PdfSection[] = [];
	if (s.introduction) sections.push({ heading: m.sessions_pack_introduction({}, o), body: s.introduction });
	pack.dossiers.forEach((d, i) => {
		const fields: [string, string][] = [[m.sessions_pack_status({}, o), dossierStateLabel(locale, d.status)]];
		fields.push([m.sessions_pack_phase({}, o), d.phases.length ? d.phases.join(', ') : m.sessions_pack_no_phase({}, o)]);
		sections.push({
			heading: `${i + 1}. ${d.title}`,
			fields,
			body: d.summary ?? undefined,
			subsections: [
				{
					heading: m.sessions_pack_timeline({}, o),
					fields: [[m.sessions_pack_period({}, o), since]],
					bullets: d.timeline.length
						? d.timeline.map((e) => {
								const line = timelineLine(locale, e);
								return `${line.day} – ${line.kind}: ${line.text}`;
							})
						: [m.sessions_pack_timeline_none({}, o)],
				},
			],
		});
	});
	const meta: [string, string][] = [];
	if (s.location) meta.push([m.sessions_pack_location({}, o), s.location]);
	if (s.onlineUrl) meta.push([m.sessions_pack_online({}, o), s.onlineUrl]);
	const title = m.sessions_pack_title({}, o);
	const input: PdfDocumentInput = {
		regionName: localName(locale, { name: s.regionName, nameFr: s.regionNameFr }),
		logo: options.logo,
		title,
		subtitle: `${s.title} – ${formatMeetingTime(locale, s.startsAt, s.endsAt)}`,
		meta,
		notice: m.sessions_pack_notice({}, o),
		tables: [
			{
				heading: m.sessions_pack_contents({}, o),
				columns: [m.sessions_pack_col_number({}, o), m.sessions_pack_col_dossier({}, o), m.sessions_pack_status({}, o)],
				widths: [0.1, 0.6, 0.3],
				rowHeader: 1,
				rows: pack.dossiers.map((d, i) => [String(i + 1), d.title, dossierStateLabel(locale, d.status)]),
				emptyText: m.sessions_pack_empty({}, o),
			},
		],
		sections,
		emptyText: m.sessions_pack_empty({}, o),
		pageLabel: (p, n) => m.pdf_page({ page: p, total: n }, o),
		language: locale,
		documentTitle: `${title} – ${s.title}`,
	};
	return renderPdf(input);
}
