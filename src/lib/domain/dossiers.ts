// Dossiers: regional files that run for years through many meetings and bodies. Their types, the
// seed's six themes, and each type's workflow as data (states and the moves allowed between them),
// shipped as presets; no I/O. A workflow's rules are checked here and by the database's services alike.

/** The kinds of dossier; each has a workflow preset below. */
export const dossierTypes = ['policy_preparation', 'regional_project', 'regional_goal', 'subsidy', 'bottleneck'] as const;
export type DossierType = (typeof dossierTypes)[number];

/** The seed's six themes (*behandelde thematieken*); free tags come beside them. */
export const dossierThemes = [
	'mayor_security',
	'knowledge_sharing',
	'intermunicipal_steering',
	'regional_projects',
	'intergovernmental',
	'external_communication',
] as const;
export type DossierTheme = (typeof dossierThemes)[number];

/** Every state any workflow uses (the labels are in the message catalogue as `dossier_state_<state>`). */
export const dossierStates = [
	// policy preparation and regional projects
	'exploration',
	'preparation',
	'in_progress',
	'implementation',
	'completed',
	// regional goals
	'proposed',
	'adopted',
	'achieved',
	'not_achieved',
	// subsidy dossiers
	'call_identified',
	'applied',
	'awarded',
	'refused',
	'reporting',
	'closed',
	// bottlenecks, tracked as answers from a higher government are
	'raised',
	'position_taken',
	'letter_sent',
	'awaiting_answer',
	'answered',
	'follow_up',
	'resolved',
	// shared
	'on_hold',
	'dropped',
] as const;
export type DossierState = (typeof dossierStates)[number];

/** A workflow: where a dossier of the type starts, and the moves allowed from each state. */
export interface Workflow {
	initial: DossierState;
	moves: Partial<Record<DossierState, readonly DossierState[]>>;
	/** States that end the dossier (no moves out, except reopening where listed). */
	final: readonly DossierState[];
}

const policyPreparation: Workflow = {
	initial: 'exploration',
	moves: {
		exploration: ['preparation', 'on_hold', 'dropped'],
		preparation: ['in_progress', 'on_hold', 'dropped'],
		in_progress: ['implementation', 'completed', 'on_hold', 'dropped'],
		implementation: ['completed', 'on_hold'],
		on_hold: ['exploration', 'preparation', 'in_progress', 'dropped'],
		completed: [],
		dropped: [],
	},
	final: ['completed', 'dropped'],
};

/** Each type's workflow (a preset; a region may later keep its own as data of the same shape). */
export const workflows: Record<DossierType, Workflow> = {
	policy_preparation: policyPreparation,
	regional_project: policyPreparation,
	regional_goal: {
		initial: 'proposed',
		moves: {
			proposed: ['adopted', 'dropped'],
			adopted: ['in_progress', 'dropped'],
			in_progress: ['achieved', 'not_achieved', 'on_hold'],
			on_hold: ['in_progress', 'dropped'],
			achieved: [],
			not_achieved: [],
			dropped: [],
		},
		final: ['achieved', 'not_achieved', 'dropped'],
	},
	subsidy: {
		initial: 'call_identified',
		moves: {
			call_identified: ['applied', 'dropped'],
			applied: ['awarded', 'refused'],
			awarded: ['in_progress'],
			in_progress: ['reporting'],
			reporting: ['in_progress', 'closed'],
			refused: [],
			closed: [],
			dropped: [],
		},
		final: ['refused', 'closed', 'dropped'],
	},
	bottleneck: {
		initial: 'raised',
		moves: {
			raised: ['position_taken', 'dropped'],
			position_taken: ['letter_sent', 'dropped'],
			letter_sent: ['awaiting_answer', 'answered'],
			awaiting_answer: ['answered', 'follow_up', 'dropped'],
			answered: ['follow_up', 'resolved', 'dropped'],
			follow_up: ['position_taken', 'letter_sent', 'resolved', 'dropped'],
			resolved: [],
			dropped: [],
		},
		final: ['resolved', 'dropped'],
	},
};

/** The states a dossier of the type can be in, in the workflow's order. */
export const statesOf = (type: DossierType): DossierState[] => dossierStates.filter((s) => s in workflows[type].moves);

/** Whether a dossier of `type` may move from `from` to `to`. */
export const canMoveDossier = (type: DossierType, from: DossierState, to: DossierState): boolean =>
	(workflows[type].moves[from] ?? []).includes(to);

/** What a move of a bottleneck needs as evidence: the position a minutes item, the letter and the answer a document. */
export const bottleneckEvidence: Partial<Record<DossierState, 'minutes_item' | 'letter' | 'answer_document'>> = {
	position_taken: 'minutes_item',
	letter_sent: 'letter',
	answered: 'answer_document',
};

/** Days a higher government has to answer a letter, in Belgian working days, unless the dossier says otherwise. */
export const DEFAULT_RESPONSE_WORKING_DAYS = 30;

/** A phase's state: from its dates unless the secretariat set it. */
export const phaseStates = ['planned', 'running', 'finished'] as const;
export type PhaseState = (typeof phaseStates)[number];

/** The phase's state on `day` from its widest days (start's first day, end's last day; no end: running on). */
export function phaseStateOn(phase: { startDay: string; endDay: string | null }, day: string): PhaseState {
	if (day < phase.startDay) return 'planned';
	if (phase.endDay !== null && day > phase.endDay) return 'finished';
	return 'running';
}

/** Kinds of timeline entry that are not agenda items (those come from the meetings they were on). */
export const entryKinds = ['note', 'document', 'status_change', 'letter', 'answer', 'decision_elsewhere'] as const;
export type EntryKind = (typeof entryKinds)[number];

/** Sponsorship titles: *peter* (godfather) and *meter* (godmother). */
export const sponsorTitles = ['godfather', 'godmother'] as const;
export type SponsorTitle = (typeof sponsorTitles)[number];

/** Which mandates make a person eligible to sponsor what: aldermen and mayors a goal or a subsidy dossier,
 * general directors a theme. */
export const sponsorEligibility = {
	dossier: ['alderman', 'mayor'],
	theme: ['general_director'],
} as const;

/** The types of dossier that have sponsors. */
export const sponsoredTypes: readonly DossierType[] = ['regional_goal', 'subsidy'];

/** States of a question on a dossier (and, later, at an information session). */
export const questionStates = ['submitted', 'assigned', 'answered', 'merged', 'declined'] as const;
export type QuestionState = (typeof questionStates)[number];

const questionMoves: Record<QuestionState, readonly QuestionState[]> = {
	submitted: ['assigned', 'answered', 'merged', 'declined'],
	assigned: ['assigned', 'answered', 'merged', 'declined'],
	answered: [],
	merged: [],
	declined: [],
};

/** Whether a question may move from `from` to `to` (reassigning to another speaker is a move to `assigned`). */
export const canMoveQuestion = (from: QuestionState, to: QuestionState): boolean => questionMoves[from].includes(to);

/** The funders' levels of government for subsidy dossiers. */
export const funderLevels = ['flanders', 'province', 'eu', 'federal', 'other'] as const;
export type FunderLevel = (typeof funderLevels)[number];

/** Milestones of a subsidy dossier, each with a planned and an actual (partial) date. */
export const subsidyMilestones = ['application', 'decision', 'start', 'report', 'payment', 'end'] as const;
export type SubsidyMilestone = (typeof subsidyMilestones)[number];
