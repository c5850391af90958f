// The child process that parses one upload: started by extract.ts with a memory limit and killed after a
// time limit, so a hostile file can take down only this process. Reads the file at the path it is sent,
// answers { ok, text } or { ok: false, error } over IPC, and exits.
import fs from 'node:fs/promises';
import { extractText } from './extract-parse.js';

process.once('message', async (/** @type {{ mediaType: string; path: string }} */ request) => {
	/** @type {{ ok: true; text: string | null } | { ok: false; error: string }} */
	let answer;
	try {
		answer = { ok: true, text: await extractText(request.mediaType, await fs.readFile(request.path)) };
	} catch (error) {
		answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
	process.send?.(answer, () => process.exit(0));
});
