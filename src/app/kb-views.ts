// The knowledge base's read views (the partners, a profile, dialogues, the instrument matrix, search) kept in the
// derived views' cache: each depends only on the dataset version (the search index is rebuilt in the transaction that
// moves it) and on the request's parameters, all of which are in the key. No date means today, and the key holds the
// date resolved when the view is asked for, so that a view of one day is never served the next. `…View` names a view
// (the server keeps its encoded answer); the plain functions answer its value.
import type { DialogueQuery } from '../core/kb/dialogues';
import { cachedView, type ViewSpec } from './assessment-service';
import type { Workbench } from './workbench';

/** Parameters written as one JSON text, so that no value can shift into the next (a \0 in a query is legal). */
const params = (...values: (string | undefined)[]) => JSON.stringify(values);

const view = <T>(parts: ViewSpec<T>['parts'], compute: () => Promise<T>): ViewSpec<T> => ({ parts, compute });

type SearchOptions = { asOf?: string; partner?: string; kind?: string; limit?: string };

export const partnersView = (wb: Workbench, asOf: string | undefined) => {
  const date = wb.asOf(asOf);
  return view(['partners', params(date)], () => wb.partners(date));
};
export const partnerView = (wb: Workbench, id: string, asOf: string | undefined) => {
  const date = wb.asOf(asOf);
  return view(['partner', params(id.toUpperCase(), date)], () => wb.partner(id, date));
};
export const matrixView = (wb: Workbench, asOf: string | undefined) => {
  const date = wb.asOf(asOf);
  return view(['matrix', params(date)], () => wb.matrix(date));
};
export const dialoguesView = (wb: Workbench, query: DialogueQuery, asOf: string | undefined) => {
  const date = wb.asOf(asOf);
  return view(['dialogues', params(query.partner, query.level, query.topic, query.status, query.year, date)], () => wb.dialogues(query, date));
};
export const searchView = (wb: Workbench, q: string | undefined, opts: SearchOptions) => {
  const date = wb.asOf(opts.asOf);
  return view(['search', params(q, date, opts.partner, opts.kind, opts.limit)], () => wb.search(q, { ...opts, asOf: date }));
};

export const partners = (wb: Workbench, asOf: string | undefined) => cachedView(wb, partnersView(wb, asOf));
export const partner = (wb: Workbench, id: string, asOf: string | undefined) => cachedView(wb, partnerView(wb, id, asOf));
export const matrix = (wb: Workbench, asOf: string | undefined) => cachedView(wb, matrixView(wb, asOf));
export const dialogues = (wb: Workbench, query: DialogueQuery, asOf: string | undefined) => cachedView(wb, dialoguesView(wb, query, asOf));
export const search = (wb: Workbench, q: string | undefined, opts: SearchOptions) => cachedView(wb, searchView(wb, q, opts));
