// The agenda or minutes PDF of a meeting for a reader, for other features (the dispatch attaches one per
// reader level): the meeting page read through the reader's visibility, rendered in the locale given.
import type { Locale } from '#lib/i18n/formats.ts';
import type { Reader } from '../access/reader.ts';
import type { RootDb } from '../db/client.ts';
import { agendaPdf, type MeetingPdfOptions, minutesPdf } from './meetings.pdf.ts';
import { getMeetingPage } from './meetings.queries.ts';

/** The agenda or the minutes (the version the reader sees) as a PDF; null when the reader sees no such document. */
export async function meetingPdfFor(
	db: RootDb,
	reader: Reader,
	meetingId: string,
	kind: 'agenda' | 'minutes',
	locale: Locale,
	options: MeetingPdfOptions = {},
): Promise<Buffer | null> {
	const page = await getMeetingPage(db, reader, meetingId);
	if (!page) return null;
	if (kind === 'agenda') return agendaPdf(page, locale, options);
	return page.minutes ? minutesPdf(page, locale, options) : null;
}
