import type { StoredAction } from '../../surveys/actions';
import { asPage, staffRequest } from '../../tests/helpers/staffRequest';
import { renderPage } from '../shared/layout';
import { publicBoardRoutes } from './routes';

const action: StoredAction = {
  _id: 'act_1',
  surveyId: 'care-leavers-you-said-we-did',
  theme: 'money',
  said: 'The setting-up-home allowance runs out too fast.',
  did: 'We made a one-page money guide.',
  status: 'done',
  stage: 'change',
  ownerRole: 'participation',
  published: true,
  publishedAt: new Date('2026-11-02T10:00:00Z'),
  createdAt: new Date('2026-11-01T10:00:00Z'),
  updatedAt: new Date('2026-11-02T10:00:00Z'),
};

describe('the public "you said, we did" page', () => {
  const [route] = publicBoardRoutes({ board: { published: async () => [action] } });
  const render = async (locale: 'en-GB' | 'ar') => {
    const result = asPage(await route.handler(staffRequest({ staff: undefined, locale })));
    const html = renderPage(result.view, { cspNonce: 'n0nce', threshold: 5, locale, languagePath: route.path }, '', {
      ...result.data,
    });
    return { result, html };
  };

  it('is public, can be read in Arabic, and is cached for a minute per language', async () => {
    expect(route).toMatchObject({ method: 'GET', path: '/you-said-we-did', localised: true });
    expect(route.role).toBeUndefined();
    const { result } = await render('en-GB');
    expect(result.headers).toEqual({ 'Cache-Control': 'public, max-age=60', Vary: 'Accept-Language' });
  });

  it('shows published actions in English with a link to the Arabic page', async () => {
    const { html } = await render('en-GB');
    expect(html).toMatch(/<html lang="en-GB" class=/);
    expect(html).toMatch(/<h1 class="govuk-heading-xl">You said, we did<\/h1>/);
    expect(html).toMatch(/Money[\s\S]*Done[\s\S]*one-page money guide[\s\S]*2 November 2026/);
    expect(html).toMatch(/href="\/you-said-we-did\?lang=ar" lang="ar" hreflang="ar">اقرأ هذه الصفحة بالعربية/);
  });

  it('shows the same page in Arabic, right to left, with what staff wrote marked as English', async () => {
    const { html } = await render('ar');
    expect(html).toMatch(/<html lang="ar" dir="rtl" class=/);
    expect(html).toMatch(/<h1 class="govuk-heading-xl">قلتم، فعلنا<\/h1>/);
    expect(html).toMatch(/المال[\s\S]*تم/);
    expect(html).toMatch(
      /<dd class="govuk-summary-list__value" lang="en-GB" dir="auto">We made a one-page money guide/,
    );
    expect(html).toMatch(/2 نوفمبر 2026/);
    expect(html).toMatch(/href="\/you-said-we-did\?lang=en" lang="en" hreflang="en">Read this page in English/);
    expect(html).not.toMatch(/You said, we did<\/h1>/);
  });
});
