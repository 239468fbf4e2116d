// Links between listed targets and the incident registry: an incident is linked to a target when its title names
// an operation the target's reasons name, or when a person or entity it identifies screens strongly as the target.
import { screenName, screeningIndex } from './screen';
import { screenedTarget, type SanctionsTarget } from './targets';

export interface RegistryIncident {
  id: string;
  title: string;
  /** The persons and entities the incident identifies. */
  names: readonly string[];
}

export interface IncidentLink {
  id: string;
  title: string;
  /** Why: the operation term found in the title, or the identified name that matched. */
  via: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function incidentLinks(targets: readonly SanctionsTarget[], incidents: readonly RegistryIncident[]): Map<string, IncidentLink[]> {
  const links = new Map<string, IncidentLink[]>(targets.map((t) => [t.id, []]));
  const add = (targetId: string, link: IncidentLink) => {
    const list = links.get(targetId);
    if (list && !list.some((l) => l.id === link.id)) list.push(link);
  };
  const terms = targets.flatMap((t) => t.operations.flatMap((o) => o.match.map((m) => ({ t: t.id, m, re: new RegExp(`(^|[^\\p{L}\\p{N}])${escape(m)}($|[^\\p{L}\\p{N}])`, 'iu') }))));
  const index = screeningIndex(targets.map((t) => screenedTarget(t, true)));
  for (const inc of incidents) {
    for (const { t, m, re } of terms) if (re.test(inc.title)) add(t, { id: inc.id, title: inc.title, via: `"${m}" in the title` });
    for (const n of inc.names) {
      for (const match of screenName(index, n)) if (match.strong) add(match.targetId, { id: inc.id, title: inc.title, via: `identifies "${n}"` });
    }
  }
  return links;
}
