// The knowledge base's read views (the partners, a profile, dialogues, the instrument matrix, search) kept in the
// derived views' cache: each depends only on the dataset version (the search index is rebuilt in the transaction that
// moves it) and on the request's parameters, all of which are in the key.
import type { DialogueQuery } from '../core/kb/dialogues';
import { cachedView } from './assessment-service';
import type { Workbench } from './workbench';

/** Parameters written as one JSON text, so that no value can shift into the next (a \0 in a query is legal). */
const params = (...values: (string | undefined)[]) => JSON.stringify(values);

export const partners = (wb: Workbench, asOf: string | undefined) => cachedView(wb, ['partners', params(asOf)], () => wb.partners(asOf));

export const partner = (wb: Workbench, id: string, asOf: string | undefined) => cachedView(wb, ['partner', params(id.toUpperCase(), asOf)], () => wb.partner(id, asOf));

export const matrix = (wb: Workbench, asOf: string | undefined) => cachedView(wb, ['matrix', params(asOf)], () => wb.matrix(asOf));

export const dialogues = (wb: Workbench, query: DialogueQuery, asOf: string | undefined) =>
  cachedView(wb, ['dialogues', params(query.partner, query.level, query.topic, query.status, query.year, asOf)], () => wb.dialogues(query, asOf));

export const search = (wb: Workbench, q: string | undefined, opts: { asOf?: string; partner?: string; kind?: string; limit?: string }) =>
  cachedView(wb, ['search', params(q, opts.asOf, opts.partner, opts.kind, opts.limit)], () => wb.search(q, opts));
