// An incident's marking on its page: the TLP label, who may see the record, and who owns it.
import { audienceOf } from '../lib/tlp';
import type { RecordMarking } from '../toolbox-types';
import { TlpLabel } from './tlp-label';

export function IncidentMarkingNote({ marking, teamMode }: { marking: RecordMarking; teamMode: boolean }) {
  return (
    <p className="marking-note" data-testid="incident-marking">
      <TlpLabel level={marking.tlp} />
      <span>
        {audienceOf(marking)}
        {marking.owner ? ` Owned by ${marking.owner}.` : ''}
        {teamMode ? '' : ' Sign-in is off: this server shows every record to its one analyst.'}
      </span>
    </p>
  );
}
