// On the incident page: who can see the incident, in plain words, and (for whoever may change it) the marking editor:
// the TLP level, the organisations an AMBER record is shared with, the named recipients of a RED one, and (editors
// and admins) the owner organisation. What the save would change shows before saving, including losing sight of it.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api';
import { organisation } from '../lib/account-form';
import { audienceWords, canSee, resolvedMarking } from '../lib/audience';
import { formFailure, knownFields } from '../lib/form-failure';
import { fromMarking, toMarkingInput } from '../lib/marking-form';
import { changeAllowance, isTeamMode } from '../lib/permissions';
import { useSession } from '../lib/session';
import { useFormSubmit } from '../lib/use-form-submit';
import { useStatus } from '../lib/use-status';
import type { StoredIncident } from '../toolbox-types';
import { FormErrorSummary } from './form-error-summary';
import { TextField } from './form-fields';
import { Guarded } from './guarded';
import { IncidentMarking } from './incident-marking';
import { OrganisationOptions } from './organisation-options';

interface Props {
  stored: StoredIncident;
  /** The save succeeded; `visible` says whether the person can still see the incident. */
  onSaved: (saved: StoredIncident, visible: boolean) => void;
}

export function IncidentAccess({ stored, onSaved }: Props) {
  const { me } = useSession();
  const [editing, setEditing] = useState(false);
  const status = useStatus();
  const toggle = useRef<HTMLButtonElement>(null);
  // Closing the editor without saving puts the person back on the button that opened it.
  const [cancelled, setCancelled] = useState(0);
  useEffect(() => {
    if (cancelled) toggle.current?.focus();
  }, [cancelled]);
  const id = useId();
  const m = stored.marking;
  const team = isTeamMode(me);

  return (
    <section className="card marking-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Who can see this incident</h2>
      <p data-testid="incident-audience">
        {audienceWords(m)}
        {m.owner ? `. Owned by ${m.owner}.` : '.'}
        {team ? '' : ' Sign-in is off on this server, so its one analyst sees every record; the level still says how far it may be shared.'}
      </p>
      <p className="status-line" role="status" tabIndex={-1} ref={status.ref}>
        {status.text}
      </p>
      {editing ? (
        <MarkingEditor
          id={`${id}-editor`}
          stored={stored}
          onCancel={() => {
            setEditing(false);
            setCancelled((n) => n + 1);
          }}
          onSaved={(saved, visible) => {
            setEditing(false);
            status.announce(`The marking is saved: ${audienceWords(saved.marking)}.`);
            onSaved(saved, visible);
          }}
        />
      ) : (
        <Guarded allowance={changeAllowance(me, m)} label="Change marking">
          <button
            type="button"
            className="button"
            ref={toggle}
            onClick={() => {
              status.clear();
              setEditing(true);
            }}
          >
            Change marking
          </button>
        </Guarded>
      )}
    </section>
  );
}

const LABELS = { tlp: 'TLP level', sharedWith: 'Shared with organisations', recipients: 'Named recipients', owner: 'Owner organisation' };

function MarkingEditor({ id, stored, onSaved, onCancel }: { id: string; stored: StoredIncident; onSaved: Props['onSaved']; onCancel: () => void }) {
  const { me } = useSession();
  const current = stored.marking;
  const [form, setForm] = useState(() => fromMarking(current));
  const [owner, setOwner] = useState(current.owner ?? '');
  const { busy, failure, summary, run, errors } = useFormSubmit();
  const orgs = useId();
  const formRef = useRef<HTMLFormElement>(null);
  // Opening the editor puts the person on the level chosen now.
  useEffect(() => formRef.current?.querySelector<HTMLInputElement>('input[name="tlp"]:checked')?.focus(), []);
  // src/core/marking/marking.ts: only editors and admins move a record to another organisation's ownership.
  const mayMove = me.permissions.includes('incident.update.any');
  const nextOwner = mayMove && owner.trim() ? organisation(owner) : current.owner;
  const preview = resolvedMarking(form, nextOwner, me, current);
  const visible = canSee(me, preview);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { ...toMarkingInput(form), ...(nextOwner && nextOwner !== current.owner ? { owner: nextOwner } : {}) };
    await run(
      async () => onSaved(await api.patchIncident(stored.id, input), visible),
      (err) =>
        formFailure(err, (path) => {
          const field = knownFields('tlp', 'sharedWith', 'recipients', 'owner')(path);
          return field === 'owner' && !mayMove ? 'tlp' : field;
        }),
    );
  };

  return (
    <form id={id} ref={formRef} className="marking-editor" onSubmit={submit} noValidate aria-busy={busy} aria-label="Change the marking">
      {failure && <FormErrorSummary ref={summary} title="The marking was not changed." failure={failure} labels={LABELS} />}
      <IncidentMarking value={form} onChange={setForm} errors={errors} teamMode={isTeamMode(me)} owner={nextOwner} offerDefault={false} ownerField={!mayMove} />
      {mayMove ? (
        <>
          <TextField
            path="owner"
            label={LABELS.owner}
            list={orgs}
            hint="The organisation whose users always see it at AMBER and AMBER+STRICT, and whose analysts may change it. A member state code (DE) or an EU body id (eeas)."
            value={owner}
            onChange={setOwner}
            errors={errors}
            autoComplete="off"
          />
          <OrganisationOptions id={orgs} />
        </>
      ) : (
        <p className="hint">Owned by {current.owner ?? 'no organisation'}; only editors and administrators move an incident to another organisation.</p>
      )}
      <div className="marking-preview" aria-live="polite" data-testid="marking-preview">
        <p>
          <strong>After saving:</strong> {audienceWords(preview)}.
        </p>
        {!visible && (
          <p className="notice notice-warning">You will no longer see this incident after saving: your account is not among those who may see it at this marking.</p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save marking'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
