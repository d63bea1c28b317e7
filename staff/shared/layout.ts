/** Puts a page's view in the shared layout: navigation for who is signed in, language, direction and the CSP nonce. */
import type { StaffPrincipal } from '../accounts';
import { mayUse } from '../roles';
import { directionOf, staffTranslator, type PageLocale, type StaffTranslate } from './i18n';
import { render } from './render';

/** What every page needs besides its own data; the adapter in bot/ fills it in per request. */
export interface PageContext {
  principal?: StaffPrincipal;
  csrf?: string;
  cspNonce: string;
  threshold: number;
  locale: PageLocale;
  /** The path of a page that can be read in another language, for the language link. */
  languagePath?: string;
}

function navFor(t: StaffTranslate, principal: StaffPrincipal | undefined, active: string) {
  if (!principal) return [{ href: '/you-said-we-did', text: t('nav.public'), active: active === 'public' }];
  const items = [{ href: '/cicc', text: t('nav.results'), active: active === 'cicc' }];
  if (mayUse(principal.role, 'staff'))
    items.push(
      { href: '/staff', text: t('nav.surveys'), active: active === 'staff' },
      { href: '/staff/actions', text: t('nav.actions'), active: active === 'actions' },
      { href: '/staff/content', text: t('nav.content'), active: active === 'content' },
    );
  if (mayUse(principal.role, 'admin'))
    items.push({ href: '/staff/accounts', text: t('nav.accounts'), active: active === 'accounts' });
  return items;
}

/**
 * Renders a view in the shared layout; views print their words with `t('signIn.title')`.
 * @example renderPage('audit.njk', ctx, 'staff', { entries })
 */
export function renderPage(view: string, ctx: PageContext, active: string, data: Record<string, unknown>): string {
  const t = staffTranslator(ctx.locale);
  const other = ctx.locale === 'ar' ? 'en' : 'ar';
  const html = render(view, {
    ...data,
    t,
    principal: ctx.principal,
    // The sign-in form has no session yet: its CSRF token comes with the page's own data.
    csrf: ctx.csrf ?? data.csrf,
    cspNonce: ctx.cspNonce,
    threshold: ctx.threshold,
    htmlLang: ctx.locale,
    nav: navFor(t, ctx.principal, active),
    home: ctx.principal ? '/cicc' : '/you-said-we-did',
    languageLink: ctx.languagePath
      ? { href: `${ctx.languagePath}?lang=${other}`, text: t('layout.otherLanguage'), lang: other }
      : undefined,
  });
  // GOV.UK's template sets lang on <html> but has no slot for dir, which Arabic needs there for the whole page.
  const dir = directionOf(ctx.locale);
  return dir === 'rtl' ? html.replace(/<html lang="([^"]+)"/, '<html lang="$1" dir="rtl"') : html;
}
