// A view's exports: its TLP marking, a CSV file and a print-out that say the marking and the date the view holds for.
import { useState } from 'react';
import { downloadText, exportCsv, exportFileName, type ExportTable } from '../lib/csv-export';
import { formatDate, todayIso } from '../lib/format';
import { tlpLabel, TLP_MEANING } from '../lib/tlp';
import type { TlpLevel } from '../toolbox-types';
import { TlpLabel } from './tlp-label';

interface Props {
  /** What the view shows, for the printed heading line: "EU – Japan", "Partner × instrument matrix". */
  what: string;
  tlp: TlpLevel;
  asOf: string | undefined;
  /**
   * The view as a table, built when the CSV is asked for (a promise where the code that builds it is loaded then, so
   * that a page's first load does not carry it); undefined while the view is loading.
   */
  table: (() => ExportTable | undefined | Promise<ExportTable | undefined>) | undefined;
}

export function ExportBar({ what, tlp, asOf, table }: Props) {
  const [saved, setSaved] = useState('');
  const download = async () => {
    const t = await table?.();
    if (!t) return;
    const today = todayIso();
    const name = exportFileName(t, today);
    downloadText(exportCsv(t, today), name);
    setSaved(`Saved ${name}`);
  };
  return (
    <>
      <div className="export-bar" role="group" aria-label={`Export ${what}`}>
        <TlpLabel level={tlp} />
        <button type="button" className="button button-quiet" onClick={() => void download()} disabled={!table}>
          Download CSV
        </button>
        <button type="button" className="button button-quiet" onClick={() => window.print()}>
          Print
        </button>
        <span className="visually-hidden" role="status">
          {saved}
        </span>
      </div>
      <p className="print-only print-meta">
        <strong>{tlpLabel(tlp)}</strong> ({TLP_MEANING[tlp].disclosure}) · {what} · {asOf ? `as of ${formatDate(asOf)}` : `as of ${formatDate(todayIso())}`} · printed{' '}
        {formatDate(todayIso())} from cyberdiplo
      </p>
    </>
  );
}

/** The marking again at the foot of the printed page, as TLP 2.0 asks of documents. */
export function PrintFooter({ tlp }: { tlp: TlpLevel }) {
  return (
    <p className="print-only print-meta">
      <strong>{tlpLabel(tlp)}</strong>
    </p>
  );
}
