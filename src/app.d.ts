import type { Actor } from '$lib/server/access/actor';
import type { Reader } from '$lib/server/access/reader';

declare global {
	namespace App {
		interface Locals {
			actor: Actor | null;
			/** Who reads: derived once per request from the actor (the public reader when anonymous). */
			reader: Reader;
			sessionToken: string | null;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}
