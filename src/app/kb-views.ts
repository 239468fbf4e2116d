// The knowledge base's read views (the partners, a profile, dialogues, the instrument matrix, search, actors, strategies,
// areas of responsibility, a partner's changes since a date, a record as the files hold it) kept in the
// derived views' cache: each depends only on the dataset version (the search index is rebuilt in the transaction that
// moves it) and on the request's parameters, all of which are in the key. No date means today, and the key holds the
// date resolved when the view is asked for, so that a view of one day is never served the next. `…View` names a view
// (the server keeps its encoded answer); the plain functions answer its value.
import type { Principal } from '../core/auth/principal';
import type { DialogueQuery } from '../core/kb/dialogues';
import { clearanceKey, clearanceOf } from '../core/marking/clearance';
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

export const actorsView = (wb: Workbench, kind: string | undefined, asOf: string | undefined) => {
  const date = wb.asOf(asOf);
  return view(['actors', params(kind, date)], () => wb.actors(kind, date));
};
export const strategiesView = (wb: Workbench, asOf: string | undefined) => {
  const date = wb.asOf(asOf);
  return view(['strategies', params(date)], () => wb.strategies(date));
};
export const nationalStrategiesView = (wb: Workbench, asOf: string | undefined) => {
  const date = wb.asOf(asOf);
  return view(['national-strategies', params(date)], () => wb.nationalStrategies(date));
};
export const areasView = (wb: Workbench) => view(['areas', params()], () => wb.areas());
/**
 * What changed for a partner since a date: the facts (read up to today) and the published curated changes (publishing
 * moves the dataset version), a marked comment shown by the reader's clearance; keyed by the text asked for and today.
 */
export const changesSinceView = (wb: Workbench, p: Principal, id: string, since: string | undefined) =>
  view(['changes-since', params(id, since, wb.today(), JSON.stringify(clearanceKey(clearanceOf(p))))], () => wb.curation.changesSince(p, id, since));
/** A record as the published data files hold it (the seeded files and the published changes: the dataset version). */
export const recordView = (wb: Workbench, q: { partner?: string | undefined; kind?: string | undefined; target?: string | undefined }) =>
  view(['kb-record', params(q.partner, q.kind, q.target)], () => wb.curation.record(q));

export const partners = (wb: Workbench, asOf: string | undefined) => cachedView(wb, partnersView(wb, asOf));
export const partner = (wb: Workbench, id: string, asOf: string | undefined) => cachedView(wb, partnerView(wb, id, asOf));
export const matrix = (wb: Workbench, asOf: string | undefined) => cachedView(wb, matrixView(wb, asOf));
export const dialogues = (wb: Workbench, query: DialogueQuery, asOf: string | undefined) => cachedView(wb, dialoguesView(wb, query, asOf));
export const search = (wb: Workbench, q: string | undefined, opts: SearchOptions) => cachedView(wb, searchView(wb, q, opts));
export const actors = (wb: Workbench, kind: string | undefined, asOf: string | undefined) => cachedView(wb, actorsView(wb, kind, asOf));
export const strategiesOn = (wb: Workbench, asOf: string | undefined) => cachedView(wb, strategiesView(wb, asOf));
export const areas = (wb: Workbench) => cachedView(wb, areasView(wb));
export const changesSince = (wb: Workbench, p: Principal, id: string, since: string | undefined) => cachedView(wb, changesSinceView(wb, p, id, since));
