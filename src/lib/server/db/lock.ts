// An exclusive lock on the embedded data folder: PGlite has none of its own, and two processes
// opening the same folder corrupt it. See docs/decisions/0002-embedded-database.md.
// The lock file appears atomically with its content (written aside, then hard-linked into place),
// and a stale lock is taken over by renaming exactly the file that was found stale.
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

const readPid = (file: string) => Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);

/** Take the lock file `<dir>/aanjager.lock`; a stale lock of a dead process is taken over. */
export function acquireDataDirLock(dir: string): () => void {
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, 'aanjager.lock');
	const mine = path.join(dir, `aanjager.lock.${process.pid}.${Date.now()}`);
	fs.writeFileSync(mine, `${process.pid}\n`);
	try {
		for (let attempt = 0; attempt < 5; attempt++) {
			try {
				fs.linkSync(mine, file); // fails if the lock exists; never leaves a half-written lock
				let released = false;
				return () => {
					if (released) return;
					released = true;
					try {
						if (readPid(file) === process.pid) fs.unlinkSync(file);
					} catch {
						// already gone
					}
				};
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			}
			let holder: number;
			try {
				holder = readPid(file);
			} catch {
				continue; // removed meanwhile: try again
			}
			if (holder === process.pid || isAlive(holder)) {
				throw new DataDirLockedError(
					`The data folder ${dir} is in use by another Aanjager process (pid ${holder}). ` +
						'Stop that process first, or set DATA_DIR to another folder.',
				);
			}
			// Stale: move it aside, and keep it only if what was moved is still the dead holder's lock.
			const aside = `${mine}.stale`;
			try {
				fs.renameSync(file, aside);
			} catch {
				continue;
			}
			if (readPid(aside) !== holder) {
				// Another process took over in between: put its lock back and report it.
				try {
					fs.linkSync(aside, file);
				} catch {
					// it has been replaced again; the next round will see it
				}
			}
			fs.rmSync(aside, { force: true });
		}
		throw new DataDirLockedError(`Could not take the lock on the data folder ${dir}.`);
	} finally {
		fs.rmSync(mine, { force: true });
	}
}
