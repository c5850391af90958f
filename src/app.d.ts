import type { Reader } from '$lib/server/access/reader';
import type { Actor } from '$lib/server/auth/actor';

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
