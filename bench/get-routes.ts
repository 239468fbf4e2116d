// Every GET route the server registers, with the parameters reads.ts --all times it with: one request per path of the
// OpenAPI document (and /metrics, which it leaves out), a few paths twice (another format or date). A {name} is filled
// in at run time from the server's own answers (an incident of the registry, a change, an account); a route whose
// value the database does not have is left out with that reason printed.

/** The routes, health first; the {incident}, {change} and {user} are filled in by fillRoutes. */
export const EVERY_GET_ROUTE = [
  '/api/health',
  '/api/ready',
  '/metrics',
  '/api/openapi.json',
  '/api/reference',
  '/api/auth/me',
  '/api/partners',
  '/api/partners/US',
  '/api/partners/JP?asOf=2014-06-30',
  '/api/partners/US/changes?since=2020-01-01',
  '/api/dialogues?partner=CN',
  '/api/matrix',
  '/api/actors',
  '/api/areas-of-responsibility',
  '/api/strategies',
  '/api/national-strategies',
  '/api/search?q=Budapest',
  '/api/kb/records?partner=US&kind=dialogue&target=us-ciip-task-force',
  '/api/kb/changes',
  '/api/kb/changes/{change}',
  '/api/assess/US',
  '/api/assess',
  '/api/assess/weights',
  '/api/assess/US/history',
  '/api/network',
  '/api/network?format=graphml',
  '/api/network?format=gexf',
  '/api/timeline',
  '/api/timeline/BR',
  '/api/compare?ids=US,JP,CN',
  '/api/gaps/IN',
  '/api/measures',
  '/api/member-states',
  '/api/vote/acts',
  '/api/incidents',
  '/api/incidents/{incident}',
  '/api/incidents/{incident}/history',
  '/api/incidents/{incident}/plan',
  '/api/incidents/{incident}/plan?format=markdown',
  '/api/sanctions',
  '/api/sanctions/screen?q=Gao%20Qiang',
  '/api/audit',
  '/api/audit/verify',
  '/api/audit/registry-seed',
  '/api/import/reports',
  '/api/export/partners?format=csv',
  '/api/export/assessments?format=json',
  '/api/export/incidents?format=json',
  '/api/export/stix',
  '/api/export/plans?format=json&incident={incident}',
  '/api/users',
  '/api/users/{user}',
  '/api/tokens',
];

type Get = (route: string) => Promise<unknown>;

/**
 * The routes with their {names} filled from the server's answers (the newest incident the caller sees, the newest
 * change, the first account), and those left out for want of one, each with why.
 */
export async function fillRoutes(routes: readonly string[], get: Get): Promise<{ routes: string[]; left: string[] }> {
  const first = async (route: string, pick: (answer: unknown) => string | undefined) => {
    try {
      return pick(await get(route));
    } catch {
      return undefined;
    }
  };
  const values: Record<string, string | undefined> = {
    incident: await first('/api/incidents?limit=1', (a) => (a as { items?: { id: string }[] }).items?.[0]?.id),
    change: await first('/api/kb/changes', (a) => (Array.isArray(a) ? (a[0] as { id?: string } | undefined)?.id : undefined)),
    user: await first('/api/users', (a) => (Array.isArray(a) ? (a[0] as { username?: string } | undefined)?.username : undefined)),
  };
  const filled: string[] = [];
  const left: string[] = [];
  for (const route of routes) {
    const names = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
    const missing = names.filter((n) => values[n] === undefined);
    if (missing.length > 0) left.push(`${route}: not timed, the database has no ${missing.join(', ')} the caller may read`);
    else filled.push(route.replace(/\{(\w+)\}/g, (_m, n: string) => encodeURIComponent(values[n] ?? '')));
  }
  return { routes: filled, left };
}

/** The GET paths of the OpenAPI document that no route of the list times (a route added since the list was written). */
export function untimedPaths(doc: { paths?: Record<string, Record<string, unknown>> }, routes: readonly string[]): string[] {
  const patterns = routes.map((r) => (r.split('?')[0] ?? '').replace(/\{\w+\}/g, '{}'));
  return Object.entries(doc.paths ?? {})
    .filter(([, ops]) => 'get' in ops)
    .map(([p]) => p)
    .filter((p) => {
      const re = new RegExp(`^${p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`);
      return !patterns.some((q) => re.test(q.replace(/\{\}/g, 'x')));
    });
}
