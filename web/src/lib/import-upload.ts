// Sending an import's files from the imports page: the three formats and the files each takes (by the part names of
// POST /api/import/eurepoc and /api/import/cfr, src/server/routes/imports.ts), why a choice cannot be sent, and the
// request itself through XMLHttpRequest, whose upload events tell how many bytes have gone.
import { ApiError, noticeSignInRefusal, withQuery } from '../api';
import { fileProblem, importQuery, type ImportChoices, type ImportReport } from './import-report';

export type ImportFormat = 'stix' | 'eurepoc' | 'cfr';

export interface FileSlot {
  /** The part's name in the upload (for STIX, the bundle is the whole body). */
  part: string;
  label: string;
  /** The file in a sentence: "the global database". */
  what: string;
  /** The file as its publisher names it. */
  expected: string;
  required: boolean;
  accept: string;
}

export interface FormatInfo {
  /** The format in a sentence. */
  label: string;
  /** The format among the choices, with what it takes. */
  choice: string;
  heading: string;
  slots: FileSlot[];
  /** Bytes the server takes in one request (the parts' overhead aside). */
  limit: number;
  /** The command that imports larger files. */
  cli: string;
}

const MiB = 1024 * 1024;
const CSV = '.csv,text/csv';

export const FORMATS: Record<ImportFormat, FormatInfo> = {
  stix: {
    label: 'STIX 2.1 bundle',
    choice: 'STIX 2.1 (a JSON bundle)',
    heading: 'Import a STIX bundle',
    slots: [{ part: 'bundle', label: 'STIX 2.1 bundle (JSON, up to 32 MiB)', what: 'a STIX bundle', expected: 'a .json file', required: true, accept: '.json,application/json,application/stix+json' }],
    limit: 32 * MiB,
    cli: 'cyberdiplo import stix',
  },
  eurepoc: {
    label: 'EuRepoC release 1.1',
    choice: 'EuRepoC release 1.1 (its CSV files)',
    heading: 'Import the EuRepoC release',
    slots: [
      { part: 'incidents', label: 'Global database', what: 'the global database', expected: 'EuRepoC_Global_Database_1.1.csv', required: true, accept: CSV },
      { part: 'attributions', label: 'Attribution dataset (optional)', what: 'the attribution dataset', expected: 'EuRepoC_Attribution_dataset_1.1.csv', required: false, accept: CSV },
      { part: 'receivers', label: 'Receiver dataset (optional)', what: 'the receiver dataset', expected: 'EuRepoC_Receiver_dataset_1.1.csv', required: false, accept: CSV },
    ],
    limit: 16 * MiB,
    cli: 'cyberdiplo import eurepoc',
  },
  cfr: {
    label: 'CFR Cyber Operations Tracker',
    choice: "CFR Cyber Operations Tracker (its CSV export)",
    heading: "Import the CFR tracker's export",
    slots: [{ part: 'file', label: "The tracker's CSV export", what: "the tracker's CSV export", expected: 'cyber-operations-incidents.csv', required: true, accept: CSV }],
    limit: 8 * MiB,
    cli: 'cyberdiplo import cfr',
  },
};

/** How a format is named in the list of past imports. */
export function formatLabel(format: string): string {
  return { stix: 'STIX', eurepoc: 'EuRepoC', cfr: 'CFR' }[format] ?? format.toUpperCase();
}

export type ChosenFiles = Partial<Record<string, File>>;

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

/** Why the chosen files cannot be sent, or undefined when they can. */
export function uploadProblem(format: ImportFormat, files: ChosenFiles): string | undefined {
  const info = FORMATS[format];
  const missing = info.slots.find((s) => s.required && !files[s.part]);
  if (missing) return format === 'stix' ? 'Choose a STIX bundle (a .json file) first.' : `Choose ${missing.what} (${missing.expected}) first.`;
  if (format === 'stix' && files.bundle) return fileProblem(files.bundle);
  const chosen = info.slots.flatMap((s) => files[s.part] ?? []);
  const empty = chosen.find((f) => f.size === 0);
  if (empty) return `${empty.name} is empty.`;
  const total = chosen.reduce((n, f) => n + f.size, 0);
  if (total > info.limit) {
    const what = chosen.length === 1 ? `${chosen[0]?.name} is` : `These files are together`;
    return `${what} ${mib(total)}; the web app sends up to ${info.limit / MiB} MiB of the ${info.label}. Import with the command line instead: ${info.cli} ${chosen.map((f) => f.name).join(' ')}`;
  }
  return undefined;
}

