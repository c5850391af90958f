// The monthly information flow's vocabulary and rules, with no I/O: what a dispatch is, the states of
// one delivery (a recipient's copy) and what a municipality does with a dispatch version. The ledger is
// a list of immutable events; a delivery's state and a municipality's progress are folds over it.

/** What a meeting's dispatch carries: its agenda or its approved minutes. */
export const meetingDispatchKinds = ['agenda', 'minutes'] as const;
export type DispatchKind = (typeof meetingDispatchKinds)[number];

/** Every kind of dispatch: a meeting's, and a council information session's invitation and report (ADR 0031). */
export const dispatchKinds = [...meetingDispatchKinds, 'session_invitation', 'session_report'] as const;
export type AnyDispatchKind = (typeof dispatchKinds)[number];
export const isMeetingDispatch = (kind: AnyDispatchKind): kind is DispatchKind => kind === 'agenda' || kind === 'minutes';

/** Why a version of a dispatch exists: the first, a supplementary agenda, corrected minutes. */
export const versionReasons = ['initial', 'supplement', 'correction'] as const;
export type VersionReason = (typeof versionReasons)[number];

/** A version is prepared (waits for the secretariat's review), then sending (its mails are being made and
 * handed over), then sent (every delivery was made). Its content is frozen from `sending` on. */
