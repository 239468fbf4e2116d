// A second load generator for the read benchmark: N keep-alive connections of Node's own HTTP client, each asking
// again as soon as its answer has been read. autocannon parses answers in JavaScript of its own, and on this machine
// it slows down on some answers of 80 KB and more for reasons of its own (the same bytes served by a bare Node server
// come five to seven times slower to it than a body of as many ASCII letters, while Node's client takes both alike):
// with `--client node`, reads.ts measures with this instead, so that the server's limit can be told from the client's.
import http from 'node:http';

export interface LoadResult {
  requests: { average: number; total: number };
  latency: { p99: number };
  non2xx: number;
  /** Answers per status code, as autocannon counts them. */
  statusCodeStats: Record<string, { count: number }>;
  throughput: { total: number };
}

/** The p-th percentile (0-100) of `sorted` (ascending), nearest rank; 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/** Asks `url` over `connections` keep-alive connections for `duration` seconds; latencies in whole milliseconds. */
export async function nodeLoad(opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const target = new URL(opts.url);
  const latencies: number[] = [];
  let non2xx = 0;
  const statusCodeStats: Record<string, { count: number }> = {};
  let bytes = 0;
  const end = performance.now() + opts.duration * 1000;
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const asked = performance.now();
      const req = http.get({ host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers: opts.headers }, (res) => {
        if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) > 299) non2xx++;
        const counted = (statusCodeStats[String(res.statusCode)] ??= { count: 0 });
        counted.count++;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on('end', () => {
          latencies.push(Math.round(performance.now() - asked));
          resolve();
        });
        res.on('error', reject);
      });
      req.on('error', reject);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (performance.now() < end) await once();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: { average: latencies.length / seconds, total: latencies.length }, latency: { p99: percentile(latencies, 99) }, non2xx, statusCodeStats, throughput: { total: bytes } };
}
