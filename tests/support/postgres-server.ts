// A throwaway PostgreSQL 15 cluster for the test suite, with the Debian server binaries.
// As root, initdb refuses to run, so the cluster is owned by and run as the `postgres` user.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server.ts';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

function run(command: string, args: string[], asPostgres: boolean) {
	if (asPostgres) {
		const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
		return execFileSync('su', ['-s', '/bin/bash', 'postgres', '-c', quoted], { stdio: 'pipe' });
	}
	return execFileSync(command, args, { stdio: 'pipe' });
}

export interface PostgresServer {
	url: (database?: string) => string;
	stop: () => void;
}

/** Start a fresh cluster on a free loopback port; fails loudly when the binaries are missing. */
export async function startPostgres(): Promise<PostgresServer> {
	if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) {
		throw new Error(`PostgreSQL 15 server binaries not found in ${PG_BIN}: apt-get install -y postgresql-15 (or set PG_BIN).`);
	}
	const asPostgres = process.getuid?.() === 0;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-pg-'));
	if (asPostgres) {
		fs.chmodSync(dir, 0o700);
		execFileSync('chown', ['postgres:postgres', dir]);
	}
	run(
		path.join(PG_BIN, 'initdb'),
		['-D', dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--text-search-config=dutch'],
		asPostgres,
	);
	const port = await freePort();
	run(
		path.join(PG_BIN, 'pg_ctl'),
		[
			'-D',
			dir,
			'-l',
			path.join(dir, 'log'),
			'-w',
			'-o',
			`-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`,
			'start',
		],
		asPostgres,
	);
	return {
		url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
		stop: () => {
			try {
				run(path.join(PG_BIN, 'pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', 'stop'], asPostgres);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		},
	};
}
