import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '../../src/lib/server/db/lock.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-lock-'));

describe('data-folder lock', () => {
	it('refuses a second lock in the same process', () => {
		const dir = tmp();
		const release = acquireDataDirLock(dir);
		expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
		release();
		acquireDataDirLock(dir)();
		expect(fs.readdirSync(dir)).toEqual([]);
	});

	it('refuses a second holder while the first lives, naming the folder and the process', async () => {
		const dir = tmp();
		// Another live process holds the lock.
		const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
		fs.writeFileSync(path.join(dir, 'aanjager.lock'), `${holder.pid}\n`);
		try {
			expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
			expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`${dir}.*pid ${holder.pid}`));
		} finally {
			holder.kill('SIGKILL');
		}
	});

	it('takes over the lock of a process that died without releasing it', async () => {
		const dir = tmp();
		const dead = spawn(process.execPath, ['-e', '0']);
		await new Promise((resolve) => dead.on('exit', resolve));
		fs.writeFileSync(path.join(dir, 'aanjager.lock'), `${dead.pid}\n`);
		const release = acquireDataDirLock(dir);
		expect(fs.readFileSync(path.join(dir, 'aanjager.lock'), 'utf8').trim()).toBe(String(process.pid));
		release();
		expect(fs.existsSync(path.join(dir, 'aanjager.lock'))).toBe(false);
	});
});
