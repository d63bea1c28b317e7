/** The survey list (CiCC and workers), opening and closing a survey, and its link, QR code and invitation links. */
import type { SurveyServices } from '../../surveys/index';
import { publishedSurveyCounts } from '../../surveys/results';
import type { AuditLog } from '../audit';
import { findSurvey } from '../shared/findSurvey';
import { HttpError } from '../shared/httpError';
import { staffTranslator } from '../shared/i18n';
import { countText } from '../shared/labels';
import { json, page, redirect, signedIn, type StaffRequest, type StaffResult } from '../shared/route';
import { InviteForm, StatusChange } from './surveysSchema';

export interface SurveysDeps {
  surveys: Pick<SurveyServices, 'catalogue' | 'tallies' | 'invitations'>;
  staff: { audit: Pick<AuditLog, 'record'> };
  threshold: number;
  /** The address young people reach the bot at; links fall back to this server's own address without it. */
  publicUrl?: string;
}

/**
 * @example const surveys = createSurveysController({ surveys, staff, threshold: 5 }); await surveys.list(req, true)
 */
export function createSurveysController(deps: SurveysDeps) {
  const t = staffTranslator('en-GB');

  async function list(workerView: boolean): Promise<StaffResult> {
    const surveys = (await publishedSurveyCounts(deps.surveys.catalogue, deps.surveys.tallies, deps.threshold)).map(
      (survey) => ({
        ...survey,
        statusClass: survey.status === 'open' ? 'govuk-tag--green' : 'govuk-tag--grey',
        responses: countText(t, survey.responses, deps.threshold),
      }),
    );
    return page('surveys.njk', workerView ? 'staff' : 'cicc', {
      title: t(workerView ? 'surveys.workerTitle' : 'surveys.ciccTitle'),
      intro: t(workerView ? 'surveys.workerIntro' : 'surveys.ciccIntro', { threshold: deps.threshold }),
      surveys,
      workerView,
    });
  }

  async function share(req: StaffRequest, codes: string[] = []): Promise<StaffResult> {
    const record = await findSurvey(deps.surveys.catalogue, req.params.id);
    const link = `${deps.publicUrl ?? req.origin}/?survey=${encodeURIComponent(record._id)}`;
    // Loaded on first use (57 modules) so the server starts without it.
    const { default: QRCode } = await import('qrcode');
    const qr = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    const label = t('share.qrLabel', { link: link.replace(/"/g, '') }).replace(/[<>&"]/g, '');
    return page(
      'share.njk',
      'staff',
      {
        title: record.definition.title['en-GB'],
        status: record.status,
        link,
        qr: qr.replace('<svg ', `<svg role="img" aria-label="${label}" `),
        surveyId: record._id,
        inviteOnly: Boolean(record.inviteOnly),
        invitations: await deps.surveys.invitations.counts(record._id),
        inviteLinks: codes.map((code) => `${link}&invite=${code}`),
        localLink: !deps.publicUrl,
      },
      codes.length ? 201 : 200,
    );
  }

  return {
    ciccList: async (): Promise<StaffResult> => list(false),
    workerList: async (): Promise<StaffResult> => list(true),

    async changeStatus(req: StaffRequest): Promise<StaffResult> {
      const change = StatusChange.safeParse(req.params.change);
      if (!change.success) throw new HttpError(404, 'errors.pageNotFound');
      const record = await findSurvey(deps.surveys.catalogue, req.params.id);
      const status = change.data === 'open' ? 'open' : 'closed';
      await deps.surveys.catalogue.setStatus(record._id, status);
      await deps.staff.audit.record(signedIn(req).principal, `survey.${change.data}`, record._id);
      return req.wantsHtml ? redirect('/staff') : json({ id: record._id, status });
    },

    share: (req: StaffRequest): Promise<StaffResult> => share(req),

    /** Single-use invitation links: shown once, never stored (only their hashes are). */
    async invite(req: StaffRequest): Promise<StaffResult> {
      const record = await findSurvey(deps.surveys.catalogue, req.params.id);
      const form = InviteForm.safeParse(req.body);
      if (!form.success) throw new HttpError(400, 'errors.inviteCount');
      const codes = await deps.surveys.invitations.create(record._id, form.data.count);
      await deps.staff.audit.record(signedIn(req).principal, 'survey.invite', record._id, String(form.data.count));
      return share(req, codes);
    },
  };
}
