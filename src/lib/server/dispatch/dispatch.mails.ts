// The mail of a dispatch, in the recipient's language, made once from the version's frozen items when its
// deliveries are made: the items the recipient may read (general directors read restricted items, the
// others internal ones; confidential items never, only their count), who brings each, the outcome for
// minutes, what is recorded and who sees it, and one link to the dispatch page.

import { todayInBrussels } from '../../domain/dates.ts';
import { type DispatchKind, ledgerRetentionYears, type MailReaderLevel, type VersionReason } from '../../domain/dispatch.ts';
import { confidentialityLevels } from '../../domain/meetings.ts';
import { formatDay, formatMeetingTime, type Locale } from '../../i18n/formats.ts';
import { itemKindLabel, outcomeLabel } from '../../i18n/labels.ts';
import { m } from '../../paraglide/messages.js';
import type { FrozenItem } from './dispatch.service.ts';

/** What a dispatch mail is made of (the same for every recipient of a version but locale, level and link). */
export interface DispatchMailInput {
	locale: Locale;
	level: MailReaderLevel;
	kind: DispatchKind;
	reason: VersionReason;
	version: number;
	regionName: string;
	bodyName: string;
	startsAt: Date | string;
	endsAt: Date | string | null;
	items: FrozenItem[];
	/** Who brings an item, by person or organisation id: 'An Declercq', 'Stad Kortrijk'. */
	names: ReadonlyMap<string, string>;
	/** The recipient's link to the dispatch page. */
	link: string;
}

const rank = (level: string) => confidentialityLevels.indexOf(level as (typeof confidentialityLevels)[number]);

/** Which items a mail reader reads: up to restricted for general directors, internal for the others. */
export const readsInMail = (level: MailReaderLevel, item: Pick<FrozenItem, 'confidentiality'>) => rank(item.confidentiality) <= rank(level);

/** Who brings an item, as the meeting page says it: 'An Declercq (Stad Kortrijk)', or one of the two. */
function broughtBy(item: FrozenItem, names: ReadonlyMap<string, string>): string | null {
	const p = item.broughtByPersonId ? names.get(item.broughtByPersonId) : undefined;
	const o = item.broughtByOrganisationId ? names.get(item.broughtByOrganisationId) : undefined;
	return p && o ? `${p} (${o})` : (p ?? o ?? null);
}

/** The subject line. */
export function dispatchSubject(input: Pick<DispatchMailInput, 'locale' | 'kind' | 'reason' | 'bodyName' | 'startsAt'>): string {
	const o = { locale: input.locale };
	const params = { body: input.bodyName, date: formatDay(input.locale, input.startsAt) };
	if (input.kind === 'agenda')
		return input.reason === 'supplement' ? m.dispatch_mail_subject_supplement(params, o) : m.dispatch_mail_subject_agenda(params, o);
	return input.reason === 'correction' ? m.dispatch_mail_subject_correction(params, o) : m.dispatch_mail_subject_minutes(params, o);
}

/** The subject and plain text of one recipient's mail. */
export function dispatchMail(input: DispatchMailInput): { subject: string; text: string } {
	const { locale, level, items, names } = input;
	const o = { locale };
	const when = formatMeetingTime(locale, input.startsAt, input.endsAt);
	const intro = {
		agenda: input.reason === 'supplement' ? m.dispatch_mail_intro_supplement : m.dispatch_mail_intro_agenda,
		minutes: input.reason === 'correction' ? m.dispatch_mail_intro_correction : m.dispatch_mail_intro_minutes,
	}[input.kind]({ body: input.bodyName, when, version: input.version }, o);
	const lines: string[] = [intro, ''];
	let confidential = 0;
	let leftOut = 0;
	items.forEach((item, index) => {
		if (item.confidentiality === 'confidential') {
			confidential++;
			return;
		}
		if (!readsInMail(level, item)) {
			leftOut++;
			return;
		}
		const number = item.number ?? index + 1;
		lines.push(m.dispatch_mail_item({ number, title: item.title, kind: itemKindLabel(locale, item.kind) }, o));
		if (item.supplementary && input.kind === 'agenda') lines.push(`   ${m.item_supplementary({}, o)}`);
		const who = broughtBy(item, names);
		if (who) lines.push(`   ${m.dispatch_mail_brought_by({ who }, o)}`);
		if (input.kind === 'minutes' && item.outcome) {
			lines.push(`   ${m.dispatch_mail_outcome({ outcome: outcomeLabel(locale, item.outcome) }, o)}`);
			if (item.outcomeText) lines.push(...item.outcomeText.split('\n').map((l) => `   ${l}`));
			if (item.referralToColleges) lines.push(`   ${m.dispatch_mail_referral({}, o)}`);
		}
	});
	if (confidential || leftOut) lines.push('');
	if (confidential === 1) lines.push(m.dispatch_mail_confidential_one({}, o));
	else if (confidential > 1) lines.push(m.dispatch_mail_confidential_many({ count: confidential }, o));
	if (leftOut) lines.push(m.dispatch_mail_left_out({ count: leftOut }, o));
	lines.push(
		'',
		m.dispatch_mail_attachment({}, o),
		'',
		m.dispatch_mail_link({ link: input.link }, o),
		'',
		m.dispatch_mail_recorded({ region: input.regionName, years: ledgerRetentionYears }, o),
	);
	return { subject: dispatchSubject(input), text: `${lines.join('\n')}\n` };
}

/** The attachment's file name: 'agenda-2045-03-06.pdf', 'verslag-2045-03-06.pdf' (in the recipient's language). */
export function attachmentName(locale: Locale, kind: DispatchKind, startsAt: Date | string): string {
	const day = todayInBrussels(typeof startsAt === 'string' ? new Date(startsAt) : startsAt);
	const o = { locale };
	return `${kind === 'agenda' ? m.dispatch_attachment_agenda({}, o) : m.dispatch_attachment_minutes({}, o)}-${day}.pdf`;
}

/** The address of a dispatch's page (where the secretariat sends again to the failed ones). */
export const dispatchPageUrl = (origin: string, dispatchId: string) => `${origin}/dispatch/${dispatchId}`;

/** The alert to a secretariat officer that one delivery failed (refused at the hand-over, or bounced). */
export function failedDeliveryMail(
	locale: Locale,
	input: { recipient: string; municipality: string; subject: string; reason: string; link: string },
): { subject: string; text: string } {
	const o = { locale };
	return { subject: m.dispatch_mail_failed_subject(input, o), text: `${m.dispatch_mail_failed_text(input, o)}\n` };
}
