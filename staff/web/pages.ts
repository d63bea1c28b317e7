/** Builds the staff, CiCC and public pages (view models + templates). Knows nothing of HTTP: routes in bot/ call these. */
import QRCode from 'qrcode';
import type { ActionBoard, StoredAction } from '../../surveys/actions';
import { ACTION_STAGES, ACTION_STATUSES, OWNER_ROLES } from '../../surveys/actions';
import type { SurveyServices } from '../../surveys/index';
import { buildResults, publishedSurveyCounts, type SurveyResults } from '../../surveys/results';
import { THEMES, type Question, type SurveyDefinition, type Theme } from '../../surveys/schema';
import type { StaffPrincipal } from '../accounts';
import { mayUse } from '../accounts';
import type { AuditEntry } from '../audit';
import { barChartSvg } from './charts';
import { render } from './render';

export const THEME_LABELS: Record<Theme, string> = {
  health: 'Health',
  housing: 'Housing',
  'my PA': 'My PA',
  money: 'Money',
  'education and work': 'Education and work',
  'being heard': 'Being heard',
  wellbeing: 'Wellbeing',
  'about you': 'About you',
};
export const AGE_BANDS = [
  { value: '16_17', text: '16 to 17' },
  { value: '18_20', text: '18 to 20' },
  { value: '21_25', text: '21 to 25' },
];
const STATUS_LABELS: Record<StoredAction['status'], string> = {
  planned: 'Planned',
  doing: 'Happening now',
  done: 'Done',
};
/** Stage names staff see, with what each means, so nobody has to guess what "evidence" is. */
const STAGE_LABELS: Record<StoredAction['stage'], string> = {
  evidence: 'Gathering evidence (reading what young people said)',
  listening: 'Listening (talking it through with young people)',
  planning: 'Planning what to do',
  change: 'Making the change',
};
/** Who owns an action, in words rather than internal role names. */
const OWNER_LABELS: Record<(typeof OWNER_ROLES)[number], string> = {
  participation: 'Participation Service',
  cicc: 'Children in Care Council',
  admin: 'Service manager',
  'leaving care team': 'Leaving Care (16+) Team',
  health: 'Health team',
  housing: 'Housing team',
};

/** What every page needs: who is signed in, their CSRF token, the CSP nonce, the threshold. */
export interface PageContext {
  principal?: StaffPrincipal;
  csrf?: string;
  cspNonce: string;
  threshold: number;
}

function navFor(principal: StaffPrincipal | undefined, active: string) {
  if (!principal) return [{ href: '/you-said-we-did', text: 'You said, we did', active: active === 'public' }];
  const items = [{ href: '/cicc', text: 'Results', active: active === 'cicc' }];
  if (mayUse(principal.role, 'staff'))
    items.push(
      { href: '/staff', text: 'Surveys', active: active === 'staff' },
      { href: '/staff/actions', text: 'You said, we did', active: active === 'actions' },
      { href: '/staff/content', text: 'Content', active: active === 'content' },
    );
  if (mayUse(principal.role, 'admin'))
    items.push({ href: '/staff/accounts', text: 'Staff accounts', active: active === 'accounts' });
  return items;
}

/** Renders a page in the shared layout with the navigation for who is signed in. */
export const page = (view: string, ctx: PageContext, active: string, data: Record<string, unknown>): string =>
  render(view, {
    ...data,
    principal: ctx.principal,
    csrf: ctx.csrf,
    cspNonce: ctx.cspNonce,
    threshold: ctx.threshold,
    nav: navFor(ctx.principal, active),
    home: ctx.principal ? '/cicc' : '/you-said-we-did',
  });

/** The consent points to read out on a call: the survey's phone wording, else its chat wording's "- " lines. */
function phoneConsentPoints(survey: SurveyDefinition): string[] {
  const text = (survey.phoneConsent ?? survey.consent)['en-GB'];
  const points = text
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2).trim());
  return points.length > 0 ? points : [text];
}

const countText = (count: number | null, threshold: number) =>
  count === null ? `fewer than ${threshold}` : String(count);

export class StaffPages {
  constructor(private readonly deps: { surveys: SurveyServices; threshold: number; publicUrl?: string }) {}

