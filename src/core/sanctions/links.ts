// Links between listed targets and the registry: an incident is linked to a target when its title names an
// operation the target's reasons name, or when a person or entity it identifies screens strongly as the target; an
// imported threat actor when one of its names screens as one of the target's names.
import { SCREENING_THRESHOLDS, screenName, screeningIndex } from './screen';
import { screenedTarget, type SanctionsTarget } from './targets';

export interface RegistryIncident {
  id: string;
  title: string;
  /** The persons and entities the incident identifies. */
  names: readonly string[];
}

/** A threat actor of the registry (imported from STIX, EuRepoC or CFR). */
export interface RegistryActor {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface ActorLink {
  id: string;
  name: string;
  /** The actor's name that matched, and the target's name it matched. */
  via: string;
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

/**
 * An actor is linked to a target when one of its names screens as one of the target's names, its group names
 * included (score at least the group cap: APT28 links the GRU's 85th centre and the officers its reasons place in it).
 */
export function actorLinks(targets: readonly SanctionsTarget[], actors: readonly RegistryActor[]): Map<string, ActorLink[]> {
  const links = new Map<string, ActorLink[]>(targets.map((t) => [t.id, []]));
  const index = screeningIndex(targets.map((t) => screenedTarget(t, true)));
  for (const a of actors) {
    for (const n of [a.name, ...a.aliases]) {
      for (const m of screenName(index, n)) {
        const list = links.get(m.targetId);
        if (m.score >= SCREENING_THRESHOLDS.weakCap && list && !list.some((l) => l.id === a.id)) list.push({ id: a.id, name: a.name, via: `"${n}" matches "${m.matchedOn}"` });
      }
    }
  }
  return links;
}
