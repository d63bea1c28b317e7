/** The phone survey: a worker reads the questions out and records the answers, with nothing about who answered. */
import type { SurveyServices } from '../../surveys/index';
import type { AuditLog } from '../audit';
import { findSurvey } from '../shared/findSurvey';
import { staffTranslator } from '../shared/i18n';
import { page, signedIn, type StaffRequest, type StaffResult } from '../shared/route';
import { assistedField, phoneConsentPoints } from './assistedFields';
import { readAssistedForm } from './assistedForm';

export interface AssistedDeps {
  surveys: Pick<SurveyServices, 'catalogue' | 'responses'>;
  staff: { audit: Pick<AuditLog, 'record'> };
}

/**
 * @example const assisted = createAssistedController({ surveys, staff }); await assisted.form(req)
 */
export function createAssistedController(deps: AssistedDeps) {
  const t = staffTranslator('en-GB');

  return {
    async form(req: StaffRequest): Promise<StaffResult> {
      const record = await findSurvey(deps.surveys.catalogue, req.params.id);
      return assistedPage(record.definition);
    },

    async save(req: StaffRequest): Promise<StaffResult> {
      const record = await findSurvey(deps.surveys.catalogue, req.params.id);
      const read = readAssistedForm(record.definition, req.body);
      if (!read.ok) {
        const errors = Object.fromEntries(
          Object.entries(read.errors).map(([id, problem]) => [id, t(`assisted.errors.${problem.key}`, problem.values)]),
        );
        return assistedPage(record.definition, req.body, errors);
      }
      const { deletionCode } = await deps.surveys.responses.saveAssisted({
        surveyId: record._id,
        surveyVersion: record.definition.version,
        answers: read.answers,
        ageBand: read.ageBand,
        careStatus: read.careStatus,
      });
      await deps.staff.audit.record(signedIn(req).principal, 'assisted.record', record._id);
      return page(
        'assistedDone.njk',
        'staff',
        {
          title: t('assisted.saved'),
          code: deletionCode,
          surveyId: record._id,
          nextSteps: record.definition.nextSteps['en-GB'],
        },
        201,
      );
    },
  };

  function assistedPage(
    survey: Parameters<typeof phoneConsentPoints>[0],
    form: Record<string, unknown> = {},
    errors: Record<string, string> = {},
  ): StaffResult {
    return page(
      'assisted.njk',
      'staff',
      {
        title: t('assisted.title', { title: survey.title['en-GB'] }),
        survey,
        questions: survey.questions.map((question) => assistedField(t, question, form, errors[question.id])),
        errors: Object.entries(errors).map(([id, text]) => ({ text, href: `#${id}` })),
        consentPoints: phoneConsentPoints(survey),
      },
      Object.keys(errors).length ? 400 : 200,
    );
  }
}
