// The web app's pages (its router in web/src/app.tsx): the server answers these paths with the app's shell, so that
// shared links work, and every other path with 404, so that a probe of /metrics or /healthz is never fooled by HTML.
// A test checks this list against the router.
export const WEB_PAGES = [
  '/',
  '/partners',
  '/partners/:id',
  '/compare',
  '/network',
  '/incidents',
  '/incidents/new',
  '/incidents/:id',
  '/incidents/:id/edit',
  '/incidents/:id/print',
  '/vote',
  '/sanctions',
  '/signin',
  '/account',
  '/accounts',
  '/accounts/:username',
  '/review',
  '/imports',
  '/audit',
] as const;

const patterns = WEB_PAGES.map((p) => new RegExp(`^${p.replace(/:[a-z]+/gi, '[^/]+')}/?$`));

/** Whether a request URL (path and query) is a page of the web app. */
export function isWebPage(url: string): boolean {
  const p = url.split('?')[0] ?? '';
  return patterns.some((re) => re.test(p));
}
