// Every page a general director, an alderman and a councillor reach, on a desktop and on a 390 px phone: 200, no axe violation, fits (tests/e2e/walk.ts).
import { walkEveryPage } from './walk.ts';

walkEveryPage(['directeur@kortrijk.demo', 'schepen@kortrijk.demo', 'raadslid@kortrijk.demo']);
