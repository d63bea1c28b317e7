/** Routes of the content pages (workers and admins). */
import type { StaffRoute } from '../shared/route';
import { createContentController, type ContentDeps } from './contentController';

/** @example contentRoutes({ content, staff, clock }) */
export function contentRoutes(deps: ContentDeps): StaffRoute[] {
  const controller = createContentController(deps);
  return [
    { method: 'GET', path: '/staff/content', role: 'staff', handler: controller.list },
    { method: 'POST', path: '/staff/content/undo', role: 'staff', handler: controller.undo },
    { method: 'GET', path: '/staff/content/:kind/:id', role: 'staff', handler: controller.edit },
    { method: 'POST', path: '/staff/content/:kind/:id', role: 'staff', handler: controller.publish },
  ];
}
