// Which methods the API answers on a path: a request with another method is told them instead of a bare "no route".

/** The methods of the registered routes whose pattern (`/api/partners/:id`) matches the path, sorted. */
export function methodsFor(path: string, routes: readonly { method: string; url: string }[]): string[] {
  const found = new Set<string>();
  for (const r of routes) if (patternOf(r.url).test(path)) found.add(r.method);
  return [...found].sort();
}

const patterns = new Map<string, RegExp>();

function patternOf(url: string): RegExp {
  let re = patterns.get(url);
  if (!re) {
    const body = url
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    re = new RegExp(`^${body}/?$`);
    patterns.set(url, re);
  }
  return re;
}
