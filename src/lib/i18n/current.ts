// The labels and formats bound to the locale of the page being rendered (the request's on the server,
// the chosen one in the browser). For Svelte components only: server code passes a locale to
// ./labels.ts and ./formats.ts itself.
import { getLocale, type Locale } from '#lib/paraglide/runtime.js';
import * as dossier from './dossier-labels.ts';
import * as formats from './formats.ts';
import * as goals from './goal-labels.ts';
import * as labels from './labels.ts';
import * as polls from './poll-labels.ts';
import * as register from './register-labels.ts';
import * as registry from './registry-labels.ts';
import * as search from './search-labels.ts';
import * as sessionQuestions from './session-question-labels.ts';

/** `fn` with its first argument, the locale, taken from the page. */
const bound =
	<A extends unknown[], R>(fn: (locale: Locale, ...args: A) => R) =>
	(...args: A): R =>
		fn(getLocale(), ...args);

export const roleLabel = bound(labels.roleLabel);
export const organisationKindLabel = bound(labels.organisationKindLabel);
export const bodyKindLabel = bound(labels.bodyKindLabel);
export const meetingKindLabel = bound(labels.meetingKindLabel);
export const meetingStatusLabel = bound(labels.meetingStatusLabel);
export const itemKindLabel = bound(labels.itemKindLabel);
export const confidentialityLabel = bound(labels.confidentialityLabel);
export const outcomeLabel = bound(labels.outcomeLabel);
export const attendanceLabel = bound(labels.attendanceLabel);
export const actionStatusLabel = bound(labels.actionStatusLabel);
export const minutesStatusLabel = bound(labels.minutesStatusLabel);
export const topicAskLabel = bound(labels.topicAskLabel);
export const topicUrgencyLabel = bound(labels.topicUrgencyLabel);
export const topicStatusLabel = bound(labels.topicStatusLabel);
export const topicEventLabel = bound(labels.topicEventLabel);
export const invitationStateLabel = bound(labels.invitationStateLabel);
export const auditActionLabel = bound(labels.auditActionLabel);
export const entityTypeLabel = bound(labels.entityTypeLabel);
export const errorText = bound(labels.errorText);
export const localName = bound(labels.localName);
export const mandateText = bound(labels.mandateText);
export const personChoiceLabel = bound(labels.personChoiceLabel);
export const notificationKindLabel = bound(labels.notificationKindLabel);
export const deliveryLabel = bound(labels.deliveryLabel);

export const formatDate = bound(formats.formatDate);
export const formatMonth = bound(formats.formatMonth);
export const formatWeekday = bound(formats.formatWeekday);
export const formatDateTime = bound(formats.formatDateTime);
export const formatMeetingTime = bound(formats.formatMeetingTime);
export const formatSize = bound(formats.formatSize);
export const formatDay = bound(formats.formatDay);

export const legalFormLabel = bound(registry.legalFormLabel);
export const policyDomainLabel = bound(registry.policyDomainLabel);
export const membershipRoleLabel = bound(registry.membershipRoleLabel);
export const structureEventLabel = bound(registry.structureEventLabel);
export const sourceKindLabel = bound(registry.sourceKindLabel);
export const registryErrorText = bound(registry.registryErrorText);
export const partialDateText = bound(registry.partialDateText);

export const dossierTypeLabel = bound(dossier.dossierTypeLabel);
export const dossierThemeLabel = bound(dossier.dossierThemeLabel);
export const dossierStateLabel = bound(dossier.dossierStateLabel);
export const phaseStateLabel = bound(dossier.phaseStateLabel);
export const entryKindLabel = bound(dossier.entryKindLabel);
export const sponsorTitleLabel = bound(dossier.sponsorTitleLabel);
export const questionStateLabel = bound(dossier.questionStateLabel);
export const funderLevelLabel = bound(dossier.funderLevelLabel);
export const subsidyMilestoneLabel = bound(dossier.subsidyMilestoneLabel);

export const formatGoalValue = bound(goals.formatGoalValue);
export const formatProgress = bound(goals.formatProgress);
export const formatEuro = bound(register.formatEuro);

export const pollVoiceLabel = bound(polls.pollVoiceLabel);
export const pollOutcomeText = bound(polls.pollOutcomeText);
export const sessionQuestionStateLabel = bound(sessionQuestions.sessionQuestionStateLabel);
export const searchKindLabel = bound(search.searchKindLabel);
export const queryProblemText = bound(search.queryProblemText);
