// The form actions of the dispatch pages, in one shape: the page's id from the route, the command run
// for the signed-in actor with the parsed input, then back to the page with its flash message.
import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Actor } from '$lib/server/access/actor';
import { getApp } from '$lib/server/app';
import { acknowledgeSchema } from '$lib/server/dispatch/dispatch.schema';
import { acknowledge } from '$lib/server/dispatch/ledger.service';
import type { FlashKey } from '$lib/server/http/flash';
import { command, idParam } from '$lib/server/http/guards';

type Run<S extends z.ZodType> = (actor: Actor, input: z.infer<S>, id: string) => Promise<unknown>;

/** An action of a page at `here(id)`: `run` with the page's id, answered for form `formId`. */
export function pageAction<S extends z.ZodType>(here: (id: string) => string, schema: S, run: Run<S>, formId: string, said?: FlashKey) {
	return (e: Pick<RequestEvent, 'locals' | 'request' | 'params'>) => {
		const id = idParam((e.params as { id?: string }).id);
		return command(e.locals, e.request, schema, (actor, input) => run(actor, input, id), here(id), formId, said);
	};
}

/** A municipality's recipient takes note of a version: on the dispatch page and the municipality's page. */
export const acknowledgeAction = (here: (id: string) => string) =>
	pageAction(
		here,
		acknowledgeSchema,
		(actor, input) => acknowledge(getApp().db, actor, input.versionId, input.organisationId, { at: new Date() }),
		'acknowledge',
		'confirmed',
	);
