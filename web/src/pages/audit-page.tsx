// The audit trail (administrators): every write with who made it, when, and what it changed, newest first a page at a
// time, narrowed by user, record type and days; and the check of the hash chain, its answer in words.
import { useId, useState, type FormEvent } from 'react';
import { AsyncView } from '../components/async-view';
import { NotAllowed } from '../components/not-allowed';
import { audit, entryNote, fieldChanges, filtersProblem, NO_FILTERS, RECORD_TYPES, verdictWords, type AuditEntry, type AuditFilters, type AuditVerdict } from '../lib/audit-view';
import { formatDateTime } from '../lib/format';
import { actorName } from '../lib/import-report';
import { allowance } from '../lib/permissions';
import { useSession } from '../lib/session';
import { toApiError, useApi } from '../lib/use-api';
import { useStatus } from '../lib/use-status';
import { useTitle } from '../lib/use-title';
import '../imports.css';

const PAGE_SIZE = 50;

export function AuditPage() {
  useTitle('Audit trail');
  const { me } = useSession();
  const may = allowance(me, 'audit.read');
  return (
    <div className="page page-audit">
      <header className="page-header">
        <h1>Audit trail</h1>
        <p className="lede">
          Every write to this server, with who made it, when and what it changed. Each entry carries the hash of the one before it, so that an entry edited or
          removed in the database breaks the chain: verify it below. The contents of records your marking does not let you see are withheld; who changed them
          and when stays readable.
        </p>
      </header>
      {may.allowed ? (
        <>
          <VerifyChain />
          <Entries />
        </>
      ) : (
        <NotAllowed allowance={may} />
      )}
    </div>
  );
}

function VerifyChain() {
  const [state, setState] = useState<{ busy: boolean; verdict?: AuditVerdict; error?: string }>({ busy: false });
  const status = useStatus<HTMLDivElement>();
  const verify = async () => {
    setState({ busy: true });
    try {
      const verdict = await audit.verify();
      setState({ busy: false, verdict });
      status.announce(verdictWords(verdict));
    } catch (e) {
      const error = `The chain could not be checked: ${toApiError(e).message}`;
      setState({ busy: false, error });
      status.announce(error);
    }
  };
  const v = state.verdict;
  return (
    <section className="card" aria-labelledby="verify-heading">
      <h2 id="verify-heading">Verify the chain</h2>
      <p>Recomputes every entry's hash from the first to the recorded head, and names the first entry where the chain breaks.</p>
      <button type="button" className="button button-primary" onClick={() => void verify()} aria-disabled={state.busy} disabled={state.busy}>
        {state.busy ? 'Verifying…' : 'Verify the chain'}
      </button>
      <div
        className={`status-line audit-verdict${v ? (v.valid ? ' notice notice-success' : ' notice notice-error') : state.error ? ' notice notice-error' : ''}`}
        role="status"
        tabIndex={-1}
        ref={status.ref}
      >
        {status.text}
      </div>
    </section>
  );
}

function Entries() {
  const ids = useId();
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  /** The cursors of the pages before this one (newest first): `before` of each, undefined for the first. */
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const [problem, setProblem] = useState<string | undefined>();
  const before = cursors[cursors.length - 1];
  const entries = useApi((s) => audit.page(filters, PAGE_SIZE, before, s), JSON.stringify([filters, before]));
  const set = (k: keyof AuditFilters, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const p = filtersProblem(draft);
    setProblem(p);
    if (p) return;
    setFilters(draft);
    setCursors([undefined]);
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
    setProblem(undefined);
    setCursors([undefined]);
  };
  return (
    <section className="card" aria-labelledby="entries-heading">
      <h2 id="entries-heading">Entries, newest first</h2>
      <form className="audit-filters" onSubmit={apply} aria-label="Filter the entries">
        <div className="field">
          <label htmlFor={`${ids}-user`}>User</label>
          <input id={`${ids}-user`} type="text" value={draft.user} onChange={(e) => set('user', e.target.value)} placeholder="username" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-type`}>Record type</label>
          <select id={`${ids}-type`} value={draft.type} onChange={(e) => set('type', e.target.value)}>
            <option value="">Any</option>
            {RECORD_TYPES.map((t) => (
              <option key={t} value={t}>
                {t.replace('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-from`}>From (day, UTC)</label>
          <input id={`${ids}-from`} type="date" value={draft.from} onChange={(e) => set('from', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-to`}>To (day, UTC)</label>
          <input id={`${ids}-to`} type="date" value={draft.to} onChange={(e) => set('to', e.target.value)} />
        </div>
        <button type="submit" className="button">
          Apply
        </button>
        <button type="button" className="button button-quiet" onClick={clear}>
          Clear
        </button>
      </form>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <AsyncView resource={entries} what="the audit entries">
        {(list) => (
          <>
            <EntryTable list={list} />
            <nav className="pager" aria-label="Pages of entries">
              <button type="button" className="button" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                Newer entries
              </button>
              <span>
                Page {cursors.length}
                {list.length ? `: entries ${list[0]?.seq} to ${list[list.length - 1]?.seq}` : ''}
              </span>
              <button
                type="button"
                className="button"
                disabled={list.length < PAGE_SIZE}
                onClick={() => {
                  const last = list[list.length - 1];
                  if (last) setCursors((c) => [...c, last.seq]);
                }}
              >
                Older entries
              </button>
            </nav>
          </>
        )}
      </AsyncView>
    </section>
  );
}

function EntryTable({ list }: { list: AuditEntry[] }) {
  if (!list.length) return <p>No entries match these filters.</p>;
  return (
    <div className="scroll-x">
      <table className="data-table audit-entries">
        <caption className="visually-hidden">Audit entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Entry</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Record</th>
            <th scope="col">What changed</th>
          </tr>
        </thead>
        <tbody>
          {list.map((e) => (
            <tr key={e.seq}>
              <th scope="row">
                {e.seq}
                <span className="audit-hash" title={`hash ${e.hash}`}>
                  {' '}
                  {e.hash.slice(0, 8)}
                </span>
              </th>
              <td>{formatDateTime(e.at)}</td>
              <td>
                {actorName(e.actor)}
                {e.actorOrg ? ` (${e.actorOrg})` : ''}
              </td>
              <td>{e.action}</td>
              <td>
                {e.targetType.replace('_', ' ')} <code>{e.targetId}</code>
              </td>
              <td>
                <Changes entry={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  const note = entryNote(entry);
  if (note) return <span className="muted">{note}</span>;
  const changes = fieldChanges(entry.before, entry.after);
  if (!changes.length) return <span className="muted">No field changed.</span>;
  const shown = changes.slice(0, 8);
  return (
    <ul className="audit-changes">
      {shown.map((c) => (
        <li key={c.field}>
          <code>{c.field}</code>: {c.before} <span aria-hidden="true">→</span>
          <span className="visually-hidden">became</span> {c.after}
        </li>
      ))}
      {changes.length > shown.length && <li>and {changes.length - shown.length} more fields</li>}
    </ul>
  );
}
