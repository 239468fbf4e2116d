// The actors (EU bodies, partners, fora) and bendiek2018's areas of responsibility.
import { startedBy } from '../provenance';
import type { IsoDate } from '../dates';
import { ActorKind } from '../vocabularies';
import type { Dataset } from './dataset';
import { checkFilter } from './filters';

export function queryActors(dataset: Dataset, kind: string | undefined, asOf: IsoDate | undefined) {
  const k = checkFilter('kind', kind, ActorKind);
  return dataset.actors
    .filter((a) => !k || a.kind === k)
    .filter((a) => a.established === undefined || startedBy(a.established, asOf));
}

export function areasOfResponsibility(dataset: Dataset) {
  return dataset.framework.areasOfResponsibility;
}

export function strategies(dataset: Dataset, asOf: IsoDate | undefined) {
  return dataset.framework.strategies.filter((s) => startedBy(s.adopted, asOf));
}
