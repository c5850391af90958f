// The words of a council information session's status and a person's registration, in the current language.
import type { RegistrationMode, SessionStatus } from '$lib/domain/sessions';
import { m } from '$lib/paraglide/messages.js';

const statuses: Record<SessionStatus, () => string> = {
	planned: m.sessions_status_planned,
	invited: m.sessions_status_invited,
	held: m.sessions_status_held,
	published: m.sessions_status_published,
};
const modes: Record<RegistrationMode, () => string> = {
	in_person: m.sessions_mode_in_person,
	online: m.sessions_mode_online,
	not_coming: m.sessions_mode_not_coming,
};

export const sessionStatusLabel = (s: SessionStatus) => statuses[s]();
export const registrationModeLabel = (mode: RegistrationMode) => modes[mode]();
