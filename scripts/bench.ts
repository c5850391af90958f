// `npm run bench`: throughput, latency and server CPU of real pages on the embedded database and on
// PostgreSQL 15, beside two references measured in the same run on the same server: the same page
// rendered from in-memory data (the framework's floor) and the same bytes returned by an endpoint,
// both only in the benchmark's own build (build-bench/, docs/decisions/0014-bench-build.md).
// Also: time from start to the first 200 (fresh and existing data), and idle resident memory; and, in
// this process, the layout and SVG of the registry's web at its largest expected size.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openEmbedded, openPostgres } from '../src/lib/server/db/client.ts';
import { renderWebSvg, type WebInput } from '../src/lib/server/registry/web-svg.ts';
import { samplePdf } from '../tests/support/pdf.ts';
import { startPostgres } from '../tests/support/postgres-server.ts';
import { freePort, signInOverHttp, waitForOk } from '../tests/support/server.ts';
import { largeWeb } from '../tests/support/web-fixture.ts';
import { seedDispatchHistory, settleDispatchHistory } from './bench-dashboard.ts';
import { benchDispatch } from './bench-dispatch.ts';
import { seedBenchDossier } from './bench-dossier.ts';
import { benchSearch } from './bench-search.ts';
import { type BenchDatabase, benchSessions } from './bench-sessions.ts';
import { buildIfNeeded } from './build-if-needed.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARM_UP_SECONDS = 3;
const CLK_TCK = 100; // Linux USER_HZ

interface Server {
	child: ChildProcess;
	url: string;
	stop: () => Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<Server & { startMs: number }> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const started = Date.now();
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, AANJAGER_BUILD: 'bench', SMTP_URL: '', ...env },
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	await waitForOk(`${url}/login`, 120_000);
	const startMs = Date.now() - started;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	return {
		child,
		url,
		startMs,
		stop: async () => {
			child.kill('SIGTERM');
			await exited;
		},
	};
}

function cpuTicks(pid: number): number {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return Number(fields[11]) + Number(fields[12]); // utime + stime
}

function rssMb(pid: number): number {
	const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
	return line ? Math.round(Number(line[1]) / 1024) : Number.NaN;
}

interface Measure {
	rps: number;
	p50: number;
	p99: number;
	cpuMs: number;
	errors: number;
}

async function measure(server: Server, pathname: string, cookie: string, connections: number): Promise<Measure> {
	const pid = server.child.pid as number;
	const url = server.url + pathname;
	const check = await fetch(url, { headers: { cookie } });
	if (check.status !== 200) throw new Error(`${pathname} answered ${check.status}`);
	// Warm up: JIT, the pool's connections and their prepared statements, the references' first load.
	await autocannon({ url, connections, duration: WARM_UP_SECONDS, headers: { cookie } });
	const before = cpuTicks(pid);
	const result = await autocannon({ url, connections, duration: SECONDS, headers: { cookie } });
	const ticks = cpuTicks(pid) - before;
	const total = result.requests.total;
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		cpuMs: total ? ((ticks / CLK_TCK) * 1000) / total : Number.NaN,
		errors: result.errors + result.non2xx,
	};
}

