// The registry's pages: who may open them (the region's officials read, the secretariat edits); anyone
// else gets a 404, as for anything they may not see.
import { error } from '@sveltejs/kit';
import type { Actor } from '../access/actor.ts';
import type { Reader } from '../access/reader.ts';
import { requireActor } from '../http/guards.ts';
import { canManageRegistry, canReadRegistry } from './registry.policy.ts';

/** The signed-in reader of the registry, and whether they may edit it; else a 404. */
export function readRegistry(locals: App.Locals): { actor: Actor; reader: Reader; canManage: boolean } {
	const actor = requireActor(locals);
	if (!canReadRegistry(locals.reader)) error(404, { message: 'Not found', code: 'not_found' });
	return { actor, reader: locals.reader, canManage: canManageRegistry(actor) };
}

/** The secretariat, editing the registry; else a 404. */
export function manageRegistry(locals: App.Locals): Actor {
	const { actor, canManage } = readRegistry(locals);
	if (!canManage) error(404, { message: 'Not found', code: 'not_found' });
	return actor;
}
