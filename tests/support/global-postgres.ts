// Vitest global setup for the PostgreSQL project: one cluster, one migrated and seeded template database.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/lib/server/db/client.ts';
import { seedDemo } from '../../src/lib/server/seed/demo.ts';
import { startPostgres } from './postgres-server.ts';

export default async function setup(project: TestProject) {
	const server = await startPostgres();
	const admin = new pg.Client({ connectionString: server.url() });
	await admin.connect();
	await admin.query('create database aanjager_template');
	await admin.end();
	const template = openPostgres(server.url('aanjager_template'), 2);
	await template.migrate();
	await seedDemo(template.db, undefined, new Date(), { dispatches: false });
	await template.close();
	project.provide('postgresUrl', server.url());
	return () => server.stop();
}

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string;
		pgliteTemplate: string;
	}
}
