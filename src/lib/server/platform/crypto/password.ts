// Password hashing with argon2id (the @node-rs/argon2 default). Never hand-rolled.
import { hash, verify } from '@node-rs/argon2';

const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

/** Hash a password for storage. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

/** Check a password against a stored hash; false for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	try {
		return await verify(stored, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;
/** Spend the same time as a real check when there is no account, so timing does not reveal one. */
export async function verifyAgainstDummy(password: string): Promise<void> {
	dummyHash ??= hashPassword('not-a-real-password-but-the-same-cost');
	await verifyPassword(await dummyHash, password);
}
