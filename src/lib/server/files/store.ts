// Content-addressed storage of uploaded files on disk: each file is named by the SHA-256 of its bytes.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Files under `root`, at `<root>/<first 2 hex>/<next 2 hex>/<sha256>`. */
export class FileStore {
	readonly root: string;

	constructor(root: string) {
		this.root = path.resolve(root);
	}

	/** Stores the bytes (atomically; content already present is left as it is) and returns their hash and size. */
	async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		const size = bytes.byteLength;
		const target = this.pathOf(sha256);
		const existing = await fs.stat(target).catch(() => null);
		if (existing?.isFile() && existing.size === size) return { sha256, size };

		const dir = path.dirname(target);
		await fs.mkdir(dir, { recursive: true });
		const temp = path.join(dir, `.${sha256}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
		try {
			const handle = await fs.open(temp, 'wx', 0o640);
			try {
				await handle.writeFile(bytes);
				await handle.sync();
			} finally {
				await handle.close();
			}
			await fs.rename(temp, target);
		} catch (error) {
			await fs.rm(temp, { force: true });
			throw error;
		}
		await syncDirectory(dir);
		return { sha256, size };
	}

	/** The stored bytes; throws for an id that is not a SHA-256 and when the file is missing. */
	async read(sha256: string): Promise<Buffer> {
		return fs.readFile(this.pathOf(sha256));
	}

	/** Whether the content is stored; throws for an id that is not a SHA-256. */
	async has(sha256: string): Promise<boolean> {
		const stat = await fs.stat(this.pathOf(sha256)).catch(() => null);
		return stat?.isFile() ?? false;
	}

	/** The path of a stored file; throws unless `sha256` is 64 lower-case hex characters, so no path comes from user input. */
	pathOf(sha256: string): string {
		if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) throw new Error('FileStore: not a SHA-256 hex digest');
		return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
	}
}

/** Makes the rename durable. Not every platform can open a folder for syncing; there it is skipped. */
async function syncDirectory(dir: string): Promise<void> {
	let handle: fs.FileHandle | undefined;
	try {
		handle = await fs.open(dir, 'r');
		await handle.sync();
	} catch {
		// Best effort only.
	} finally {
		await handle?.close().catch(() => {});
	}
}
