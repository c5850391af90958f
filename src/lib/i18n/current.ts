// The labels and formats bound to the locale of the page being rendered (the request's on the server,
// the chosen one in the browser). For Svelte components only: server code passes a locale to
// ./labels.ts and ./formats.ts itself.
import { getLocale, type Locale } from '#lib/paraglide/runtime.js';
import * as formats from './formats.ts';
import * as labels from './labels.ts';

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

export const formatDate = bound(formats.formatDate);
export const formatMonth = bound(formats.formatMonth);
export const formatWeekday = bound(formats.formatWeekday);
export const formatDateTime = bound(formats.formatDateTime);
export const formatMeetingTime = bound(formats.formatMeetingTime);
export const formatSize = bound(formats.formatSize);
export const formatDay = bound(formats.formatDay);
