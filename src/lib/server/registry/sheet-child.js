// The child process that parses one uploaded sheet: started by registry.import.ts with a memory limit
// and killed after a time limit, so a hostile file can take down only this process. Receives the bytes
// over IPC, answers { ok, rows } or { ok: false, error }, and exits.
import { parseSheet } from './sheet-parse.js';

process.once('message', async (/** @type {{ kind: 'csv' | 'xlsx'; bytes: Uint8Array }} */ request) => {
	/** @type {{ ok: true; rows: string[][] } | { ok: false; error: string }} */
	let answer;
	try {
		answer = { ok: true, rows: await parseSheet(request.kind, request.bytes) };
	} catch (error) {
		answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
	process.send?.(answer, () => process.exit(0));
});
