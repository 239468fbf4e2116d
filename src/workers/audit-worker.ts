// A worker thread that builds an import's audit rows (canonical JSON, chain input, hash) while the import's thread
// writes the next part (audit-pipe.ts). It holds the chain's last hash between parts; the first message gives it the
// head it starts from and, for a keyed trail, the audit key as a KeyObject (the key stays in this process).
import { createHmac, hash, type KeyObject } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { auditRows, type AuditWrite } from '../store/audit-rows';

export interface AuditStart {
  prev: string;
  keyedFrom: number | null;
  key?: KeyObject | undefined;
}

export type AuditRequest = { start: AuditStart } | { seq: number; writes: AuditWrite[] };

const port = parentPort;
if (!port) throw new Error('audit-worker runs as a worker thread');

const plain = (text: string) => hash('sha256', text, 'hex');
let chain: { prev: string; keyedFrom: number | null; mac?: ((text: string) => string) | undefined } | undefined;

port.on('message', (m: AuditRequest) => {
  if ('start' in m) {
    const { key } = m.start;
    chain = { prev: m.start.prev, keyedFrom: m.start.keyedFrom, mac: key ? (text) => createHmac('sha256', key).update(text).digest('hex') : undefined };
    return;
  }
  try {
    if (!chain) throw new Error('no chain head was given');
    const rows = auditRows(m.seq, chain.prev, m.writes, { plain, mac: chain.mac, keyedFrom: chain.keyedFrom });
    chain.prev = rows[rows.length - 1]?.hash ?? chain.prev;
    port.postMessage({ rows });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
