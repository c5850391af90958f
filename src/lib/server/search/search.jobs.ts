// The worker's part in search (ADR 0032): drain the queue the triggers fill, every FAST_INTERVAL_MS (a
// change is found within a second of its commit), and queue the roots of rows built by an older analyser,
// a batch at a time, so an upgrade reindexes lazily without holding up the worker.
import { atMostEvery, type Ticker } from '../platform/jobs/worker.ts';
import { drainSearchQueue, queueOutdated } from './search.indexer.ts';

/** Reindex what the queue names (safe in two workers at once: roots are claimed with SKIP LOCKED). */
export const searchIndexer: Ticker = function searchIndexer({ db }) {
	return drainSearchQueue(db);
};

/** Queue rows of an older analyser version (once a minute; what it queues is drained by the indexer). */
export const searchUpgrader: Ticker = atMostEvery(60_000, async function searchUpgrader({ db }) {
	await queueOutdated(db);
	return 0;
});

export const searchTickers: readonly Ticker[] = [searchIndexer, searchUpgrader];
