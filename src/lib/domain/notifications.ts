// The kinds of mail a person gets, in one place: which they may choose to get as each mail, in the
// weekly digest or not at all (optional kinds), and which always come as a mail of their own. A feature
// that adds a kind of mail adds it here (and its label in src/lib/i18n/labels.ts); a person's choice is
// read with `mailPreference` (src/lib/server/notifications/notifications.service.ts).
import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from './dates.ts';

/** How a person gets a kind of mail: each as it happens, collected in the weekly digest, or not at all. */
export const deliveries = ['each', 'digest', 'none'] as const;
export type Delivery = (typeof deliveries)[number];

interface KindRule {
	/** A person may choose the digest or nothing instead of each mail. */
	optional: boolean;
	/** What a person gets who has not chosen. */
	default: Delivery;
	/** The kind can be collected in the weekly digest (its notice renders as one entry of it). */
	digest: boolean;
}

/**
 * Every kind of mail of the product. Optional: the members' notices of their meetings and the followers'
 * notices of a dossier's new timeline entries. Not optional:
 * what a person must hear of at once (a meeting moved or cancelled) and the mails of their account and
 * their own topics (a password reset, an invitation, a topic's answer, a comment for the secretariat).
 */
export const notificationKinds = {
	'member.agenda_published': { optional: true, default: 'each', digest: true },
	'member.minutes_circulated': { optional: true, default: 'each', digest: true },
	'member.minutes_approved': { optional: true, default: 'each', digest: true },
	dossier_entry: { optional: true, default: 'each', digest: true },
	'meeting.moved': { optional: false, default: 'each', digest: false },
	'meeting.cancelled': { optional: false, default: 'each', digest: false },
	'minutes.commented': { optional: false, default: 'each', digest: false },
	'topic.notice': { optional: false, default: 'each', digest: false },
	'intake.invitation': { optional: false, default: 'each', digest: false },
	'auth.password_reset': { optional: false, default: 'each', digest: false },
} as const satisfies Record<string, KindRule>;

export type NotificationKind = keyof typeof notificationKinds;

/** The kinds a person chooses for, in the order the settings page shows them. */
export const optionalKinds = (Object.keys(notificationKinds) as NotificationKind[]).filter((k) => notificationKinds[k].optional);

/** The kinds that always come as a mail of their own. */
export const fixedKinds = (Object.keys(notificationKinds) as NotificationKind[]).filter((k) => !notificationKinds[k].optional);

/** True for a kind of the list. */
export const isNotificationKind = (value: string): value is NotificationKind => Object.hasOwn(notificationKinds, value);

/** The deliveries a person may choose for a kind (none for a kind that is not optional). */
export function deliveriesOf(kind: NotificationKind): readonly Delivery[] {
	const rule: KindRule = notificationKinds[kind];
	if (!rule.optional) return [];
	return rule.digest ? deliveries : deliveries.filter((d) => d !== 'digest');
}

/** What a person gets of a kind, given what they chose (null: nothing chosen); a fixed kind is always each mail. */
export function effectiveDelivery(kind: NotificationKind, chosen: string | null | undefined): Delivery {
	const rule: KindRule = notificationKinds[kind];
	if (!rule.optional) return 'each';
	return chosen && (deliveriesOf(kind) as readonly string[]).includes(chosen) ? (chosen as Delivery) : rule.default;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Monday (YYYY-MM-DD, Brussels) of the week that contains the instant: a digest covers Monday to Sunday. */
export function weekOf(at: Date): string {
	const z = new TZDate(at.getTime(), TIME_ZONE);
	const back = (z.getDay() + 6) % 7;
	const monday = new Date(Date.UTC(z.getFullYear(), z.getMonth(), z.getDate() - back));
	return `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
}

/** The Monday `weeks` weeks after a Monday. */
export function addWeeks(monday: string, weeks: number): string {
	const d = new Date(`${monday}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 7 * weeks);
	return d.toISOString().slice(0, 10);
}

/** The hour (Brussels) on the Monday after its week at which a week's digest goes out. */
export const DIGEST_HOUR = 7;

/** When the digest of the week starting `monday` is due: the next Monday at 07:00 in Brussels. */
export function digestDueAt(monday: string): Date {
	const [y, m, d] = addWeeks(monday, 1).split('-').map(Number);
	return new Date(new TZDate(y, m - 1, d, DIGEST_HOUR, 0, 0, TIME_ZONE).getTime());
}
