// The link check behind `npm run check:links`: finds every web address the reviewed data cite and asks each host
// whether it still answers (HEAD first, GET where HEAD is refused), with a timeout and a bound on requests in flight.
// Redirects are followed by hand, so that a moved address is reported with where it went.

export type LinkStatus = 'ok' | 'moved' | 'dead';

export interface LinkResult {
  url: string;
  status: LinkStatus;
  /** The last HTTP status seen, when there was one. */
  code?: number;
  /** Where a moved address now leads. */
  location?: string;
  /** Why a dead address is dead, when no HTTP status says it (timeout, refused connection, bad address). */
  error?: string;
}

export interface CheckOptions {
  timeoutMs: number;
  concurrency: number;
  /** Redirects followed before giving up. */
  maxRedirects?: number;
  fetch?: typeof fetch;
}

const URL_PATTERN = /https?:\/\/[A-Za-z0-9][^\s"'<>)\]`|…]*/g;

/** Every address in the files, each with the files that cite it (trailing punctuation is not part of an address). */
export function urlsInFiles(files: readonly { name: string; text: string }[]): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const f of files) {
    for (const raw of f.text.match(URL_PATTERN) ?? []) {
      const url = raw.replace(/[.,;:]+$/, '');
      const names = cited.get(url) ?? [];
      if (!names.includes(f.name)) names.push(f.name);
      cited.set(url, names);
    }
  }
  return cited;
}

/** HEAD is refused or not implemented by some servers; those get a GET. */
const RETRY_WITH_GET = new Set([400, 403, 405, 406, 429, 500, 501, 503]);

async function request(url: string, method: 'HEAD' | 'GET', opts: CheckOptions): Promise<Response> {
  const res = await (opts.fetch ?? fetch)(url, {
    method,
    redirect: 'manual',
    signal: AbortSignal.timeout(opts.timeoutMs),
    headers: { 'user-agent': 'cyberdiplo-link-check' },
  });
  await res.body?.cancel().catch(() => undefined);
  return res;
}

async function answer(url: string, opts: CheckOptions): Promise<Response> {
  try {
    const head = await request(url, 'HEAD', opts);
    if (!RETRY_WITH_GET.has(head.status)) return head;
  } catch {
    // Some servers drop HEAD requests: ask again with GET before calling the address dead.
  }
  return request(url, 'GET', opts);
}

const describe = (e: unknown): string => {
  if (e instanceof Error) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
    const cause = (e as Error & { cause?: { code?: string } }).cause?.code;
    return cause ?? e.message;
  }
  return String(e);
};

/** One address: ok, moved (with its final location) or dead (with the status or the error). */
export async function checkUrl(url: string, opts: CheckOptions): Promise<LinkResult> {
  let current = url;
  for (let hop = 0; hop <= (opts.maxRedirects ?? 5); hop++) {
    let res: Response;
    try {
      res = await answer(current, opts);
    } catch (e) {
      return { url, status: 'dead', error: describe(e), ...(current !== url ? { location: current } : {}) };
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      current = new URL(location, current).toString();
      continue;
    }
    if (res.status >= 200 && res.status < 300) {
      return current === url ? { url, status: 'ok', code: res.status } : { url, status: 'moved', code: res.status, location: current };
    }
    return { url, status: 'dead', code: res.status, ...(current !== url ? { location: current } : {}) };
  }
  return { url, status: 'dead', error: 'too many redirects', location: current };
}

/** Every address, at most `concurrency` at a time; results in the order of the input. */
export async function checkAll(urls: readonly string[], opts: CheckOptions): Promise<LinkResult[]> {
  const results: LinkResult[] = new Array<LinkResult>(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      results[i] = await checkUrl(urls[i] as string, opts);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, urls.length)) }, worker));
  return results;
}

/** The report: dead addresses, then moved ones, each with the files that cite it, and a count line. */
export function linkReport(results: readonly LinkResult[], cited: ReadonlyMap<string, string[]>): string[] {
  const by = (s: LinkStatus) => results.filter((r) => r.status === s);
  const files = (url: string) => (cited.get(url) ?? []).join(', ');
  const lines: string[] = [];
  for (const r of by('dead')) {
    const why = r.code !== undefined ? `HTTP ${r.code}` : (r.error ?? 'no answer');
    lines.push(`dead   ${r.url} (${why}${r.location ? ` at ${r.location}` : ''}) — cited in ${files(r.url)}`);
  }
  for (const r of by('moved')) lines.push(`moved  ${r.url} -> ${r.location ?? '?'} — cited in ${files(r.url)}`);
  lines.push(`${results.length} addresses: ${by('ok').length} ok, ${by('moved').length} moved, ${by('dead').length} dead`);
  return lines;
}
