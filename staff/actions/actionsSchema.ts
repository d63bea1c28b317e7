/** The "you said, we did" forms: a new action (checked by the board's own schema) and a change to one. */
import { z } from 'zod';
import { ActionChange, NewAction } from '../../surveys/actions';
import { field } from '../shared/route';

/** The new-action form's fields, as typed (shown again when something is wrong). */
export const ACTION_FIELDS = ['surveyId', 'theme', 'said', 'did', 'status', 'stage', 'ownerRole', 'dueOn'] as const;
export type ActionFormValues = Record<(typeof ACTION_FIELDS)[number], string>;

/** A ticked "publish" box, whether the form sent it once or alongside a hidden field. */
const ticked = (value: unknown) => value === 'yes' || (Array.isArray(value) && value.includes('yes'));

/**
 * Reads the new-action form: the values as typed, and either the action or the fields that are wrong.
 * @example readActionForm({ surveyId: 'wellbeing-check-in', theme: 'money', said: '…', did: '…', status: 'done' })
 */
export function readActionForm(body: Record<string, unknown>): {
  form: ActionFormValues;
  action?: z.output<typeof NewAction>;
  wrong: string[];
} {
  const form = Object.fromEntries(ACTION_FIELDS.map((name) => [name, field(body, name)])) as ActionFormValues;
  const parsed = NewAction.safeParse({
    ...form,
    dueOn: form.dueOn || undefined,
    stage: form.stage || undefined,
    ownerRole: form.ownerRole || undefined,
    publish: ticked(body.publish),
  });
  if (parsed.success) return { form, action: parsed.data, wrong: [] };
  return { form, wrong: [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))] };
}

/**
 * Reads the change form beside each action; an empty select means "leave as it is".
 * @example readActionChange({ status: 'done', publish: 'yes' }).data // { status: 'done', publish: true }
 */
export function readActionChange(body: Record<string, unknown>) {
  return ActionChange.safeParse({
    status: field(body, 'status') || undefined,
    stage: field(body, 'stage') || undefined,
    publish: body.publish === 'yes',
  });
}
