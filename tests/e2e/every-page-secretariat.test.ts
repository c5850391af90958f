// Every page the secretariat and a mayor reach, on a desktop and on a 390 px phone: 200, no axe violation, fits (tests/e2e/walk.ts).
import { walkEveryPage } from './walk.ts';

walkEveryPage(['secretariaat@leiedal.demo', 'burgemeester@kortrijk.demo']);
