// One import's report: whether anything was written, what became of each kind of record, what the file held, and
// every problem with the object and field it is in.
import { outcomeRows, outcomeSentence, problemCounts, problemPlace, type ImportReport } from '../lib/import-report';

interface Props {
  report: ImportReport;
  heading: string;
  level?: 3 | 4;
}

export function ImportReportView({ report, heading, level = 3 }: Props) {
  const H = level === 3 ? 'h3' : 'h4';
  const { rows, total } = outcomeRows(report);
  const read = Object.entries(report.types);
  return (
    <div className="import-report">
      <H>{heading}</H>
      <p className={report.rejected ? 'notice notice-error' : report.dryRun ? 'notice notice-info' : 'notice notice-success'}>{outcomeSentence(report)}</p>
      <p>
        {report.read} {report.read === 1 ? 'object' : 'objects'} read{read.length ? `: ${read.map(([t, n]) => `${n} ${t}`).join(', ')}` : ''}. {problemCounts(report)}.
      </p>
      {rows.length > 0 && (
        <div className="scroll-x">
          <table className="data-table import-outcomes">
            <caption>{report.dryRun || report.rejected ? 'Records it would write, by kind' : 'Records written, by kind'}</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Created</th>
                <th scope="col">Updated</th>
                <th scope="col">Unchanged</th>
                <th scope="col">Older than stored (kept)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.kind}>
                  <th scope="row">{r.kind}</th>
                  <td>{r.created}</td>
                  <td>{r.updated}</td>
                  <td>{r.unchanged}</td>
                  <td>{r.stale}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All</th>
                <td>{total.created}</td>
                <td>{total.updated}</td>
                <td>{total.unchanged}</td>
                <td>{total.stale}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {report.problems.length > 0 && (
        <div className="scroll-x">
          <table className="data-table import-problems">
            <caption>Problems, with where each is in the file</caption>
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Where</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={i} className={`problem-${p.severity}`}>
                  <td>{p.severity}</td>
                  <td>
                    <code>{problemPlace(p)}</code>
                  </td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.review && report.review.length > 0 && (
        <>
          <p>To review ({report.review.length}): values read but worth a second look.</p>
          <ul className="import-review">
            {report.review.map((r, i) => (
              <li key={i}>
                <code>{problemPlace(r)}</code> ({r.value}): {r.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
