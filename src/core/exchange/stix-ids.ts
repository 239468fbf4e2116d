// The ids of a STIX bundle as the import knows them: one entry per id text, made where the bundle first names the id
// (as an object's id or as a reference), holding everything the import learns of it: the object read with that id,
// the relationships from and to it, the record made of it. A reference is looked up once, where it is read; the
// mapping then goes from entry to entry instead of looking the same text up again for every question it asks.
import type { StixObject } from './stix-checks';
import type { TlpDefinition } from './tlp';

/** What the mapping keeps of every object: its type, name and TLP marking (copied content carries its marking). */
export interface NamedObject {
  type: string;
  name: string | undefined;
  tlp: TlpDefinition | undefined;
  /** The version read (`modified`, else `created`): a later object with the same id replaces it only when newer. */
  version: string;
}

export class StixId {
  /** The object read with this id (its newest version); none while the id is only referred to. */
  named: NamedObject | undefined = undefined;
  /** What is held of that object until the mapping, when it is of a type the mapping reads (stix-compact.ts). */
  held: StixObject | undefined = undefined;
  /** A held relationship's ends: the ids of its source_ref and target_ref. */
  source: StixId | undefined = undefined;
  target: StixId | undefined = undefined;
  /** The held relationships from this id, by relationship_type, in the bundle's order. */
  from: Map<string, StixId[]> | undefined = undefined;
  /** The held attributed-to relationships to this id. */
  attributedTo: StixId[] | undefined = undefined;
  /** The id of the record made from the object, once the mapping has made it. */
  recordId: string | undefined = undefined;
  /** Why the mapping read the object, the first reason, for the report (identities, locations, marking definitions). */
  readFor: string | undefined = undefined;

  constructor(readonly text: string) {}
}

/** One per import: the entry of every id text named in the bundle. */
export class StixIds {
  private readonly byText = new Map<string, StixId>();

  /** The entry of this id, made when the id is named for the first time. */
  entry(text: string): StixId {
    let id = this.byText.get(text);
    if (!id) this.byText.set(text, (id = new StixId(text)));
    return id;
  }

  /** The entry of this id if the bundle has named it. */
  find(text: unknown): StixId | undefined {
    return typeof text === 'string' ? this.byText.get(text) : undefined;
  }

  clear(): void {
    this.byText.clear();
  }
}
