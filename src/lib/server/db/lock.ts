// An exclusive lock on the embedded data folder: PGlite has none of its own, and two processes
// opening the same folder corrupt it. See docs/decisions/0002-embedded-database.md.
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Take the lock file `<dir>/aanjager.lock`; a stale lock of a dead process is taken over. */
export function acquireDataDirLock(dir: string): () => void {
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, 'aanjager.lock');
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fd = fs.openSync(file, 'wx');
			fs.writeSync(fd, `${process.pid}\n`);
			fs.closeSync(fd);
			let released = false;
			return () => {
				if (released) return;
				released = true;
				try {
					if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
				} catch {
					// already gone
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
			if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
				throw new DataDirLockedError(
					`The data folder ${dir} is in use by another Aanjager process (pid ${holder}). ` +
						'Stop that process first, or set DATA_DIR to another folder.',
				);
			}
			// Stale lock left by a killed process: remove it and try again.
			fs.rmSync(file, { force: true });
		}
	}
	throw new DataDirLockedError(`Could not take the lock on the data folder ${dir}.`);
}
