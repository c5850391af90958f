import { configDefaults, defineConfig } from 'vitest/config';

// Four projects: pure unit tests; service tests on PGlite and, the same files, on PostgreSQL 15;
// end-to-end tests in Chromium against the built server. The first three load the modules once per worker
// (isolate: false): loading the server's modules for each file was half of their time, and no test file
// stubs a module or changes what another reads (docs/decisions/0033-shared-test-modules.md).
export default defineConfig({
	test: {
		// Two files at a time (Vitest would take one on two cores): the end-to-end files wait on a browser and
		// a server most of their time. Each end-to-end worker has a server of its own (tests/support/global-e2e.ts).
		maxWorkers: 2,
		reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
		projects: [
			{
				test: {
					name: 'unit',
					include: ['src/lib/domain/**/*.test.ts', 'src/lib/i18n/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					isolate: false,
					testTimeout: 30_000,
				},
			},
			{
				test: {
					name: 'pglite',
					include: ['src/lib/server/**/*.test.ts'],
					// What holds on one database only is in its own file, run by that project alone (never skipped).
					exclude: [...configDefaults.exclude, 'src/**/*.postgres.test.ts'],
					globalSetup: ['tests/support/global-pglite.ts'],
					isolate: false,
					env: { TEST_DB: 'pglite' },
					testTimeout: 30_000,
					hookTimeout: 60_000,
				},
			},
			{
				test: {
					name: 'postgres',
					include: ['src/lib/server/**/*.test.ts'],
					exclude: [...configDefaults.exclude, 'src/**/*.pglite.test.ts'],
					globalSetup: ['tests/support/global-postgres.ts'],
					isolate: false,
					env: { TEST_DB: 'postgres' },
					testTimeout: 30_000,
					hookTimeout: 60_000,
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/support/global-e2e.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
				},
			},
		],
	},
});
