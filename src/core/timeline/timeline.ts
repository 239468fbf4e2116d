// The timeline use case: events up to a date and the yearly count of active cyber-related dialogues, per partner or overall.
import type { IsoDate } from '../dates';
import type { Dataset } from '../kb/dataset';
import { requirePartner } from '../kb/partners';
import type { PartnerId } from '../vocabularies';
import { activeCyberDialoguesByYear, type YearCount } from './active-dialogues';
import { timelineEvents, type TimelineEvent } from './events';

export interface Timeline {
  partner: PartnerId | null;
  asOf: string | null;
  events: TimelineEvent[];
  activeCyberDialogues: YearCount[];
}

export function buildTimeline(dataset: Dataset, partner: string | undefined, asOf: IsoDate | undefined): Timeline {
  const id = partner ? requirePartner(dataset, partner).file.partner.id : undefined;
  return {
    partner: id ?? null,
    asOf: asOf ?? null,
    events: timelineEvents(dataset, id, asOf),
    activeCyberDialogues: activeCyberDialoguesByYear(dataset, id, asOf),
  };
}