export const versionStatuses = ['prepared', 'sending', 'sent'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

/** Per body: send at once when the agenda is published or the minutes approved, or prepare for review. */
export const dispatchModes = ['immediate', 'review'] as const;
export type DispatchMode = (typeof dispatchModes)[number];

/** Who a delivery goes to: the municipality's general director (from the mandates), its College's
 * secretariat mailbox, or an extra person the secretariat named (a mayor's secretary). */
export const recipientKinds = ['general_director', 'mailbox', 'person'] as const;
export type RecipientKind = (typeof recipientKinds)[number];

/** What a recipient may read in a mail: general directors read restricted items, the others internal
 * ones. Confidential items are never in a mail. */
export const mailReaderLevels = ['internal', 'restricted'] as const;
export type MailReaderLevel = (typeof mailReaderLevels)[number];

/**
 * A delivery's states, in the order they are reached. `refused` (the mail server said no) and `bounced`
 * (a delivery status notification came back) end the mail's way; a later resend is a new attempt on the
 * same delivery (back to `queued`).
 */
export const deliveryStates = ['queued', 'sending', 'accepted', 'refused', 'bounced', 'opened'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/** Every kind of ledger event. Delivery events name a delivery; municipality events name a municipality
 * and a dispatch version (and, for a referral, the agenda item). */
export const ledgerEventKinds = [
	'queued',
	'sending',
	'accepted',
	'refused',
	'bounced',
	'opened',
	'acknowledged',
	'college_treated',
	'referral_treated',
	'reminded',
	'escalated',
	// A delivery status notification that says "delayed" (4.x.x): recorded, the delivery's state unchanged.
	'delayed',
] as const;
export type LedgerEventKind = (typeof ledgerEventKinds)[number];

/** Where an event came from. */
export const ledgerSources = ['web', 'worker', 'smtp', 'dsn', 'continue_link', 'seed'] as const;
export type LedgerSource = (typeof ledgerSources)[number];

/** Which delivery state an event moves to, from which states (a delivery event not listed is refused). */
const deliveryMoves: Record<DeliveryState, readonly DeliveryState[]> = {
	queued: ['sending', 'refused'],
	// `sending` → `queued`: an interrupted hand-over is tried again.
	sending: ['accepted', 'refused', 'queued'],
	accepted: ['bounced', 'opened'],
	refused: ['queued'],
	bounced: ['queued', 'opened'],
	opened: [],
};

/** May a delivery in state `from` move to `to`? */
export const canMoveDelivery = (from: DeliveryState, to: DeliveryState) => deliveryMoves[from].includes(to);

/** The delivery event kinds (those that change a delivery's state). */
export const isDeliveryEvent = (kind: LedgerEventKind): kind is DeliveryState => (deliveryStates as readonly string[]).includes(kind);

/** Referral outcome: the municipality's College treated the referred item, or decided not to. */
export const referralOutcomes = ['treated', 'not_treated'] as const;
export type ReferralOutcome = (typeof referralOutcomes)[number];

/** The defaults of a body's deadlines (the secretariat changes them per body). */
export const dispatchDefaults = {
	mode: 'immediate' as DispatchMode,
	/** Acknowledge within this many Belgian working days after the version was sent. */
	acknowledgeWorkingDays: 5,
	/** The College treats it within this many calendar days after it was sent. */
	collegeDays: 30,
	/** While overdue, remind every this many working days. */
	reminderEveryWorkingDays: 2,
	/** After this many reminders the mayor of the municipality is told. */
	escalateAfterReminders: 3,
	/** Approved minutes must be dispatched within this many days (the liveness alarm). */
	dispatchWithinDays: 7,
};

/** How long the ledger (who opened and acknowledged what, and when) is kept, in years: the mail and the
 * dispatch page say so. */
export const ledgerRetentionYears = 10;

/** The mail server's reply classes at the hand-over: 2xx accepted, 4xx try again later, 5xx refused. */
export type HandOverOutcome = 'accepted' | 'retry' | 'refused';

/** What an SMTP reply code means for a delivery (no code: the connection failed, try again). */
export function handOverOutcome(code: number | null | undefined): HandOverOutcome {
	if (code && code >= 200 && code < 300) return 'accepted';
	if (code && code >= 500 && code < 600) return 'refused';
	return 'retry';
}

/** After this many temporary failures (4xx) of one delivery it is refused: the server will not take it. */
export const MAX_TEMPORARY_FAILURES = 8;

/** The wait before the next hand-over after `attempts` temporary failures: 30 s, 1 min, 2 min … capped at an hour. */
export const handOverBackoffMs = (attempts: number) => Math.min(60 * 60 * 1000, 2 ** Math.max(0, attempts - 1) * 30_000);

/** The queue id a mail server names in its 250 reply (Postfix "queued as 4B7F21C0A3", Exim "id=1uX…",
 * Exchange "<…> Queued mail for delivery", smtp-server "queued as …"), or null. */
export function queueIdOf(reply: string | null | undefined): string | null {
	if (!reply) return null;
	const patterns = [
		/queued as ([A-Za-z0-9._-]+)/i,
		/\bid=([A-Za-z0-9._-]+)/i,
		/<([^<>\s]+)>\s+queued/i,
		/\b(?:ok|accepted)[: ]+([A-Z0-9]{8,})\b/i,
	];
	for (const pattern of patterns) {
		const found = reply.match(pattern);
		if (found) return found[1];
	}
	return null;
}

/** A delivery status notification's verdict for one recipient (RFC 3464 Action and Status). */
export function dsnVerdict(action: string | null, status: string | null): 'bounced' | 'delayed' | 'ignored' {
	const a = (action ?? '').toLowerCase();
	if (status?.startsWith('5') || a === 'failed') return status?.startsWith('4') ? 'delayed' : 'bounced';
	if (status?.startsWith('4') || a === 'delayed') return 'delayed';
	return 'ignored';
}

/** A delivery's state as the fold of its events in order (only the delivery events count; the first is
 * `queued`); null when the events do not follow the allowed moves. */
export function foldDelivery(kinds: readonly LedgerEventKind[]): DeliveryState | null {
	let state: DeliveryState | null = null;
	for (const kind of kinds) {
		if (!isDeliveryEvent(kind)) continue;
		if (state === null) {
			if (kind !== 'queued') return null;
			state = kind;
			continue;
		}
		if (!canMoveDelivery(state, kind)) return null;
		state = kind;
	}
	return state;
}
