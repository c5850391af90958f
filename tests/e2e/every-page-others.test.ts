// Every page an external organisation's contact and an anonymous visitor reach, on a desktop and on a 390 px phone: 200, no axe violation, fits (tests/e2e/walk.ts).
import { walkEveryPage } from './walk.ts';

walkEveryPage(['contact@elz.demo', null]);