  signIn(ctx: PageContext, args: { next: string; error?: string }): string {
    return page('signIn.njk', ctx, 'signin', { title: 'Sign in', next: args.next, error: args.error });
  }

  message(ctx: PageContext, title: string, message: string, link?: { href: string; text: string }): string {
    return page('message.njk', ctx, '', { title, message, link });
  }

  /** The list of surveys: for the CiCC (read-only) or for workers (open, close, share, phone survey). */
  async surveys(ctx: PageContext, workerView: boolean): Promise<string> {
    const surveys = (
      await publishedSurveyCounts(this.deps.surveys.catalogue, this.deps.surveys.tallies, this.deps.threshold)
    ).map((survey) => ({
      ...survey,
      statusClass: survey.status === 'open' ? 'govuk-tag--green' : 'govuk-tag--grey',
      responses: countText(survey.responses, this.deps.threshold),
    }));
    return page('surveys.njk', ctx, workerView ? 'staff' : 'cicc', {
      title: workerView ? 'Surveys' : 'What young people told us',
      intro: workerView
        ? 'Open a survey, share its link or QR code, or run it on a phone call.'
        : 'Pick a survey to see what young people said. Numbers smaller than ' +
          this.deps.threshold +
          ' are hidden so nobody can be picked out.',
      surveys,
      workerView,
    });
  }

  /** Results with the same suppression as the command line. */
  async results(
    survey: SurveyDefinition,
    filters: { theme?: Theme; ageBand?: string; from?: string; to?: string },
  ): Promise<SurveyResults> {
    return buildResults({
      survey,
      tallies: this.deps.surveys.tallies,
      responses: this.deps.surveys.responses,
      threshold: this.deps.threshold,
      filters: {
        ...(filters.ageBand ? { ageBands: [filters.ageBand] } : {}),
        ...(filters.from ? { fromMonth: filters.from } : {}),
        ...(filters.to ? { toMonth: filters.to } : {}),
        ...(filters.theme ? { theme: filters.theme } : {}),
      },
    });
  }

  resultsPage(
    ctx: PageContext,
    args: {
      results: SurveyResults;
      actions: StoredAction[];
      filters: Record<string, string | undefined>;
      errors: Record<string, string>;
      query: string;
      printView: boolean;
      survey?: SurveyDefinition;
    },
  ): string {
    const { results, filters } = args;
    const threshold = results.threshold;
    // Too few answers overall: the page says so once, rather than "fewer than 5" under every question.
    const tooFew = results.responses === null;
    const sections = (tooFew ? [] : results.themes).map((theme) => ({
      label: THEME_LABELS[theme.theme],
      actions: args.actions
        .filter((action) => action.theme === theme.theme)
        .map((action) => ({
          said: action.said,
          did: action.did,
          status: STATUS_LABELS[action.status],
          published: action.published,
        })),
      answeredText:
        theme.answered.count === null
          ? `Fewer than ${threshold} young people answered questions on this theme, or the number is hidden.`
          : `${theme.answered.count} young people answered at least one question on this theme.`,
      questions: results.questions
        .filter((question) => question.theme === theme.theme)
        .map((question) => ({
          id: question.id,
          question: question.question,
          answeredText:
            question.answered.count === null
              ? 'How many answered is hidden, so that a small number cannot be worked out from it.'
              : `${question.answered.count} answered.`,
          chart: question.options?.length
            ? barChartSvg({
                id: `chart-${question.id}`,
                title: question.question,
                options: question.options,
                threshold,
              })
            : undefined,
          options: question.options?.map((option) => ({
            label: option.label,
            text: countText(option.count, threshold),
          })),
          average:
            question.average ?? (question.average === null ? `hidden (it could give away a small number)` : undefined),
          comments: question.comments,
        })),
    }));
    const selected = (items: Array<{ value: string; text: string }>, value?: string) =>
      items.map((item) => ({ ...item, selected: item.value === (value ?? '') }));
    return page('results.njk', ctx, 'cicc', {
      title: results.title,
      results,
      sections,
      filters,
      errors: args.errors,
      filtered: Boolean(filters.theme || filters.ageBand || filters.from || filters.to),
      printView: args.printView,
      // Filters offer only what this survey asks: its themes, and age bands only if it asks an age.
      themeItems: selected(
        [
          { value: '', text: 'All themes' },
          ...THEMES.filter((theme) => !args.survey || args.survey.questions.some((q) => q.theme === theme)).map(
            (theme) => ({ value: theme, text: THEME_LABELS[theme] }),
          ),
        ],
        filters.theme,
      ),
      ageItems:
        !args.survey || args.survey.questions.some((q) => q.profile === 'ageBand')
          ? selected([{ value: '', text: 'All ages' }, ...AGE_BANDS], filters.ageBand)
          : undefined,
      csvHref: `/cicc/surveys/${results.surveyId}/results.csv${args.query ? `?${args.query}` : ''}`,
      printHref: `/cicc/surveys/${results.surveyId}?${args.query ? `${args.query}&` : ''}view=print`,
    });
  }

