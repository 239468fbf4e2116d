// Links between listed targets and the registry: an incident is linked to a target when its title names an
// operation the target's reasons name (with the place or victim a broad term needs, and dated within the operation's
// period), or when a person or entity it identifies screens strongly as the target; an imported threat actor when one
// of its names screens as one of the target's names.
import type { Operation } from './curation';
import { SCREENING_THRESHOLDS, screenName, screeningIndex } from './screen';
import { screenedTarget, type SanctionsTarget } from './targets';

export interface RegistryIncident {
  id: string;
  title: string;
  /** The persons and entities the incident identifies. */
  names: readonly string[];
  /** When it started and ended (YYYY-MM-DD), where known. */
  start?: string | undefined;
  end?: string | undefined;
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
/** Spaces, dashes and underscores: what titles put, or leave out, between the parts of one name. */
const SEPARATOR = /[\s\p{Pd}_]/u;
const SEPARATORS = '[\\s\\p{Pd}_]*';
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

/**
 * Where a term's spelling may break: at its own spaces and hyphens, between letters and digits (APT10, APT 10,
 * APT-10) and where a lower-case letter meets a capital (WannaCry, Wanna Cry). Elsewhere its letters must follow each
 * other, so "Conti" does not find "Con ti", nor "APT10" "APT 100".
 */
function termSource(term: string): string {
  const chars = [...term.trim()];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (SEPARATOR.test(c)) {
      if (!out.endsWith(SEPARATORS)) out += SEPARATORS;
      continue;
    }
    const prev = chars[i - 1];
    const breaks = prev !== undefined && !SEPARATOR.test(prev) && ((LETTER.test(prev) && DIGIT.test(c)) || (DIGIT.test(prev) && LETTER.test(c)) || (LOWER.test(prev) && UPPER.test(c)));
    out += (breaks ? SEPARATORS : '') + escape(c);
  }
  return out;
}

/** A term found as a whole word or words, in any case and with the breaks termSource allows (each term's expression made once). */
const termRes = new Map<string, RegExp>();
function termRe(m: string): RegExp {
  let re = termRes.get(m);
  if (!re) {
    re = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${termSource(m)})(?:$|[^\\p{L}\\p{N}])`, 'iu');
    termRes.set(m, re);
  }
  return re;
}

/** The term quoted, and the title's spelling of it when that differs by more than case. */
function found(term: string, title: string): string | null {
  const hit = termRe(term).exec(title)?.[1];
  if (hit === undefined) return null;
  return hit.toLowerCase() === term.toLowerCase() ? `"${term}"` : `"${term}" (as "${hit}")`;
}

/**
 * How far before an operation's period an incident may start and still be the operation: a campaign is often dated
 * from its first traces, found before the weeks the reasons name.
 */
export const PERIOD_LEAD_YEARS = 1;

const yearsBefore = (day: string, n: number) => `${String(Number(day.slice(0, 4)) - n).padStart(4, '0')}${day.slice(4)}`;
const periodText = (p: NonNullable<Operation['period']>) => (p.to ? `${p.from} to ${p.to}` : `from ${p.from}`);

/**
 * Whether an incident whose title holds `term` (spelt as termSource allows) is the operation, and why: a broad term
 * needs one of the operation's co-terms (`with`) in the title too, a title holding one of its `without` terms names
 * another operation, and the incident's dates (start to end) must meet the operation's period, the
 * period opened PERIOD_LEAD_YEARS earlier. An incident with no known date is linked, saying its date went unchecked;
 * an operation without a period is linked by its terms, saying so. Answers the `via`, or null for no link.
 */
export function operationMatch(op: Pick<Operation, 'with' | 'without' | 'period'>, term: string, inc: Pick<RegistryIncident, 'title' | 'start' | 'end'>): string | null {
  const named = found(term, inc.title);
  if (!named) return null;
  if (op.without?.some((w) => termRe(w).test(inc.title))) return null;
  const co = op.with?.map((w) => found(w, inc.title)).find((f) => f !== null);
  if (op.with && !co) return null;
  const said = `${named}${co ? ` with ${co}` : ''} in the title`;
  const p = op.period;
  if (!p) return `${said} (the operation has no period to check)`;
  const start = inc.start ?? inc.end;
  if (!start) return `${said}; no date known, so the period (${periodText(p)}) could not be checked`;
  // A recorded end before the start (seen in datasets) is read as no end.
  const end = inc.end && inc.end > start ? inc.end : start;
  if (end < yearsBefore(p.from, PERIOD_LEAD_YEARS) || (p.to !== undefined && start > p.to)) return null;
  const within = end >= p.from ? 'within' : 'within a year before';
  const dated = !inc.start ? `ended ${end}` : end > start ? `dated ${start} to ${end}` : `dated ${start}`;
  return `${said}, ${dated}, ${within} the period ${periodText(p)}`;
}

export function incidentLinks(targets: readonly SanctionsTarget[], incidents: readonly RegistryIncident[]): Map<string, IncidentLink[]> {
  const links = new Map<string, IncidentLink[]>(targets.map((t) => [t.id, []]));
  const add = (targetId: string, link: IncidentLink) => {
    const list = links.get(targetId);
    if (list && !list.some((l) => l.id === link.id)) list.push(link);
  };
  const terms = targets.flatMap((t) => t.operations.flatMap((o) => o.match.map((m) => ({ t: t.id, o, m, re: termRe(m) }))));
  const index = screeningIndex(targets.map((t) => screenedTarget(t, true)));
  for (const inc of incidents) {
    for (const { t, o, m, re } of terms) {
      if (!re.test(inc.title)) continue;
      const via = operationMatch(o, m, inc);
      if (via) add(t, { id: inc.id, title: inc.title, via });
    }
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
