// Labels of dossiers, in a locale given as an argument (like ./labels.ts): types, themes, workflow states,
// phases, timeline entries, sponsorships, questions, funders and subsidy milestones. Each map covers its
// union from src/lib/domain/dossiers.ts exactly, so a new state without a label does not compile.
import type {
	DossierState,
	DossierTheme,
	DossierType,
	EntryKind,
	FunderLevel,
	PhaseState,
	QuestionState,
	SponsorTitle,
	SubsidyMilestone,
} from '#lib/domain/dossiers.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
const labelOf =
	<K extends string>(messages: Record<K, Message>) =>
	(locale: Locale, key: K): string =>
		messages[key]({}, { locale });

const dossierTypes = {
	policy_preparation: m.dossier_type_policy_preparation,
	regional_project: m.dossier_type_regional_project,
	regional_goal: m.dossier_type_regional_goal,
	subsidy: m.dossier_type_subsidy,
	bottleneck: m.dossier_type_bottleneck,
} satisfies Record<DossierType, Message>;
/** A type of dossier: "Knelpunt". */
export const dossierTypeLabel = labelOf(dossierTypes);

const dossierThemes = {
	mayor_security: m.dossier_theme_mayor_security,
	knowledge_sharing: m.dossier_theme_knowledge_sharing,
	intermunicipal_steering: m.dossier_theme_intermunicipal_steering,
	regional_projects: m.dossier_theme_regional_projects,
	intergovernmental: m.dossier_theme_intergovernmental,
	external_communication: m.dossier_theme_external_communication,
} satisfies Record<DossierTheme, Message>;
/** One of the seed's six themes. */
export const dossierThemeLabel = labelOf(dossierThemes);

const dossierStates = {
	exploration: m.dossier_state_exploration,
	preparation: m.dossier_state_preparation,
	in_progress: m.dossier_state_in_progress,
	implementation: m.dossier_state_implementation,
	completed: m.dossier_state_completed,
	proposed: m.dossier_state_proposed,
	adopted: m.dossier_state_adopted,
	achieved: m.dossier_state_achieved,
	not_achieved: m.dossier_state_not_achieved,
	call_identified: m.dossier_state_call_identified,
	applied: m.dossier_state_applied,
	awarded: m.dossier_state_awarded,
	refused: m.dossier_state_refused,
	reporting: m.dossier_state_reporting,
	closed: m.dossier_state_closed,
	raised: m.dossier_state_raised,
	position_taken: m.dossier_state_position_taken,
	letter_sent: m.dossier_state_letter_sent,
	awaiting_answer: m.dossier_state_awaiting_answer,
	answered: m.dossier_state_answered,
	follow_up: m.dossier_state_follow_up,
	resolved: m.dossier_state_resolved,
	on_hold: m.dossier_state_on_hold,
	dropped: m.dossier_state_dropped,
} satisfies Record<DossierState, Message>;
/** A state of a dossier's workflow: "Wacht op antwoord". */
export const dossierStateLabel = labelOf(dossierStates);

const phaseStates = {
	planned: m.phase_state_planned,
	running: m.phase_state_running,
	finished: m.phase_state_finished,
} satisfies Record<PhaseState, Message>;
/** A phase's state: "Lopend". */
export const phaseStateLabel = labelOf(phaseStates);

const entryKinds = {
	note: m.entry_kind_note,
	document: m.entry_kind_document,
	status_change: m.entry_kind_status_change,
	letter: m.entry_kind_letter,
	answer: m.entry_kind_answer,
	decision_elsewhere: m.entry_kind_decision_elsewhere,
} satisfies Record<EntryKind, Message>;
/** A kind of timeline entry: "Brief". */
export const entryKindLabel = labelOf(entryKinds);

const sponsorTitles = {
	godfather: m.sponsor_title_godfather,
	godmother: m.sponsor_title_godmother,
} satisfies Record<SponsorTitle, Message>;
/** Peter or meter. */
export const sponsorTitleLabel = labelOf(sponsorTitles);

const questionStates = {
	submitted: m.question_state_submitted,
	assigned: m.question_state_assigned,
	answered: m.question_state_answered,
	merged: m.question_state_merged,
	declined: m.question_state_declined,
} satisfies Record<QuestionState, Message>;
/** A question's state: "Beantwoord". */
export const questionStateLabel = labelOf(questionStates);

const funderLevels = {
	flanders: m.funder_level_flanders,
	province: m.funder_level_province,
	eu: m.funder_level_eu,
	federal: m.funder_level_federal,
	other: m.funder_level_other,
} satisfies Record<FunderLevel, Message>;
/** A funder's level of government. */
export const funderLevelLabel = labelOf(funderLevels);

const subsidyMilestones = {
	application: m.subsidy_milestone_application,
	decision: m.subsidy_milestone_decision,
	start: m.subsidy_milestone_start,
	report: m.subsidy_milestone_report,
	payment: m.subsidy_milestone_payment,
	end: m.subsidy_milestone_end,
} satisfies Record<SubsidyMilestone, Message>;
/** A milestone of a subsidy dossier. */
export const subsidyMilestoneLabel = labelOf(subsidyMilestones);
