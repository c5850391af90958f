// The whole schema, put together from each feature's tables for the Drizzle client (relational queries).
// drizzle-kit reads the feature files themselves (drizzle.config.ts). Every row that belongs to a region
// carries `region_id` (tenancy, see docs/decisions).
import * as auth from '../auth/auth.tables.ts';
import * as directory from '../directory/directory.tables.ts';
import * as dispatch from '../dispatch/dispatch.tables.ts';
import * as dossiers from '../dossiers/dossiers.tables.ts';
import * as files from '../files/files.tables.ts';
import * as intake from '../intake/intake.tables.ts';
import * as meetings from '../meetings/meetings.tables.ts';
import * as notifications from '../notifications/notifications.tables.ts';
import * as platform from '../platform/platform.tables.ts';
import * as polls from '../polls/polls.tables.ts';
import * as registry from '../registry/registry.tables.ts';
import * as search from '../search/search.tables.ts';
import * as sessions from '../sessions/sessions.tables.ts';

/** Every table, by name. */
export const schema = {
	...directory,
	...auth,
	...platform,
	...files,
	...meetings,
	...intake,
	...dispatch,
	...notifications,
	...registry,
	...dossiers,
	...sessions,
	...polls,
	...search,
};
