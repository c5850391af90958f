// The layering rules (docs/decisions/0012-layout.md), checked in `npm run lint` and so in CI.
/** The features: each reaches another only through that feature's service and access modules. */
const FEATURES = '(directory|meetings|intake|auth|dispatch|notifications)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			severity: 'error',
			comment: 'Modules do not import each other in a circle.',
			from: { path: '^src/' },
			to: { circular: true },
		},
		{
			name: 'domain-is-pure',
			severity: 'error',
			comment: 'src/lib/domain holds pure rules: it imports no server code, no routes, no components.',
			from: { path: '^src/lib/domain/' },
			to: { path: '^src/(lib/server|routes|lib/components)/' },
		},
		{
			name: 'i18n-is-pure',
			severity: 'error',
			comment: 'Labels and formats take the locale as an argument and import no server code.',
			from: { path: '^src/lib/i18n/' },
			to: { path: '^src/(lib/server|routes)/' },
		},
		{
			name: 'routes-no-database',
			severity: 'error',
			comment: 'A route parses, loads through queries, authorizes, calls a service and renders: no SQL, no database module.',
			from: { path: '^src/routes/' },
			to: { path: ['^src/lib/server/db/', 'node_modules/drizzle-orm/'] },
		},
		{
			name: 'feature-boundaries',
			severity: 'error',
			comment: 'A feature uses another feature only through its service and access modules (and its pure policy, input schemas and tables).',
			from: { path: `^src/lib/server/${FEATURES}/`, pathNot: '\\.test\\.ts$' },
			to: {
				path: `^src/lib/server/${FEATURES}/`,
				pathNot: ['^src/lib/server/$1/', '\\.(service|access|policy|schema|tables)\\.ts$'],
			},
		},
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: ['^src/lib/paraglide/', '\\.svelte-kit/'] },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.depcruise.json' },
		enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.svelte', '.json'] },
	},
};
