// Imports: send a STIX 2.1 bundle, the EuRepoC release's files or the CFR tracker's export (editors; a dry run reports
// without writing), with the bytes sent shown as they go; read what became of each record and every problem in the
// files' words and places, and the reports of past imports (signed-in users, as far as each report's marking allows).
import { useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../api';
import { AsyncView } from '../components/async-view';
import { ImportReportView } from '../components/import-report-view';
import { NotAllowed } from '../components/not-allowed';
import { TlpLabel } from '../components/tlp-label';
import { formatDateTime } from '../lib/format';
import { actorName, imports, outcomeRows, parseBundle, problemCounts, reportFiles, type ImportChoices, type ImportReport, type StoredReport } from '../lib/import-report';
import { FORMATS, formatLabel, importingText, progressText, sendUpload, uploadName, uploadProblem, type ChosenFiles, type ImportFormat } from '../lib/import-upload';
import { allowance } from '../lib/permissions';
import { useSession } from '../lib/session';
import { TLP_LEVELS, tlpLabel } from '../lib/tlp';
import { useApi, toApiError } from '../lib/use-api';
import { useStatus } from '../lib/use-status';
import { useTitle } from '../lib/use-title';
import '../imports.css';

export function ImportsPage() {
  useTitle('Imports');
  const { me } = useSession();
  const mayImport = allowance(me, 'import.run');
  const readsReports = me.principal.kind === 'user' || me.principal.kind === 'local';
  const reports = useApi((s) => (readsReports ? imports.reports(50, s) : Promise.resolve([])), `reports:${readsReports}`);
  return (
    <div className="page page-imports">
      <header className="page-header">
        <h1>Imports</h1>
        <p className="lede">
          Bring incidents, threat actors and attributions into the registry from a STIX 2.1 bundle, the EuRepoC release 1.1 or the CFR Cyber Operations
          Tracker's export, and read the report of every import: what was created, updated or left unchanged, and each problem with the object and field it
          is in.
        </p>
      </header>
      {mayImport.allowed ? <ImportForm onImported={reports.reload} /> : <NotAllowed allowance={mayImport} />}
      <section className="card" aria-labelledby="past-heading">
        <h2 id="past-heading">Past imports</h2>
        {readsReports ? (
          <AsyncView resource={reports} what="the import reports">
            {(list) => <PastReports list={list} />}
          </AsyncView>
        ) : (
          <p>Sign in to read the reports of past imports.</p>
        )}
      </section>
    </div>
  );
}

type Outcome = { report: ImportReport; file: string } | { refused: ApiError; file: string } | { problem: string };

/**
 * What the form says while it works: reading the file, bytes sent of the total, then (`importing`) waiting for the
 * server's report, the bar moving without a figure.
 */
type Busy = { text: string; sent?: number; total?: number; importing?: boolean };

function ImportForm({ onImported }: { onImported: () => void }) {
  const ids = useId();
  const { me } = useSession();
  const firstFile = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<ImportFormat>('stix');
  const [files, setFiles] = useState<ChosenFiles>({});
  const [choices, setChoices] = useState<ImportChoices>({ dryRun: false, strict: false, tlp: '', owner: '', recipients: '' });
  const [busy, setBusy] = useState<Busy | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const status = useStatus<HTMLDivElement>();
  const set = <K extends keyof ImportChoices>(k: K, v: ImportChoices[K]) => setChoices((c) => ({ ...c, [k]: v }));
  const info = FORMATS[format];
  const chooseFormat = (f: ImportFormat) => {
    setFormat(f);
    setFiles({});
    setOutcome(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problem = uploadProblem(format, files);
    if (problem) {
      setOutcome({ problem });
      status.announce(problem);
      if (problem.endsWith('first.')) firstFile.current?.focus();
      return;
    }
    const name = uploadName(format, files);
    setOutcome(null);
    try {
      if (format === 'stix' && files.bundle) {
        setBusy({ text: `Reading ${name}…` });
        const parsed = parseBundle(name, await files.bundle.text());
        if ('problem' in parsed) {
          setOutcome({ problem: parsed.problem });
          status.announce(parsed.problem);
          return;
        }
      }
      setBusy({ text: `Sending ${name}…`, sent: 0, total: 1 });
      // Once the last byte is sent the bar stops counting bytes: the server is importing, which takes as long as it takes.
      let total = 0;
      const report = await sendUpload(format, files, choices, me.csrfToken, {
        sent: (sent, of) => {
          total = of;
          setBusy({ text: `Sending ${name}: ${progressText(sent, of)}`, sent, total: of });
        },
        uploaded: () => setBusy({ text: importingText(name, total), importing: true }),
      });
      setOutcome({ report, file: name });
      status.announce(`${name}: ${report.dryRun ? 'dry run, nothing written' : 'imported'}; ${problemCounts(report)}.`);
      if (!report.dryRun) onImported();
    } catch (err) {
      const refused = toApiError(err);
      if (refused.status === 401) {
        // The app offers to sign in (the upload's 401 goes to it as every write's does); the files chosen stay.
        const problem = `${name} was not imported: sign in, then import again; the files chosen are kept.`;
        setOutcome({ problem });
        status.announce(problem);
        return;
      }
      setOutcome({ refused, file: name });
      status.announce(`${name} was refused: ${refused.message}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{info.heading}</h2>
      <form className="import-form" onSubmit={(e) => void submit(e)} aria-busy={busy !== null}>
        <fieldset className="import-options">
          <legend>Format</legend>
          {(Object.keys(FORMATS) as ImportFormat[]).map((f) => (
            <div className="check-field" key={f}>
              <input id={`${ids}-format-${f}`} type="radio" name={`${ids}-format`} value={f} checked={format === f} onChange={() => chooseFormat(f)} />
              <label htmlFor={`${ids}-format-${f}`}>{FORMATS[f].choice}</label>
            </div>
          ))}
        </fieldset>
        {info.slots.map((slot, n) => (
          <div className="field" key={`${format}-${slot.part}`}>
            <label htmlFor={`${ids}-${format}-${slot.part}`}>{slot.label}</label>
            <input
              id={`${ids}-${format}-${slot.part}`}
              ref={n === 0 ? firstFile : undefined}
              type="file"
              accept={slot.accept}
              aria-describedby={format === 'stix' ? undefined : `${ids}-${format}-${slot.part}-hint`}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                setFiles((fs) => ({ ...fs, [slot.part]: chosen }));
              }}
            />
            {format !== 'stix' && (
              <span id={`${ids}-${format}-${slot.part}-hint`} className="hint">
                {slot.expected}
              </span>
            )}
          </div>
        ))}
        {format !== 'stix' && <p className="hint">Up to {info.limit / 1024 / 1024} MiB in all; larger files are imported with the command line ({info.cli}).</p>}
        <fieldset className="import-options">
          <legend>Options</legend>
          <div className="check-field">
            <input id={`${ids}-dry`} type="checkbox" checked={choices.dryRun} onChange={(e) => set('dryRun', e.target.checked)} />
            <label htmlFor={`${ids}-dry`}>Dry run: report what would change, write nothing</label>
          </div>
          <div className="check-field">
            <input id={`${ids}-strict`} type="checkbox" checked={choices.strict} onChange={(e) => set('strict', e.target.checked)} />
            <label htmlFor={`${ids}-strict`}>Strict: refuse the whole {format === 'stix' ? 'bundle' : 'import'} on any problem</label>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-tlp`}>Marking of the imported records</label>
            <select id={`${ids}-tlp`} value={choices.tlp} onChange={(e) => set('tlp', e.target.value)} aria-describedby={`${ids}-tlp-hint`}>
              <option value="">{format === 'stix' ? "As the bundle marks them (the server's default otherwise)" : "The server's default"}</option>
              {TLP_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {tlpLabel(l)}
                </option>
              ))}
            </select>
            <span id={`${ids}-tlp-hint`} className="hint">
              Records go to your organisation unless you name another owner.
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-owner`}>Owner organisation (optional)</label>
            <input id={`${ids}-owner`} type="text" value={choices.owner} onChange={(e) => set('owner', e.target.value)} autoComplete="off" />
          </div>
          {choices.tlp === 'red' && (
            <div className="field">
              <label htmlFor={`${ids}-recipients`}>Recipients (usernames, comma-separated)</label>
              <input id={`${ids}-recipients`} type="text" value={choices.recipients} onChange={(e) => set('recipients', e.target.value)} autoComplete="off" />
            </div>
          )}
        </fieldset>
        <button type="submit" className="button button-primary" aria-disabled={busy !== null}>
          {choices.dryRun ? `Check the ${format === 'stix' ? 'bundle' : 'files'} (dry run)` : 'Import'}
        </button>
        {busy && <UploadProgress busy={busy} id={`${ids}-progress`} />}
      </form>
      <div className="status-line" role="status" tabIndex={-1} ref={status.ref}>
        {status.text}
      </div>
      {outcome && <OutcomeView outcome={outcome} />}
    </section>
  );
}

/** The bytes sent of the total while the files go, then a busy line while the server imports. */
function UploadProgress({ busy, id }: { busy: Busy; id: string }) {
  return (
    <div className="import-busy">
      <p className="loading" id={id}>
        <span className="spinner" aria-hidden="true" /> {busy.text}
      </p>
      {busy.importing ? (
        <progress key="importing" className="import-progress" aria-labelledby={id} />
      ) : (
        busy.total !== undefined && <progress key="bytes" className="import-progress" aria-labelledby={id} max={busy.total} value={busy.sent ?? 0} />
      )}
    </div>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  if ('problem' in outcome) return <p className="notice notice-error">{outcome.problem}</p>;
  if ('refused' in outcome) {
    const e = outcome.refused;
    return (
      <div className="notice notice-error import-refused">
        <h3>{outcome.file} was refused</h3>
        <p>{e.message}</p>
        {e.issues.length > 0 && (
          <>
            <p>
              {e.issues.length} {e.issues.length === 1 ? 'error' : 'errors'}, each with where it is in the file:
            </p>
            <ul className="import-issues">
              {e.issues.map((i, n) => (
                <li key={n}>
                  <code>{i.path}</code>: {i.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  }
  return <ImportReportView report={outcome.report} heading={`Report of ${outcome.file}`} />;
}

function PastReports({ list }: { list: StoredReport[] }) {
  const [open, setOpen] = useState<number | null>(null);
  if (!list.length) return <p>No imports yet, or none whose marking lets you read its report.</p>;
  return (
    <div className="scroll-x">
      <table className="data-table import-reports">
        <caption className="visually-hidden">Reports of past imports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">By</th>
            <th scope="col">Format</th>
            <th scope="col">File</th>
            <th scope="col">Created / updated / unchanged</th>
            <th scope="col">Problems</th>
            <th scope="col">Marking</th>
            <th scope="col">
              <span className="visually-hidden">Report</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => {
            const t = outcomeRows(r.report).total;
            const shown = open === r.id;
            return (
              <PastRow key={r.id} r={r} counts={`${t.created} / ${t.updated} / ${t.unchanged}`} shown={shown} onToggle={() => setOpen(shown ? null : r.id)} />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function PastRow({ r, counts, shown, onToggle }: { r: StoredReport; counts: string; shown: boolean; onToggle: () => void }) {
  const detail = `import-report-${r.id}`;
  return (
    <>
      <tr>
        <th scope="row">{formatDateTime(r.at)}</th>
        <td>{actorName(r.by)}</td>
        <td>{formatLabel(r.format)}</td>
        <td>{reportFiles(r)}</td>
        <td>{r.report.rejected ? 'refused, nothing written' : r.report.dryRun ? `dry run: ${counts}` : counts}</td>
        <td>{problemCounts(r.report)}</td>
        <td>
          <TlpLabel level={r.tlp} />
        </td>
        <td>
          <button type="button" className="button button-small" aria-expanded={shown} aria-controls={detail} onClick={onToggle}>
            {shown ? 'Close' : 'Open'}
            <span className="visually-hidden"> the report of {formatDateTime(r.at)}</span>
          </button>
        </td>
      </tr>
      {shown && (
        <tr id={detail}>
          <td colSpan={8}>
            <ImportReportView report={r.report} heading={`Report of ${formatDateTime(r.at)}`} level={3} />
          </td>
        </tr>
      )}
    </>
  );
}