  async share(
    ctx: PageContext,
    args: {
      surveyId: string;
      title: string;
      status: string;
      origin: string;
      inviteOnly?: boolean;
      invitations?: { created: number; used: number };
      codes?: string[];
    },
  ): Promise<string> {
    const link = `${this.deps.publicUrl ?? args.origin}/?survey=${encodeURIComponent(args.surveyId)}`;
    const qr = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    const labelled = qr.replace('<svg ', `<svg role="img" aria-label="QR code for ${link.replace(/"/g, '')}" `);
    const inviteLinks = (args.codes ?? []).map((code) => `${link}&invite=${code}`);
    return page('share.njk', ctx, 'staff', {
      title: args.title,
      status: args.status,
      link,
      qr: labelled,
      surveyId: args.surveyId,
      inviteOnly: args.inviteOnly,
      invitations: args.invitations,
      inviteLinks,
      localLink: !this.deps.publicUrl,
    });
  }

  assisted(
    ctx: PageContext,
    survey: SurveyDefinition,
    form: Record<string, unknown> = {},
    errors: Record<string, string> = {},
  ): string {
    const questions = survey.questions.map((question) => assistedField(question, form, errors[question.id]));
    const errorList = Object.entries(errors).map(([id, text]) => ({ text, href: `#${id}` }));
    return page('assisted.njk', ctx, 'staff', {
      title: `Phone survey: ${survey.title['en-GB']}`,
      survey,
      questions,
      errors: errorList,
      consentPoints: phoneConsentPoints(survey),
    });
  }

  assistedDone(ctx: PageContext, survey: SurveyDefinition, code: string): string {
    return page('assistedDone.njk', ctx, 'staff', {
      title: 'Answers saved',
      code,
      surveyId: survey.id,
      nextSteps: survey.nextSteps['en-GB'],
    });
  }

  async actions(
    ctx: PageContext,
    args: { form?: Record<string, string>; fieldErrors?: Record<string, string> } = {},
  ): Promise<string> {
    const records = await this.deps.surveys.catalogue.list();
    const titles = new Map(records.map((record) => [record._id, record.definition.title['en-GB']]));
    const actions = (await this.deps.surveys.board.all()).map((action) => ({
      ...action,
      themeLabel: THEME_LABELS[action.theme],
      surveyTitle: titles.get(action.surveyId) ?? action.surveyId,
      statusLabel: STATUS_LABELS[action.status],
      stageLabel: STAGE_LABELS[action.stage],
      ownerLabel: OWNER_LABELS[action.ownerRole],
    }));
    const form = args.form ?? {};
    const fieldErrors = args.fieldErrors ?? {};
    return page('actions.njk', ctx, 'actions', {
      title: 'You said, we did',
      actions,
      form,
      fieldErrors,
      errors: Object.entries(fieldErrors).map(([id, text]) => ({ text, href: `#${id}` })),
      statuses: ACTION_STATUSES.map((value) => ({ value, text: STATUS_LABELS[value] })),
      stages: ACTION_STAGES.map((value) => ({
        value,
        text: STAGE_LABELS[value],
        selected: value === (form.stage ?? 'change'),
      })),
      statusItems: ACTION_STATUSES.map((value) => ({
        value,
        text: STATUS_LABELS[value],
        checked: value === form.status,
      })),
      surveyItems: records.map((record) => ({
        value: record._id,
        text: record.definition.title['en-GB'],
        selected: record._id === form.surveyId,
      })),
      themeItems: THEMES.filter((theme) => theme !== 'about you').map((theme) => ({
        value: theme,
        text: THEME_LABELS[theme],
        selected: theme === form.theme,
      })),
      ownerItems: OWNER_ROLES.map((value) => ({
        value,
        text: OWNER_LABELS[value],
        selected: value === form.ownerRole,
      })),
    });
  }

