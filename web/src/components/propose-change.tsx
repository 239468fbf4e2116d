// "Propose a change" on a fact or a section of the partner page: a dialog with the record as the data files hold it
// (prefilled for an update, a template for an addition; a plain form for a dialogue round), a comment and its marking.
// The change stays pending, seen by no reader, until an editor other than the proposer approves it.
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api';
import { COMMENT_MARKINGS, KIND_WORDS, kbChanges, template, type ChangeAction, type ChangeKind, type CommentMarking, type KbChange } from '../lib/kb-changes';
import { useSession } from '../lib/session';
import { toApiError } from '../lib/use-api';
import '../curation.css';
import { SelectField, TextField, type FieldErrors } from './form-fields';

interface Props {
  /** The partner; by default the one of the page (partners/:id). */
  partner?: string;
  kind: ChangeKind;
  action: ChangeAction;
  /** The record's key, for an update or retire. */
  target?: string;
  /** Fields to start a new record with (e.g. the dialogue of a new round). */
  preset?: Record<string, unknown>;
  label?: string;
}

const ACTION_WORDS: Record<ChangeAction, string> = { add: 'Propose an addition', update: 'Propose a change', retire: 'Propose retiring it' };

/** Shown to those who may propose (analysts and above, or the single analyst); nothing for others. */
export function ProposeChangeButton(props: Props) {
  const { me } = useSession();
  const page = useParams().id;
  const [open, setOpen] = useState(false);
  const partner = (props.partner ?? page ?? '').toUpperCase();
  if (!me.permissions.includes('kb.propose') && me.principal.kind !== 'local') return null;
  const label = props.label ?? `${ACTION_WORDS[props.action]}…`;
  // A new round names its dialogue, so a partner's several "Propose a new round…" buttons are told apart when read out.
  const of = props.target ?? (typeof props.preset?.dialogue === 'string' ? `of ${props.preset.dialogue}` : undefined);
  return (
    <>
      <button type="button" className="button button-quiet propose-button" onClick={() => setOpen(true)} aria-label={`${label} (${KIND_WORDS[props.kind]}${of ? ` ${of}` : ''})`}>
        {label}
      </button>
      {open && <ProposeChangeDialog {...props} partner={partner} onClose={() => setOpen(false)} />}
    </>
  );
}

interface Round {
  dialogue: string;
  date: string;
  title: string;
  summary: string;
  ref: string;
  locator: string;
}

function ProposeChangeDialog({ partner, kind, action, target, preset, onClose }: Props & { partner: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const asForm = kind === 'meeting' && action === 'add';
  const [text, setText] = useState(action === 'add' ? JSON.stringify({ ...template(kind, partner), ...preset }, null, 2) : '');
  const [round, setRound] = useState<Round>({ dialogue: String(preset?.dialogue ?? ''), date: '', title: '', summary: '', ref: '', locator: '' });
  const [comment, setComment] = useState('');
  const [tlp, setTlp] = useState<CommentMarking | ''>('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<KbChange | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    if (action === 'add' || !target) return;
    const c = new AbortController();
    kbChanges
      .record(partner, kind, target, c.signal)
      .then((r) => setText(JSON.stringify(r.record, null, 2)))
      .catch((e: unknown) => !c.signal.aborted && setError(toApiError(e)));
    return () => c.abort();
  }, [partner, kind, action, target]);

  const errors: FieldErrors = new Map((error?.issues ?? []).map((i) => [i.path, i.message]));
  const roundRecord = () => ({ dialogue: round.dialogue, date: round.date, title: round.title, ...(round.summary ? { summary: round.summary } : {}), sources: round.ref || round.locator ? [{ ref: round.ref, locator: round.locator }] : [] });

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      let record: unknown;
      if (action !== 'retire') {
        if (asForm) record = roundRecord();
        else {
          try {
            record = JSON.parse(text) as unknown;
          } catch {
            throw new ApiError(400, 'invalid_change', 'The record is not valid JSON: check the quotes, commas and brackets', [{ path: 'record', message: 'not valid JSON' }]);
          }
        }
      }
      const change = await kbChanges.propose({ partner, kind, action, ...(record !== undefined ? { record } : {}), ...(target ? { target } : {}), ...(comment ? { comment } : {}), ...(tlp ? { commentTlp: tlp } : {}) });
      setDone(change);
    } catch (e) {
      setError(toApiError(e));
    }
    setBusy(false);
  };

  const set = (k: keyof Round) => (v: string) => setRound((r) => ({ ...r, [k]: v }));
  return (
    <dialog ref={dialog} className="confirm-dialog propose-dialog" aria-labelledby={`${id}-title`} onCancel={(e) => (e.preventDefault(), onClose())}>
      <h2 id={`${id}-title`}>
        {ACTION_WORDS[action]}: {KIND_WORDS[kind]}
        {target ? ` ${target}` : ''} ({partner})
      </h2>
      {done ? (
        <div role="status">
          <p>
            Proposed as <strong>{done.id}</strong>, pending review. An editor other than you approves or rejects it in the <Link to="/review">review queue</Link>; until then readers do not see it.
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {asForm ? (
            <>
              <TextField path="record.dialogue" label="Dialogue (id)" value={round.dialogue} onChange={set('dialogue')} errors={errors} required />
              <TextField path="record.date" label="Date of the round" type="date" value={round.date} onChange={set('date')} errors={errors} required />
              <TextField path="record.title" label="Which round, where" value={round.title} onChange={set('title')} errors={errors} required hint="As the source names it, e.g. 8th round, Tokyo" />
              <TextField path="record.summary" label="What it took up" value={round.summary} onChange={set('summary')} errors={errors} multiline />
              <TextField path="record.sources.0.ref" label="Source (a URL or a paper's key)" value={round.ref} onChange={set('ref')} errors={errors} required />
              <TextField path="record.sources.0.locator" label="Where in the source" value={round.locator} onChange={set('locator')} errors={errors} required hint="A section, page or the publisher's date" />
              {errors.get('record.sources') && <p className="field-error">{errors.get('record.sources')}</p>}
            </>
          ) : action === 'retire' ? (
            <pre className="record-preview">{text || 'Loading the record…'}</pre>
          ) : (
            <TextField path="record" label="Record (the fields of the data files, as JSON)" value={text} onChange={setText} errors={errors} multiline hint="Every record cites at least one source: a ref (URL or paper) and a locator" />
          )}
          <TextField path="comment" label={action === 'retire' ? 'Why it should be retired' : 'Comment for the reviewer'} value={comment} onChange={setComment} errors={errors} multiline required={action === 'retire'} />
          <SelectField path="commentTlp" label="Marking of the comment" value={tlp} onChange={(v) => setTlp(COMMENT_MARKINGS.find((m) => m === v) ?? '')} errors={errors} options={[['', 'none (public, like the knowledge base)'] as const, ...COMMENT_MARKINGS.map((v) => [v, `TLP:${v.toUpperCase()}`] as const)]} />
          {error && (
            <div className="notice notice-error" role="alert">
              <p>{error.message}</p>
              {error.issues.length > 0 && (
                <ul>
                  {error.issues.map((i) => (
                    <li key={i.path}>
                      {i.path}: {i.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Sending…' : 'Propose for review'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
