/** The one list of staff pages: a new page is a folder with a routes.ts, added here. */
import type { ContentLibrary } from '../content/contentLibrary';
import type { SurveyServices } from '../surveys/index';
import { actionsRoutes } from './actions/routes';
import { assistedRoutes } from './assisted/routes';
import { auditRoutes } from './auditLog/routes';
import { contentRoutes } from './content/routes';
import type { StaffServices } from './index';
import { publicBoardRoutes } from './publicBoard/routes';
import { resultsRoutes } from './results/routes';
import type { StaffRoute } from './shared/route';
import type { SignInLimit } from './signIn/signInLimit';
import { signInRoutes } from './signIn/routes';
import { staffAccountsRoutes } from './staffAccounts/routes';
import { surveysRoutes } from './surveys/routes';

/** The services the staff pages are built from; each page takes only the part it uses. */
export interface StaffPagesDeps {
  surveys: SurveyServices;
  staff: StaffServices;
  /** The published content staff edit at /staff/content; without it that page is not offered. */
  content?: ContentLibrary;
  clock: () => Date;
  threshold: number;
  publicUrl?: string;
  signInLimit: SignInLimit;
}

/**
 * Every staff, CiCC and public page's routes, framework-free; bot/staffHttp mounts them on the server.
 * @example staffRoutes({ surveys, staff, clock, threshold: 5, signInLimit }).map((route) => route.path)
 */
export function staffRoutes(deps: StaffPagesDeps): StaffRoute[] {
  const { surveys, staff, threshold } = deps;
  return [
    ...signInRoutes({ staff, limit: deps.signInLimit }),
    ...surveysRoutes({ surveys, staff, threshold, publicUrl: deps.publicUrl }),
    ...resultsRoutes({ surveys, staff, threshold }),
    ...assistedRoutes({ surveys, staff }),
    ...actionsRoutes({ surveys, staff }),
    ...auditRoutes({ staff }),
    ...staffAccountsRoutes({ staff }),
    ...(deps.content ? contentRoutes({ content: deps.content, staff, clock: deps.clock }) : []),
    ...publicBoardRoutes({ board: surveys.board }),
  ];
}