const percentile = (values: number[], p: number) =>
	[...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** A form post as the secretariat's browser sends it; returns the redirect target. */
async function post(url: string, path: string, cookie: string, body: URLSearchParams | FormData): Promise<string> {
	const response = await fetch(`${url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, origin: url, accept: 'text/html' },
		body,
	});
	if (response.status !== 303) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
	return response.headers.get('location') ?? '';
}

/** Through the secretariat's forms: a Conference meeting with 20 items and 40 documents, published. */
async function prepareMeeting(url: string): Promise<string> {
	const cookie = await signInOverHttp(url, 'secretariaat@leiedal.demo');
	const bodies = await (await fetch(`${url}/bodies`, { headers: { cookie } })).text();
	const conference = bodies.match(/href="\/bodies\/([0-9a-f-]{36})">Conferentie van Burgemeesters</)?.[1];
	if (!conference) throw new Error('Conference not found');
	const meeting = await post(
		url,
		`/bodies/${conference}/meetings/new?/save`,
		cookie,
		new URLSearchParams({ kind: 'regular', date: '2030-03-08', startTime: '08:00', endTime: '10:00', location: 'Leiedal, Kortrijk' }),
	);
	const levels = ['public', 'internal', 'internal', 'restricted', 'confidential'];
	for (let i = 1; i < 20; i++) {
		const summary = `Toelichting bij punt ${i}: **stand van zaken** en voorstel.\n\n- eerste aandachtspunt\n- tweede aandachtspunt\n\nDe Conferentie wordt gevraagd haar standpunt te bepalen.`;
		await post(
			url,
			`${meeting}/agenda?/add`,
			cookie,
			new URLSearchParams({
				title: `Agendapunt ${i}: regionale samenwerking`,
				kind: 'information',
				summary,
				confidentiality: levels[i % levels.length],
				durationMinutes: '15',
			}),
		);
	}
	const page = await (await fetch(`${url}${meeting}/documents`, { headers: { cookie } })).text();
	const items = [...page.matchAll(/<option value="([0-9a-f-]{36})"/g)].map((m) => m[1]).slice(0, 20);
	const pdf = await samplePdf('Nota bij het agendapunt');
	for (const [n, item] of items.entries()) {
		for (const k of [1, 2]) {
			const form = new FormData();
			form.set('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `nota-${n}-${k}.pdf`);
			form.set('title', `Nota ${k} bij punt ${n + 1}`);
			form.set('agendaItemId', item);
			form.set('confidentiality', 'internal');
			await post(url, `${meeting}/documents?/upload`, cookie, form);
		}
	}
	// Publishing asks for a confirmation first (confirmFirst): the benchmark posts it confirmed.
	await post(url, `${meeting}?/publish`, cookie, new URLSearchParams({ confirmed: 'yes' }));
	await extractionDone(url, meeting, cookie);
	await dispatchDone(url, cookie);
	return meeting.split('/').pop() ?? '';
}

/**
 * Wait until the agenda's dispatch to the municipalities (made by publishing it) has been handed to the
 * mail server: its deliveries and their ledger events are writes, and measuring while they run would
 * measure the read cache being emptied by them, not the pages. The newest dispatch on the secretariat's
 * dashboard is the benchmark meeting's.
 */
async function dispatchDone(url: string, cookie: string) {
	const dashboard = await (await fetch(`${url}/dispatch`, { headers: { cookie } })).text();
	const id = dashboard.match(/href="\/dispatch\/([0-9a-f-]{36})"/)?.[1];
	if (!id) throw new Error('the benchmark meeting made no dispatch');
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		const page = await (await fetch(`${url}/dispatch/${id}`, { headers: { cookie } })).text();
		if (!page.includes('mails worden afgeleverd') && page.includes('Verstuurd')) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error("the benchmark meeting's dispatch was not handed over in 3 minutes");
}

/**
 * Wait until the worker has read the text of the 40 uploads (each in its own limited child process):
 * measuring while it does would measure the extraction's CPU and its writes emptying the read cache,
 * not the pages. The documents page says "tekst wordt nog gelezen" for each file still pending.
 */
async function extractionDone(url: string, meeting: string, cookie: string) {
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		const page = await (await fetch(`${url}${meeting}/documents`, { headers: { cookie } })).text();
		if (!page.includes('tekst wordt nog gelezen')) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error('text extraction of the benchmark meeting did not finish in 3 minutes');
}

/** Wall time of generating the agenda PDF, one request at a time. */
async function timePdf(url: string, meetingId: string, cookie: string): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < 30; i++) {
		const start = performance.now();
		const response = await fetch(`${url}/meetings/${meetingId}/agenda.pdf`, { headers: { cookie } });
		await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`agenda.pdf: ${response.status}`);
		times.push(performance.now() - start);
	}
	return times;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

async function benchDatabase(label: string, env: Record<string, string>, lines: string[]) {
	const first = await startServer(env);
	const cookie = await signInOverHttp(first.url);
	const municipalities = await (await fetch(`${first.url}/municipalities`, { headers: { cookie } })).text();
	const kortrijk = municipalities.match(/href="\/organisations\/([0-9a-f-]{36})">Kortrijk</)?.[1];
	if (!kortrijk) throw new Error('Kortrijk not found');
	// The registry's largest demo structure (all 13 municipalities in both sources): its page should cost no more than the meeting's.
	const registry = await (await fetch(`${first.url}/registry?q=Leiedal`, { headers: { cookie } })).text();
	const leiedal = registry.match(/href="\/registry\/([0-9a-f-]{36})">Intercommunale Leiedal</)?.[1];
	if (!leiedal) throw new Error('Leiedal not found in the registry');
	await new Promise((resolve) => setTimeout(resolve, 3000));
	const idleFirst = rssMb(first.child.pid as number);
	await first.stop();
	// Three years of the information flow (13 municipalities, an agenda and minutes a month), for the dashboard.
	const dashboardYear = new Date().getUTCFullYear();
	const history = env.DATABASE_URL ? openPostgres(env.DATABASE_URL, 2) : await openEmbedded(env.DATA_DIR);
	const versions = await seedDispatchHistory(history.db, dashboardYear, 3);
	await settleDispatchHistory(history.db);
	// A dossier with 200 timeline entries over ten years (linked agenda items and entries of its own).
	const benchDossier = await seedBenchDossier(history.db);
	await history.close();

	const server = await startServer(env);
	const restartMs = server.startMs;
	await new Promise((resolve) => setTimeout(resolve, 3000));
	const idle = rssMb(server.child.pid as number);
	const session = await signInOverHttp(server.url);

	const meetingId = await prepareMeeting(server.url);
	const pdfMs = await timePdf(server.url, meetingId, session);
	const pages = [
		{ name: 'home', real: '/', memory: '/bench-reference/home' },
		{ name: 'municipality (Kortrijk)', real: `/organisations/${kortrijk}`, memory: `/bench-reference/organisation/${kortrijk}` },
		{ name: 'meeting (20 items, 40 documents)', real: `/meetings/${meetingId}`, memory: `/bench-reference/meeting/${meetingId}` },
		{ name: 'registry structure (Leiedal, 26 memberships)', real: `/registry/${leiedal}`, memory: `/bench-reference/registry/${leiedal}` },
		{
			name: `dossier (${benchDossier.items + benchDossier.entries} timeline entries over ten years)`,
			real: `/dossiers/${benchDossier.id}`,
			memory: `/bench-reference/dossier/${benchDossier.id}`,
		},
	];
	const only = process.env.BENCH_ONLY;
	if (only) pages.splice(0, pages.length, ...pages.filter((p) => p.name.includes(only)));
	lines.push(`\n### ${label}\n`);
	lines.push(
		`- first start on a fresh database (migrate + seed) to first 200: **${first.startMs} ms**; restart on existing data: **${restartMs} ms**`,
	);
	lines.push(`- resident memory when idle: **${idle} MB** after a restart (${idleFirst} MB after the first start)`);
	lines.push(
		`- agenda PDF of the 20-item meeting, as a member, one at a time (${pdfMs.length} requests): p50 **${fmt(percentile(pdfMs, 0.5), 0)} ms**, max **${fmt(Math.max(...pdfMs), 0)} ms**\n`,
	);
	lines.push('| page | variant | conns | req/s | p50 ms | p99 ms | server CPU ms/req | ratio to in-memory |');
	lines.push('|---|---|---:|---:|---:|---:|---:|---:|');
	for (const page of pages) {
		for (const connections of [1, 32]) {
			const real = await measure(server, page.real, session, connections);
			const memory = await measure(server, page.memory, session, connections);
			const bytes = await measure(server, `/bench-reference/bytes?path=${encodeURIComponent(page.real)}`, session, connections);
			const rows: [string, Measure][] = [
				['database', real],
				['in-memory render', memory],
				['same bytes', bytes],
			];
			for (const [variant, m] of rows) {
				const ratio =
					variant === 'database' ? fmt(real.rps / memory.rps, 2) : variant === 'same bytes' ? fmt(bytes.rps / memory.rps, 2) : '1.00';
				lines.push(
					`| ${page.name} | ${variant} | ${connections} | ${fmt(m.rps, 0)} | ${fmt(m.p50)} | ${fmt(m.p99)} | ${fmt(m.cpuMs, 2)} | ${ratio}${m.errors ? ` (${m.errors} errors)` : ''} |`,
				);
			}
			console.log(
				`${label} ${page.name} @${connections}: ${fmt(real.rps, 0)} req/s vs in-memory ${fmt(memory.rps, 0)} (ratio ${fmt(real.rps / memory.rps, 2)}), p99 ${fmt(real.p99)} ms`,
			);
		}
	}
	// The secretariat's dashboard (a year's matrix with three years of history in the database) against the
	// meeting page, as the server's CPU per request in this run (the issue's bound: no more than the meeting page).
	const secretariat = await signInOverHttp(server.url, 'secretariaat@leiedal.demo');
	const meetingPage = await measure(server, `/meetings/${meetingId}`, session, 1);
	const dashboard = await measure(server, `/dispatch?year=${dashboardYear}`, secretariat, 1);
	lines.push(
		`\n- dispatch dashboard (${versions} versions over 3 years × 13 municipalities, the ${dashboardYear} matrix), 1 connection: **${fmt(dashboard.rps, 0)} req/s**, p99 ${fmt(dashboard.p99)} ms, server CPU **${fmt(dashboard.cpuMs, 2)} ms/req** against the meeting page's ${fmt(meetingPage.cpuMs, 2)} ms/req (ratio **${fmt(dashboard.cpuMs / meetingPage.cpuMs, 2)}**)${dashboard.errors ? ` (${dashboard.errors} errors)` : ''}`,
	);
	console.log(`${label} dispatch dashboard: ${fmt(dashboard.cpuMs, 2)} ms/req vs meeting ${fmt(meetingPage.cpuMs, 2)} ms/req`);
	await server.stop();
}

/**
 * The registry's web as a picture (src/lib/server/registry/web-svg.ts), uncached, in this process: layout
 * and SVG of 150 structures, 13 municipalities and about 2,000 memberships (target: under 200 ms). The
 * first call includes compiling the code; the page's cache keeps the result for the same content after.
 */
function benchWebPicture(lines: string[]) {
	// Wall time and this process's CPU time: on a shared machine the CPU time says what the work costs.
	const time = (input: WebInput) => {
		const start = performance.now();
		const cpu = process.cpuUsage();
		renderWebSvg(input);
		const used = process.cpuUsage(cpu);
		return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
	};
	const bipartite = largeWeb('bipartite');
	const first = time(bipartite);
	const runs = Array.from({ length: 10 }, () => time(bipartite));
	const municipalities = Array.from({ length: 10 }, () => time(largeWeb('municipalities')));
	const wall = runs.map((r) => r.wall);
	const cpu = runs.map((r) => r.cpu);
	const count = (kind: string) => bipartite.nodes.filter((n) => n.kind === kind).length;
	lines.push(`\n### The registry's web as a picture (in process, uncached)\n`);
	lines.push(
		`- layout + SVG of ${count('structure')} structures, ${count('municipality')} municipalities, ${count('partner')} partners and ${bipartite.edges.length} memberships, municipalities ↔ structures: first call **${fmt(first.wall, 0)} ms** (CPU ${fmt(first.cpu, 0)} ms), then p50 **${fmt(percentile(wall, 0.5), 0)} ms** (CPU ${fmt(percentile(cpu, 0.5), 0)} ms), max **${fmt(Math.max(...wall), 0)} ms** (${runs.length} calls); municipality ↔ municipality: p50 **${fmt(
			percentile(
				municipalities.map((r) => r.wall),
				0.5,
			),
			0,
		)} ms**; load average ${os.loadavg()[0].toFixed(1)} at the end`,
	);
	console.log(
		`web picture: first ${fmt(first.wall, 0)} ms, p50 ${fmt(percentile(wall, 0.5), 0)} ms (CPU ${fmt(percentile(cpu, 0.5), 0)} ms), max ${fmt(Math.max(...wall), 0)} ms`,
	);
}

async function main() {
	const databases = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
	// BENCH_ONLY=session measures only the session's invitation, in this process, on each database named;
	// BENCH_ONLY=search only search (scripts/bench-search.ts; BENCH_SEARCH_ROWS sets its size).
	const sessionsOnly = process.env.BENCH_ONLY === 'session';
	const searchOnly = process.env.BENCH_ONLY === 'search';
	// BENCH_DATABASES=none measures only what runs in this process (no build, no server).
	if (!sessionsOnly && !searchOnly && (databases.includes('pglite') || databases.includes('postgres'))) buildIfNeeded('bench');
	const lines: string[] = [];
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	lines.push(`## Run of ${new Date().toISOString()}`);
	lines.push(
		`\nMachine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}. Load generator (autocannon) on the same machine; ${SECONDS} s per measurement after ${WARM_UP_SECONDS} s warm-up; the server runs as \`npm start\` runs it (scripts/start.js).`,
	);

	if (sessionsOnly) {
		for (const kind of ['pglite', 'postgres'] as BenchDatabase[]) if (databases.includes(kind)) await benchSessions(kind, lines);
		return finish(lines);
	}
	if (searchOnly) {
		for (const kind of ['pglite', 'postgres'] as BenchDatabase[]) if (databases.includes(kind)) await benchSearch(kind, lines);
		return finish(lines);
	}
	benchWebPicture(lines);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-bench-'));
	try {
		if (databases.includes('pglite')) await benchDatabase('Embedded (PGlite)', { DATA_DIR: dataDir, DATABASE_URL: '' }, lines);
	} finally {
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
	if (databases.includes('pglite')) {
		await benchSessions('pglite', lines);
		await benchSearch('pglite', lines);
	}
	if (!databases.includes('postgres')) return finish(lines);

	const pgServer = await startPostgres();
	const pgData = fs.mkdtempSync(path.join(os.tmpdir(), 'aanjager-bench-pg-'));
	try {
		await benchDatabase('PostgreSQL 15', { DATABASE_URL: pgServer.url(), DATA_DIR: pgData, SEED_DEMO: 'always' }, lines);
	} finally {
		pgServer.stop();
		fs.rmSync(pgData, { recursive: true, force: true });
	}
	await benchDispatch(lines);
	await benchSessions('postgres', lines);
	await benchSearch('postgres', lines);

	finish(lines);
}

function finish(lines: string[]) {
	const out = path.join('.bench', 'latest.md');
	fs.mkdirSync('.bench', { recursive: true });
	fs.writeFileSync(out, `${lines.join('\n')}\n`);
	console.log(`\n${lines.join('\n')}\n\nWritten to ${out}; copy the figures into docs/benchmarks.md.`);
}

await main();