/** What the report and the refusal call the upload: its file names. */
export function uploadName(format: ImportFormat, files: ChosenFiles): string {
  return FORMATS[format].slots.flatMap((s) => files[s.part]?.name ?? []).join(', ');
}

/** The request for the chosen files: its address and body (a STIX bundle as it is, other formats as a form of parts). */
export function uploadRequest(format: ImportFormat, files: ChosenFiles, choices: ImportChoices): { url: string; body: Blob | FormData; json: boolean } {
  if (format === 'stix') {
    const bundle = files.bundle;
    if (!bundle) throw new Error('no bundle chosen');
    return { url: withQuery('/api/import/stix', importQuery(choices, bundle.name)), body: bundle, json: true };
  }
  const form = new FormData();
  for (const s of FORMATS[format].slots) {
    const f = files[s.part];
    if (f) form.append(s.part, f, f.name);
  }
  return { url: withQuery(`/api/import/${format}`, importQuery(choices)), body: form, json: false };
}

/** Bytes in the unit of an upload of `total` bytes: MiB from one MiB, KiB below. */
const amount = (n: number, total: number) => (total >= MiB ? mib(n) : `${(n / 1024).toFixed(0)} KiB`);

/** Bytes sent over the total, in words: "Sent 1.2 MiB of 4.4 MiB (27 %)". */
export function progressText(sent: number, total: number): string {
  const share = total > 0 ? Math.floor((100 * Math.min(sent, total)) / total) : 0;
  return `Sent ${amount(Math.min(sent, total), total)} of ${amount(total, total)} (${share} %)`;
}

/** What the page says once the last byte is sent, until the report comes: "All 4.4 MiB sent; the server is importing…". */
export function importingText(name: string, total: number): string {
  return `All${total > 0 ? ` ${amount(total, total)}` : ''} of ${name} sent; the server is importing and will answer with its report…`;
}

function apiError(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; issues?: { path?: string; message?: string }[] } };
    if (body.error) {
      const issues = (body.error.issues ?? []).map((i) => ({ path: String(i.path ?? ''), message: String(i.message ?? '') }));
      return new ApiError(status, String(body.error.code ?? 'http_error'), String(body.error.message ?? `The server answered ${status}`), issues);
    }
  } catch {
    // not JSON: said below
  }
  return new ApiError(status, 'http_error', `The server answered ${status}`);
}

export interface UploadEvents {
  /** Bytes of the body sent so far, of the total. */
  sent(loaded: number, total: number): void;
  /** The whole body is sent: the server is importing. */
  uploaded(): void;
}

/**
 * Posts the files and resolves with the report. A session's write carries its CSRF token; a stale one (the session was
 * renewed meanwhile) is fetched again from GET /api/auth/me and the upload sent once more, as api.ts does for writes; a
 * 401 goes to the app as api.ts's own do (noticeSignInRefusal), which offers to sign in.
 */
export async function sendUpload(format: ImportFormat, files: ChosenFiles, choices: ImportChoices, csrfToken: string | null, events: UploadEvents): Promise<ImportReport> {
  try {
    try {
      return await post(format, files, choices, csrfToken, events);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 403 && e.code === 'csrf_mismatch')) throw e;
      const me = await fetch('/api/auth/me', { headers: { accept: 'application/json' } }).then((r) => r.json() as Promise<{ csrfToken?: string | null }>);
      if (!me.csrfToken) throw e;
      return await post(format, files, choices, me.csrfToken, events);
    }
  } catch (e) {
    // A session that ended meanwhile is the app's to tell, as for its other writes: it offers to sign in again.
    if (e instanceof ApiError) noticeSignInRefusal(e, 'POST');
    throw e;
  }
}

function post(format: ImportFormat, files: ChosenFiles, choices: ImportChoices, csrfToken: string | null, events: UploadEvents): Promise<ImportReport> {
  const { url, body, json } = uploadRequest(format, files, choices);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    if (json) xhr.setRequestHeader('content-type', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) events.sent(e.loaded, e.total);
    });
    xhr.upload.addEventListener('load', () => events.uploaded());
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportReport);
        } catch {
          reject(new ApiError(xhr.status, 'bad_response', 'The server sent an answer that is not JSON'));
        }
      } else reject(apiError(xhr.status, xhr.responseText));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', 'The server could not be reached, or closed the connection before the files were sent. Check that it is running.')));
    xhr.send(body);
  });
}
