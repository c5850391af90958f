import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'postgresql',
	// Each feature keeps its tables in <feature>.tables.ts; drizzle-kit reads them all.
	schema: './src/lib/server/**/*.tables.ts',
	out: './drizzle',
});
