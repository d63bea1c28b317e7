/** Routes of signing in and out. */
import type { StaffServices } from '../index';
import type { StaffRoute } from '../shared/route';
import { createSignInController } from './signInController';
import type { SignInLimit } from './signInLimit';

/** @example signInRoutes({ staff, limit: createSignInLimit() }) */
export function signInRoutes(deps: { staff: StaffServices; limit: SignInLimit }): StaffRoute[] {
  const controller = createSignInController(deps);
  return [
    { method: 'GET', path: '/sign-in', handler: controller.show },
    { method: 'POST', path: '/sign-in', handler: controller.submit },
    { method: 'POST', path: '/sign-out', role: 'cicc', handler: controller.signOut },
  ];
}
