/** Routes of the public "you said, we did" page. */
import type { ActionBoard } from '../../surveys/actions';
import type { StaffRoute } from '../shared/route';
import { createPublicBoardController } from './publicBoardController';

/** @example publicBoardRoutes({ board: surveys.board }) */
export function publicBoardRoutes(deps: { board: Pick<ActionBoard, 'published'> }): StaffRoute[] {
  const controller = createPublicBoardController(deps);
  return [{ method: 'GET', path: '/you-said-we-did', localised: true, handler: controller.show }];
}
