// Dialogues across partners, filtered by partner, level, topic, status and year established.
import { toDate, yearOf, type IsoDate } from '../dates';
import { DialogueLevel, DialogueStatus, Topic } from '../vocabularies';
import type { Dataset } from './dataset';
import { checkFilter, checkYear, type YearRange } from './filters';
import { normalisePartnerId } from './partners';
import { dialogueView, type DialogueView } from './profile';

export interface DialogueQuery {
  partner?: string | undefined;
  level?: string | undefined;
  topic?: string | undefined;
  status?: string | undefined;
  year?: string | undefined;
}

export function queryDialogues(dataset: Dataset, query: DialogueQuery, asOf: IsoDate | undefined): DialogueView[] {
  const partner = query.partner ? normalisePartnerId(query.partner, dataset) : undefined;
  const level = checkFilter('level', query.level, DialogueLevel);
  const topic = checkFilter('topic', query.topic, Topic);
  const status = checkFilter('status', query.status, DialogueStatus);
  const year = checkYear('year', query.year, establishedYears(dataset, asOf));
  return dataset.dialogues
    .map((d) => dialogueView(d, asOf))
    .filter((d): d is DialogueView => d !== null)
    .filter((d) => !partner || d.partners.includes(partner))
    .filter((d) => !level || d.level === level)
    .filter((d) => !topic || d.topics.includes(topic))
    .filter((d) => !status || d.status === status)
    .filter((d) => year === undefined || (d.established !== null && yearOf(toDate(d.established)) === year))
    .sort((a, b) => a.partners.join().localeCompare(b.partners.join()) || a.name.localeCompare(b.name));
}

/** The years a dialogue of the data was established in: from the first one to the year read (a later year has none yet). */
function establishedYears(dataset: Dataset, asOf: IsoDate | undefined): YearRange | undefined {
  const years = dataset.dialogues.flatMap((d) => (d.established === undefined ? [] : [yearOf(toDate(d.established))]));
  if (!years.length) return undefined;
  const from = Math.min(...years);
  return { from, to: Math.max(from, asOf ? yearOf(asOf) : Math.max(...years)), what: "the years of the data's dialogues up to the date read" };
}
