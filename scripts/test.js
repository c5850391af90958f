// `npm test`: every test (unit, services on PGlite and PostgreSQL 15, end-to-end in Chromium),
// then one closing line "N passed, N failed" read from Vitest's JSON report.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const report = path.join(root, 'test-results', 'vitest.json');
fs.rmSync(report, { force: true });

// On a fresh clone the generated message catalogue and SvelteKit's tsconfig do not exist yet: make them.
if (!fs.existsSync(path.join(root, '.svelte-kit', 'tsconfig.json')) || !fs.existsSync(path.join(root, 'src', 'lib', 'paraglide'))) {
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	spawnSync(npm, ['run', 'i18n'], { cwd: root, stdio: 'inherit' });
	spawnSync(process.execPath, [path.join(root, 'node_modules', '@sveltejs', 'kit', 'svelte-kit.js'), 'sync'], {
		cwd: root,
		stdio: 'inherit',
	});
}

const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });

let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
	const json = JSON.parse(fs.readFileSync(report, 'utf8'));
	passed = json.numPassedTests ?? 0;
	failed = json.numFailedTests ?? 0;
	// A file that failed to load counts as a failure even when no test inside it ran.
	const brokenFiles = (json.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
	failed += brokenFiles;
} else {
	failed = 1;
}
if (result.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(result.status ?? 1);
