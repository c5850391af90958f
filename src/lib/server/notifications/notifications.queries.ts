// Reads of notifications for pages: a person's own settings.
import { deliveriesOf, fixedKinds, optionalKinds } from '../../domain/notifications.ts';
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/client.ts';
import { preferencesOf } from './notifications.service.ts';

/** The actor's own settings page: per optional kind the choices and the current one, and the kinds always sent. */
export async function getSettingsPage(db: Db, actor: Actor) {
	const chosen = await preferencesOf(db, actor.personId);
	return {
		kinds: optionalKinds.map((kind) => ({ kind, deliveries: [...deliveriesOf(kind)], delivery: chosen[kind] })),
		fixed: fixedKinds,
	};
}
