/** The workers' "you said, we did" board: every action with its stage, status and owner; add and change them. */
import { ACTION_STAGES, ACTION_STATUSES, ActionNotFoundError, OWNER_ROLES } from '../../surveys/actions';
import type { SurveyServices } from '../../surveys/index';
import { THEMES } from '../../surveys/schema';
import type { AuditLog } from '../audit';
import { HttpError } from '../shared/httpError';
import { staffTranslator } from '../shared/i18n';
import { ownerLabel, stageLabel, statusLabel, themeLabel } from '../shared/labels';
import { json, page, redirect, signedIn, type StaffRequest, type StaffResult } from '../shared/route';
import { readActionChange, readActionForm, type ActionFormValues } from './actionsSchema';

export interface ActionsDeps {
  surveys: Pick<SurveyServices, 'catalogue' | 'board'>;
  staff: { audit: Pick<AuditLog, 'record'> };
}

/**
 * @example const actions = createActionsController({ surveys, staff }); await actions.list(req)
 */
export function createActionsController(deps: ActionsDeps) {
  const t = staffTranslator('en-GB');

  async function board(form: Partial<ActionFormValues> = {}, fieldErrors: Record<string, string> = {}) {
    const records = await deps.surveys.catalogue.list();
    const titles = new Map(records.map((record) => [record._id, record.definition.title['en-GB']]));
    const actions = (await deps.surveys.board.all()).map((action) => ({
      ...action,
      themeLabel: themeLabel(t, action.theme),
      surveyTitle: titles.get(action.surveyId) ?? action.surveyId,
      statusLabel: statusLabel(t, action.status),
      stageLabel: stageLabel(t, action.stage),
      ownerLabel: ownerLabel(t, action.ownerRole),
    }));
    return page(
      'actions.njk',
      'actions',
      {
        title: t('actions.title'),
        actions,
        form,
        fieldErrors,
        errors: Object.entries(fieldErrors).map(([id, text]) => ({ text, href: `#${id}` })),
        statuses: ACTION_STATUSES.map((value) => ({ value, text: statusLabel(t, value) })),
        stages: ACTION_STAGES.map((value) => ({
          value,
          text: stageLabel(t, value),
          selected: value === (form.stage || 'change'),
        })),
        statusItems: ACTION_STATUSES.map((value) => ({
          value,
          text: statusLabel(t, value),
          checked: value === form.status,
        })),
        surveyItems: records.map((record) => ({
          value: record._id,
          text: record.definition.title['en-GB'],
          selected: record._id === form.surveyId,
        })),
        // "About you" holds age and care status: nothing to act on.
        themeItems: THEMES.filter((theme) => theme !== 'about you').map((theme) => ({
          value: theme,
          text: themeLabel(t, theme),
          selected: theme === form.theme,
        })),
        ownerItems: OWNER_ROLES.map((value) => ({
          value,
          text: ownerLabel(t, value),
          selected: value === form.ownerRole,
        })),
      },
      Object.keys(fieldErrors).length ? 400 : 200,
    );
  }

  return {
    list: async (): Promise<StaffResult> => board(),

    async add(req: StaffRequest): Promise<StaffResult> {
      const read = readActionForm(req.body);
      const known = read.action && (await deps.surveys.catalogue.get(read.action.surveyId));
      if (!read.action || !known) {
        const wrong = read.action ? ['surveyId'] : read.wrong;
        return board(read.form, Object.fromEntries(wrong.map((name) => [name, t(`actions.fieldErrors.${name}`)])));
      }
      const action = await deps.surveys.board.add(read.action);
      await deps.staff.audit.record(
        signedIn(req).principal,
        'action.add',
        action._id,
        action.published ? 'published' : 'draft',
      );
      return req.wantsHtml ? redirect('/staff/actions') : json({ id: action._id, published: action.published });
    },

    async change(req: StaffRequest): Promise<StaffResult> {
      const change = readActionChange(req.body);
      if (!change.success) throw new HttpError(400, 'errors.actionChange');
      const id = req.params.actionId ?? '';
      try {
        await deps.surveys.board.update(id, change.data);
      } catch (error) {
        if (error instanceof ActionNotFoundError) throw new HttpError(404, 'errors.actionNotFound');
        throw error;
      }
      const detail = `${change.data.status ?? ''} ${change.data.publish ? 'published' : 'draft'}`.trim();
      await deps.staff.audit.record(signedIn(req).principal, 'action.update', id, detail);
      return redirect('/staff/actions');
    },
  };
}
