// The information flow's words on the pages: kinds, versions' reasons and statuses, delivery states,
// ledger events and recipient kinds, in the page's language.
import type {
	DeliveryState,
	DispatchKind,
	LedgerEventKind,
	RecipientKind,
	ReferralOutcome,
	VersionReason,
	VersionStatus,
} from '$lib/domain/dispatch';
import { m } from '$lib/paraglide/messages.js';

export const dispatchKindLabel = (k: DispatchKind) => (k === 'agenda' ? m.dispatch_kind_agenda() : m.dispatch_kind_minutes());

export const versionReasonLabel = (r: VersionReason) =>
	({ initial: m.dispatch_reason_initial, supplement: m.dispatch_reason_supplement, correction: m.dispatch_reason_correction })[r]();

export const versionStatusLabel = (s: VersionStatus) =>
	({ prepared: m.dispatch_status_prepared, sending: m.dispatch_status_sending, sent: m.dispatch_status_sent })[s]();

export const deliveryStateLabel = (s: DeliveryState) =>
	({
		queued: m.dispatch_state_queued,
		sending: m.dispatch_state_sending,
		accepted: m.dispatch_state_accepted,
		refused: m.dispatch_state_refused,
		bounced: m.dispatch_state_bounced,
		opened: m.dispatch_state_opened,
	})[s]();

export const eventLabel = (k: LedgerEventKind) =>
	({
		queued: m.dispatch_state_queued,
		sending: m.dispatch_state_sending,
		accepted: m.dispatch_state_accepted,
		refused: m.dispatch_state_refused,
		bounced: m.dispatch_state_bounced,
		opened: m.dispatch_state_opened,
		acknowledged: m.dispatch_event_acknowledged,
		college_treated: m.dispatch_event_college,
		referral_treated: m.dispatch_event_referral,
		reminded: m.dispatch_event_reminded,
		escalated: m.dispatch_event_escalated,
		delayed: m.dispatch_event_delayed,
	})[k]();

export const recipientKindLabel = (k: RecipientKind) =>
	({ general_director: m.dispatch_recipient_director, mailbox: m.dispatch_recipient_mailbox, person: m.dispatch_recipient_person })[k]();

export const referralOutcomeLabel = (o: ReferralOutcome) =>
	o === 'treated' ? m.dispatch_referral_treated() : m.dispatch_referral_not_treated();

/** A share as a whole percentage ("85 %"), or a dash. */
export const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)} %`);
