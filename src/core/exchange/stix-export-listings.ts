// The EU cyber-sanctions listings (Regulation (EU) 2019/796, Annex I) linked to an exported incident, as STIX 2.1
// objects other tools read: each listed person or entity an identity with the listing's legal acts, dates and
// statement of reasons as external references, and a relationship from the incident to it. Only listings the
// register links to an incident of the bundle go out, by the rule the sanctions register shows its links with
// (sanctions/links.ts); the import makes no record of them (the register is the product's own data).
import { incidentLinks } from '../sanctions/links';
import type { SanctionsTarget } from '../sanctions/targets';
import { stixIdFor } from './hash';
import type { RestateContext, RestatedIncident } from './stix-export-attributions';
import { tlpFor, tlpObject } from './tlp';

/** A listed natural person (Annex I, part A) is an individual, a legal person, entity or body (part B) an organisation (STIX 2.1 identity-class-ov). */
const LISTING_CLASS = { person: 'individual', entity: 'organization' } as const;

/** The listings are published in the Official Journal: TLP:CLEAR, whatever the incidents they are linked to. */
const CLEAR = tlpFor('2.0', 'clear')!;

const dayStart = (date: string) => `${date}T00:00:00.000Z`;
const later = (a: string, b: string) => (a > b ? a : b);

type ExternalReference = { source_name: string; external_id?: string; url?: string; description?: string };

const eurLex = (celex: string) => `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${celex}`;

/** When the listing was made, changed and ended, as the register knows it. */
function listingDates(t: SanctionsTarget): string {
  const parts = [`listed on ${t.since}`];
  if (t.amendedOn.length) parts.push(`entry amended on ${t.amendedOn.join(', ')}`);
  if (t.delistedOn) parts.push(`delisted on ${t.delistedOn}`);
  return parts.join('; ');
}

/**
 * The listing's legal acts, date and reasons as STIX external references: the regime's regulation with the annex
 * entry and the listing's dates, each listing act by its CELEX number (EUR-Lex's identifier), the statement of
 * reasons quoted with its citation. A listing round the reviewed data marks unverified says so, with its note.
 */
function listingReferences(t: SanctionsTarget): ExternalReference[] {
  const doubt = t.unverified ? ` (unverified${t.note ? `: ${t.note}` : ''})` : t.note ? ` (${t.note})` : '';
  const [framework, ...acts] = t.acts;
  const [frameworkCelex, ...actCelex] = t.celex;
  // A round whose act is not known (its number was not found) says so where the listing is given.
  const unknownAct = acts.length ? '' : `; the listing act is not recorded${doubt}`;
  const refs: ExternalReference[] = [
    { source_name: 'EUR-Lex', external_id: frameworkCelex, url: frameworkCelex ? eurLex(frameworkCelex) : undefined, description: `${framework ?? 'Regulation (EU) 2019/796'}, Annex I entry ${t.annexEntry}: ${listingDates(t)}${unknownAct}` },
    ...acts.map((title, n) => ({ source_name: 'EUR-Lex', external_id: actCelex[n], url: actCelex[n] ? eurLex(actCelex[n]) : undefined, description: `${title}: the listing act of ${t.since}${doubt}` })),
  ];
  refs.push({ source_name: 'EUR-Lex', external_id: frameworkCelex, url: t.reasons.url, description: `Statement of reasons, ${t.reasons.citation}: "${t.reasons.text}"` });
  return refs.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as ExternalReference);
}

/**
 * In STIX 2.1 terms a listed person or entity is an identity ("actual individuals, organizations, or groups"): the
 * annex names who they are, and its statement of reasons what the Council holds against them. Not a threat actor:
 * the listing is a legal act about a named person, not a profile of an adversary's behaviour, and an import that
 * reads threat actors as actors would make records of the register. The link to the incident is `related-to`, the
 * relationship every object may have: the register links a listing to an incident when the incident's title names an
 * operation the listing's reasons name, dated within its period (links.ts), or a person or entity it identifies screens strongly as the listed one, which
 * is no attribution of the incident by the Council.
 *
 * The identity is one per listing and marked TLP:CLEAR (the annex is public), shared by every incident linked to it;
 * the relationship says something of the incident and is marked as the incident, so nothing public names what the
 * reader was given under a stricter marking.
 */
export function restateListings(listings: readonly SanctionsTarget[], incidents: readonly RestatedIncident[], ctx: RestateContext): void {
  if (!listings.length || !incidents.length) return;
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const links = incidentLinks(
    listings,
    incidents.map((i) => ({ id: i.id, title: i.body.title, names: [...i.body.initiator.identifiedPersons, ...i.body.initiator.identifiedEntities], start: i.body.start, end: i.body.end })),
  );
  let marked = false;
  for (const t of listings) {
    const linked = links.get(t.id) ?? [];
    if (!linked.length) continue;
    if (!marked) ctx.put(tlpObject(CLEAR));
    marked = true;
    const id = stixIdFor('identity', `sanctions-listing:${t.id}`);
    const created = dayStart(t.since);
    const modified = dayStart([t.since, ...t.amendedOn, ...(t.delistedOn ? [t.delistedOn] : [])].reduce<string>(later, t.since));
    const others = [...new Set([...t.aliases, ...t.otherNames])].filter((n) => n !== t.name);
    ctx.put({
      type: 'identity',
      spec_version: '2.1',
      id,
      created,
      modified,
      name: t.name,
      identity_class: LISTING_CLASS[t.kind],
      description: [
        `Listed under the EU's cyber-sanctions regime, Regulation (EU) 2019/796, Annex I entry ${t.annexEntry}: ${listingDates(t)}.`,
        ...(others.length ? [`Other names: ${others.join('; ')}.`] : []),
        ...(t.summary ? [t.summary] : []),
      ].join(' '),
      external_references: listingReferences(t),
      object_marking_refs: [CLEAR.id],
    });
    for (const link of linked) {
      const incident = byId.get(link.id);
      if (!incident) continue;
      ctx.put({
        type: 'relationship',
        spec_version: '2.1',
        id: stixIdFor('relationship', `${incident.id}|sanctions-listing|${t.id}`),
        created: incident.created,
        modified: later(incident.modified, modified),
        relationship_type: 'related-to',
        source_ref: incident.stixId,
        target_ref: id,
        description: `EU cyber-sanctions listing linked to this incident: ${link.via}`,
        object_marking_refs: incident.refs,
      });
    }
  }
}
