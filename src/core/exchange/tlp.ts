// The Traffic Light Protocol markings STIX uses: TLP 1.0, defined in STIX 2.1 itself (§7.2.1.4), and TLP 2.0,
// the OASIS CTI TC's property extension in cti-stix-common-objects (research notes on STIX, §3).
import type { TlpLevel as MarkingLevel } from '../marking/tlp';
import type { Marking, TlpLevel } from './records';

export interface TlpDefinition {
  id: string;
  version: '1.0' | '2.0';
  level: TlpLevel;
  name: string;
}

export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

export const TLP_MARKINGS: readonly TlpDefinition[] = [
  { version: '1.0', level: 'white', name: 'TLP:WHITE', id: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9' },
  { version: '1.0', level: 'green', name: 'TLP:GREEN', id: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da' },
  { version: '1.0', level: 'amber', name: 'TLP:AMBER', id: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82' },
  { version: '1.0', level: 'red', name: 'TLP:RED', id: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed' },
  { version: '2.0', level: 'clear', name: 'TLP:CLEAR', id: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487' },
  { version: '2.0', level: 'green', name: 'TLP:GREEN', id: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb' },
  { version: '2.0', level: 'amber', name: 'TLP:AMBER', id: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421' },
  { version: '2.0', level: 'amber+strict', name: 'TLP:AMBER+STRICT', id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003' },
  { version: '2.0', level: 'red', name: 'TLP:RED', id: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1' },
];

const BY_ID = new Map(TLP_MARKINGS.map((m) => [m.id, m]));

export function tlpById(id: string): TlpDefinition | undefined {
  return BY_ID.get(id);
}

export function tlpFor(version: '1.0' | '2.0', level: TlpLevel): TlpDefinition | undefined {
  return TLP_MARKINGS.find((m) => m.version === version && m.level === level);
}

/** The official marking-definition object of a TLP marking, as STIX 2.1 (1.0) and the extension (2.0) publish it. */
export function tlpObject(def: TlpDefinition): Record<string, unknown> {
  if (def.version === '1.0') {
    return {
      type: 'marking-definition',
      spec_version: '2.1',
      id: def.id,
      created: '2017-01-20T00:00:00.000Z',
      definition_type: 'tlp',
      name: def.name,
      definition: { tlp: def.level },
    };
  }
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: def.id,
    created: '2022-10-01T00:00:00.000Z',
    name: def.name,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: def.level } },
  };
}

/** Whether a marking may be shared beyond its recipients: only TLP:CLEAR and TLP:WHITE. */
export function isPublicMarking(marking: Marking | null): boolean {
  return marking?.tlp?.level === 'clear' || marking?.tlp?.level === 'white';
}

export function markingLabel(marking: Marking | null): string {
  if (!marking) return '';
  const parts = [marking.tlp ? `TLP:${marking.tlp.level.toUpperCase()}${marking.tlp.version === '1.0' ? ' (1.0)' : ''}` : '', ...marking.statements.map((s) => s.statement)];
  return parts.filter(Boolean).join('; ');
}

/**
 * The STIX marking a record is exported with: the one it came with while its TLP level still holds here, else the
 * TLP 2.0 marking of the level it has here (a default or a change made here), statements kept either way, so that
 * a recipient never gets a record marked lower than we hold it.
 */
export function exportMarking(source: Marking | null, level: MarkingLevel): Marking {
  const sourceLevel = source?.tlp ? (source.tlp.level === 'white' ? 'clear' : source.tlp.level) : undefined;
  if (source && sourceLevel === level) return source;
  const def = tlpFor('2.0', level);
  return { tlp: def ? { version: '2.0', level: def.level, id: def.id } : null, statements: source?.statements ?? [], unresolved: source?.unresolved ?? [] };
}
