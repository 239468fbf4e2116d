// Imports: send a STIX 2.1 bundle (editors; a dry run reports without writing), read what became of each record and
// every problem in the file's words and places, and the reports of past imports (signed-in users, as far as each
// report's marking allows).
import { useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../api';
import { AsyncView } from '../components/async-view';
import { ImportReportView } from '../components/import-report-view';
import { NotAllowed } from '../components/not-allowed';
import { TlpLabel } from '../components/tlp-label';
import { formatDateTime } from '../lib/format';
import { actorName, fileProblem, imports, outcomeRows, parseBundle, problemCounts, reportFiles, type ImportChoices, type ImportReport, type StoredReport } from '../lib/import-report';
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
          Bring incidents, threat actors and attributions from a STIX 2.1 bundle into the registry, and read the report of every import: what was created,
          updated or left unchanged, and each problem with the object and field it is in. EuRepoC and CFR datasets are imported with the command line.
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

function ImportForm({ onImported }: { onImported: () => void }) {
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<ImportChoices>({ dryRun: false, strict: false, tlp: '', owner: '', recipients: '' });
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const status = useStatus<HTMLDivElement>();
  const set = <K extends keyof ImportChoices>(k: K, v: ImportChoices[K]) => setChoices((c) => ({ ...c, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!file) {
      setOutcome({ problem: 'Choose a STIX bundle (a .json file) first.' });
      status.announce('Choose a file first.');
      fileInput.current?.focus();
      return;
    }
    const tooBig = fileProblem(file);
    if (tooBig) {
      setOutcome({ problem: tooBig });
      status.announce(tooBig);
      return;
    }
    setBusy(`Reading ${file.name}…`);
    setOutcome(null);
    try {
      const parsed = parseBundle(file.name, await file.text());
      if ('problem' in parsed) {
        setOutcome({ problem: parsed.problem });
        status.announce(parsed.problem);
        return;
      }
      setBusy(`Sending ${file.name} (${(file.size / 1024).toFixed(0)} KiB) and waiting for the server's report…`);
      const report = await imports.stix(parsed.bundle, choices, file.name);
      setOutcome({ report, file: file.name });
      status.announce(`${file.name}: ${report.dryRun ? 'dry run, nothing written' : 'imported'}; ${problemCounts(report)}.`);
      if (!report.dryRun) onImported();
    } catch (err) {
      const refused = toApiError(err);
      setOutcome({ refused, file: file.name });
      status.announce(`${file.name} was refused: ${refused.message}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Import a STIX bundle</h2>
      <form className="import-form" onSubmit={(e) => void submit(e)} aria-busy={busy !== null}>
        <div className="field">
          <label htmlFor={`${ids}-file`}>STIX 2.1 bundle (JSON, up to 32 MiB)</label>
          <input id={`${ids}-file`} ref={fileInput} type="file" accept=".json,application/json,application/stix+json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <fieldset className="import-options">
          <legend>Options</legend>
          <div className="check-field">
            <input id={`${ids}-dry`} type="checkbox" checked={choices.dryRun} onChange={(e) => set('dryRun', e.target.checked)} />
            <label htmlFor={`${ids}-dry`}>Dry run: report what would change, write nothing</label>
          </div>
          <div className="check-field">
            <input id={`${ids}-strict`} type="checkbox" checked={choices.strict} onChange={(e) => set('strict', e.target.checked)} />
            <label htmlFor={`${ids}-strict`}>Strict: refuse the whole bundle on any problem</label>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-tlp`}>Marking of the imported records</label>
            <select id={`${ids}-tlp`} value={choices.tlp} onChange={(e) => set('tlp', e.target.value)} aria-describedby={`${ids}-tlp-hint`}>
              <option value="">As the bundle marks them (the server's default otherwise)</option>
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
          {choices.dryRun ? 'Check the bundle (dry run)' : 'Import'}
        </button>
        {busy && (
          <p className="loading import-busy">
            <span className="spinner" aria-hidden="true" /> {busy}
          </p>
        )}
      </form>
      <div className="status-line" role="status" tabIndex={-1} ref={status.ref}>
        {status.text}
      </div>
      {outcome && <OutcomeView outcome={outcome} />}
    </section>
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
        <td>{r.format.toUpperCase()}</td>
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
