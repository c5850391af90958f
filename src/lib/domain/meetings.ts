// The meeting cycle's vocabulary and rules, with no I/O: kinds and states of meetings, agenda items,
// minutes and actions; agenda numbering. Who may read what is one SQL predicate (server/meetings/meetings.access.ts).

export const meetingKinds = ['regular', 'extra', 'briefing'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const meetingStatuses = ['planned', 'agenda_published', 'held', 'minutes_approved', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const itemKinds = [
	'information',
	'sounding_board',
	'process',
	'policy_agenda',
	'common_position',
	'cooperation_steering',
	'minutes_approval',
	'various',
] as const;
export type ItemKind = (typeof itemKinds)[number];
/** Kinds a person can choose; the approval of the previous minutes is added by the platform. */
export const choosableItemKinds = itemKinds.filter((k) => k !== 'minutes_approval');

/** From least to most protected. */
export const confidentialityLevels = ['public', 'internal', 'restricted', 'confidential'] as const;
export type Confidentiality = (typeof confidentialityLevels)[number];

export const outcomeKinds = ['noted', 'sounding_board', 'agreed_process', 'common_position', 'referral', 'postponed'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

export const attendanceStatuses = ['present', 'excused', 'absent', 'represented'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export const actionStatuses = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const minutesStatuses = ['draft', 'circulated', 'approved'] as const;
export type MinutesStatus = (typeof minutesStatuses)[number];

/** Which meeting states may follow which. Minutes approval is reached only through the next meeting. */
const meetingTransitions: Record<MeetingStatus, readonly MeetingStatus[]> = {
	planned: ['agenda_published', 'cancelled'],
	agenda_published: ['held', 'cancelled'],
	held: ['minutes_approved'],
	minutes_approved: [],
	cancelled: [],
};

export const canMoveMeeting = (from: MeetingStatus, to: MeetingStatus) => meetingTransitions[from].includes(to);

/** A meeting can still be moved (new date or place) or cancelled before it has been held. */
export const isUpcomingState = (status: MeetingStatus) => status === 'planned' || status === 'agenda_published';

/** Minutes: draft → circulated → approved; an approved version never changes. */
const minutesTransitions: Record<MinutesStatus, readonly MinutesStatus[]> = {
	draft: ['circulated'],
	circulated: ['approved', 'draft'],
	approved: [],
};

export const canMoveMinutes = (from: MinutesStatus, to: MinutesStatus) => minutesTransitions[from].includes(to);

/** An item as the numbering sees it. */
export interface NumberedItem {
	id: string;
	position: number;
	number: number | null;
	supplementary: boolean;
}

/**
 * The number an item shows: the number fixed at publication, before that its place on the agenda
 * (`at`, by default its stored position; the agenda editor passes the place it is being dragged to).
 */
export function displayNumber(item: { number: number | null; position: number }, at: number = item.position): number {
	return item.number ?? at;
}

/**
 * The numbers an agenda shows: before publication, positions 1..n in order; after publication the
 * numbers fixed at publication, and supplementary items numbered after the highest fixed one.
 */
export function displayNumbers<T extends NumberedItem>(items: readonly T[]): Map<string, number> {
	const ordered = [...items].sort((a, b) => a.position - b.position);
	const numbers = new Map<string, number>();
	let next = 1;
	for (const item of ordered) {
		const n = item.number ?? next;
		numbers.set(item.id, n);
		next = Math.max(next, n + 1);
	}
	return numbers;
}

/** Is the numbering consistent: the numbers shown, in agenda order, are exactly 1..n. */
export function isNumberingConsistent(items: readonly NumberedItem[]): boolean {
	const ordered = [...items].sort((a, b) => a.position - b.position);
	const numbers = displayNumbers(items);
	return ordered.every((item, i) => numbers.get(item.id) === i + 1);
}

/**
 * Does the numbering the reader sees skip numbers (items they may not see, such as confidential ones, are left out)?
 * True when a number between 1 and the highest shown is missing; a hidden last item leaves no gap, so says nothing.
 */
export function hasNumberingGap(items: readonly { number: number | null; position: number }[]): boolean {
	const shown = new Set(items.map((item) => displayNumber(item)));
	const highest = Math.max(0, ...shown);
	for (let n = 1; n <= highest; n++) if (!shown.has(n)) return true;
	return false;
}
