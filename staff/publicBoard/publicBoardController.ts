/** The public "you said, we did" page: published actions only, no sign-in, in English or Arabic. */
import type { ActionBoard } from '../../surveys/actions';
import { staffTranslator } from '../shared/i18n';
import { statusLabel, themeLabel } from '../shared/labels';
import { page, type StaffRequest, type StaffResult } from '../shared/route';

const STATUS_CLASSES = { done: 'govuk-tag--green', doing: 'govuk-tag--blue', planned: 'govuk-tag--grey' } as const;

/**
 * @example const board = createPublicBoardController({ board: surveys.board }); await board.show(req)
 */
export function createPublicBoardController(deps: { board: Pick<ActionBoard, 'published'> }) {
  return {
    async show(req: StaffRequest): Promise<StaffResult> {
      const t = staffTranslator(req.locale);
      // Dates in the page's language, with the digits people use in the UK either way.
      const dateLocale = req.locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB';
      const actions = (await deps.board.published({ limit: 100 })).map((action) => ({
        said: action.said,
        did: action.did,
        themeLabel: themeLabel(t, action.theme),
        statusLabel: statusLabel(t, action.status),
        statusClass: STATUS_CLASSES[action.status],
        postedOn: action.publishedAt
          ? action.publishedAt.toLocaleDateString(dateLocale, {
              day: 'numeric',
              month: 'long',
              year: 'numeric',
              timeZone: 'Europe/London',
            })
          : '',
      }));
      return {
        ...page('youSaidWeDid.njk', 'public', { title: t('public.title'), actions }),
        // Shared caches keep one copy per language.
        headers: { 'Cache-Control': 'public, max-age=60', Vary: 'Accept-Language' },
      };
    },
  };
}