  audit(ctx: PageContext, entries: AuditEntry[]): string {
    return page('audit.njk', ctx, 'staff', {
      title: 'Audit log',
      entries: entries.map((entry) => ({ ...entry, when: entry.at.toISOString().replace('T', ' ').slice(0, 16) })),
    });
  }

  async youSaidWeDid(ctx: PageContext, board: ActionBoard): Promise<string> {
    const actions = (await board.published({ limit: 100 })).map((action) => ({
      ...action,
      themeLabel: THEME_LABELS[action.theme],
      statusLabel: STATUS_LABELS[action.status],
      statusClass:
        action.status === 'done'
          ? 'govuk-tag--green'
          : action.status === 'doing'
            ? 'govuk-tag--blue'
            : 'govuk-tag--grey',
      postedOn: action.publishedAt
        ? action.publishedAt.toLocaleDateString('en-GB', {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            timeZone: 'Europe/London',
          })
        : '',
    }));
    return page('youSaidWeDid.njk', ctx, 'public', { title: 'You said, we did', actions });
  }
}

/** One question as a form field for a worker: read-aloud wording, and a "skipped" choice on every question. */
function assistedField(question: Question, form: Record<string, unknown>, error?: string) {
  const legend = (question.readAloud ?? question.text)['en-GB'];
  const name = question.id;
  const value = form[name];
  const skipped = { value: '__skipped', text: 'Skipped or prefer not to say', checked: value === '__skipped' };
  const choice = (id: string, text: string) => ({
    value: id,
    text,
    checked: Array.isArray(value) ? value.includes(id) : value === id,
  });
  switch (question.type) {
    case 'yesNo':
      return {
        kind: 'radios',
        name,
        legend,
        error,
        items: [choice('yes', 'Yes'), choice('no', 'No'), { divider: 'or' }, skipped],
      };
    case 'singleChoice':
      return {
        kind: 'radios',
        name,
        legend,
        error,
        items: [
          ...question.choices.map((option) => choice(option.id, option.label['en-GB'])),
          { divider: 'or' },
          skipped,
        ],
      };
    case 'scale': {
      const points = Array.from({ length: question.max - question.min + 1 }, (_, index) => question.min + index);
      return {
        kind: 'radios',
        name,
        legend,
        error,
        hint: `${question.min} = ${question.minLabel['en-GB']}, ${question.max} = ${question.maxLabel['en-GB']}`,
        items: [
          ...points.map((point, index) =>
            choice(String(point), question.pointLabels?.[index]?.['en-GB'] ?? String(point)),
          ),
          { divider: 'or' },
          skipped,
        ],
      };
    }
    case 'multipleChoice':
      return {
        kind: 'checkboxes',
        name,
        legend,
        error,
        hint: 'Tick all they say.',
        items: [
          ...question.choices.map((option) => choice(option.id, option.label['en-GB'])),
          { divider: 'or' },
          { ...skipped, behaviour: 'exclusive' },
        ],
      };
    case 'number':
      return {
        kind: 'number',
        name,
        legend,
        error,
        hint: `A whole number from ${question.min} to ${question.max}. Leave blank if skipped.`,
        value: typeof value === 'string' ? value : '',
      };
    case 'freeText':
      return {
        kind: 'text',
        name,
        legend,
        error,
        hint: `Up to ${question.maxLength} characters. No names or contact details. Leave blank if skipped.`,
        value: typeof value === 'string' ? value : '',
      };
  }
}
