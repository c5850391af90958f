// The notice to a follower of a dossier of a new timeline entry, rendered at send time in their
// language and only when they may still read the entry (the same access builders as the pages).
import type { DossierState, EntryKind } from '../../domain/dossiers.ts';
import { dossierStateLabel, entryKindLabel } from '../../i18n/dossier-labels.ts';
import { m } from '../../paraglide/messages.js';
import { readerOfPerson } from '../access/person-reader.ts';
import type { NoticeRenderer } from '../notifications/notifications.service.ts';
import { readableEntry, type TimelineRef } from './follow.service.ts';

export interface DossierEntryPayload {
	dossierId: string;
	entryKind: TimelineRef['kind'];
	entryId: string;
}

const short = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** "Nieuw in het dossier …: …" with the entry's kind and title, and the link to the dossier (or its Q&A). */
export const dossierEntryNotice: NoticeRenderer<DossierEntryPayload> = async (db, origin, payload, personId, locale) => {
	const reader = await readerOfPerson(db, personId);
	if (!reader) return null;
	const entry = await readableEntry(db, reader, payload.dossierId, { kind: payload.entryKind, id: payload.entryId });
	if (!entry) return null;
	const o = { locale };
	const what =
		entry.kind === 'question'
			? m.follow_entry_question({}, o)
			: entry.kind === 'item'
				? m.follow_entry_item({}, o)
				: entryKindLabel(locale, entry.entryKind as EntryKind);
	const title =
		entry.kind === 'entry' && entry.entryKind === 'status_change' && entry.toStatus
			? dossierStateLabel(locale, entry.toStatus as DossierState)
			: short(entry.title);
	const params = { dossier: entry.dossierTitle, what, title };
	const link = `${origin}/dossiers/${entry.dossierId}${entry.kind === 'question' ? '/questions' : ''}`;
	return { subject: m.follow_mail_subject(params, o), text: m.follow_mail_text(params, o), link };
};
