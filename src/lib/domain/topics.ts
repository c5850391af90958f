// Agenda intake's vocabulary and rules, with no I/O: what a topic asks, its states and who may move
// it where. Who may read a topic is one SQL predicate (server/intake/intake.access.ts).

/** What the submitter asks of the body. */
export const topicAsks = ['information', 'sounding_board', 'process', 'position', 'support'] as const;
export type TopicAsk = (typeof topicAsks)[number];

export const topicUrgencies = ['normal', 'high', 'urgent'] as const;
export type TopicUrgency = (typeof topicUrgencies)[number];

/**
 * new: submitted, waiting for the secretariat (intake may have started: then the submitter can no
 * longer edit); info_requested: the secretariat asked the submitter for more; the rest are the
 * secretariat's decisions, and withdrawn is the submitter's.
 */
export const topicStatuses = ['new', 'info_requested', 'accepted', 'postponed', 'redirected', 'declined', 'withdrawn'] as const;
export type TopicStatus = (typeof topicStatuses)[number];

/** Bodies a topic can be submitted or redirected to: the region's own consultations, not a municipality's. */
export const topicBodyKinds = ['conference', 'regional_council', 'thematic_consultation', 'directors_forum', 'board'] as const;

/** The filters of the intake queue, in the order the secretariat works through them. */
export const queueFilters = ['new', 'info_requested', 'postponed', 'accepted', 'redirected', 'declined', 'withdrawn'] as const;

/** What the secretariat decides on a topic. */
export const intakeDecisions = ['accept', 'request_info', 'postpone', 'redirect', 'decline'] as const;
export type IntakeDecision = (typeof intakeDecisions)[number];

const decisionTarget: Record<IntakeDecision, TopicStatus> = {
	accept: 'accepted',
	request_info: 'info_requested',
	postpone: 'postponed',
	redirect: 'redirected',
	decline: 'declined',
};

/** The status a decision leads to. */
export const statusAfter = (decision: IntakeDecision): TopicStatus => decisionTarget[decision];

/** Statuses from which the secretariat can still decide (the others are final). */
const open: readonly TopicStatus[] = ['new', 'info_requested', 'postponed'];

/** Is the topic still in intake (not accepted, redirected, declined or withdrawn)? */
export const isOpen = (status: TopicStatus) => open.includes(status);

/** May the secretariat take this decision on a topic in this status? Asking twice in a row is pointless. */
export function canDecide(status: TopicStatus, decision: IntakeDecision): boolean {
	if (!isOpen(status)) return false;
	return statusAfter(decision) !== status || decision === 'postpone';
}

/**
 * May the submitter change the topic? Before intake has started, and while the secretariat waits for
 * more information from them.
 */
export function canSubmitterEdit(status: TopicStatus, intakeStarted: boolean): boolean {
	return (status === 'new' && !intakeStarted) || status === 'info_requested';
}

/** May the secretariat start intake (which ends the submitter's free editing)? */
export const canStartIntake = (status: TopicStatus, intakeStarted: boolean) => status === 'new' && !intakeStarted;

/** May the submitter withdraw it? While it is still in intake. */
export const canWithdraw = (status: TopicStatus) => isOpen(status);

/** The agenda item kind that fits what a topic asks (the secretariat can change it on the agenda). */
export function itemKindFor(ask: TopicAsk) {
	const kinds = {
		information: 'information',
		sounding_board: 'sounding_board',
		process: 'process',
		position: 'common_position',
		support: 'policy_agenda',
	} as const;
	return kinds[ask];
}

/** What happened to a topic, as its history shows it. */
export const topicEventKinds = [
	'submitted',
	'edited',
	'document_added',
	'document_removed',
	'intake_started',
	'info_requested',
	'info_given',
	'accepted',
	'postponed',
	'redirected',
	'declined',
	'withdrawn',
	'removed_from_agenda',
	'supported',
	'support_withdrawn',
] as const;
export type TopicEventKind = (typeof topicEventKinds)[number];

/** The states of an invitation to an external contact: open until used, expired or revoked. */
export const invitationStates = ['open', 'used', 'expired', 'revoked'] as const;
export type InvitationState = (typeof invitationStates)[number];

/** Is the month (its first day, YYYY-MM-DD) before the month of `today`? */
export const monthHasPassed = (month: string, today: string) => month < `${today.slice(0, 7)}-01`;

/** The first day of each of the next `count` months after `today` (YYYY-MM-DD), for choosing a period. */
export function nextMonths(today: string, count = 12): string[] {
	const [year, month] = today.split('-').map(Number);
	return Array.from({ length: count }, (_, i) => {
		const index = year * 12 + (month - 1) + i;
		return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
	});
}
