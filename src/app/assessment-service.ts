// The assessment use cases for the CLI and the API: validate the user's raw strings, read the rule files at the edge, call the core.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { comparePartners, parseComparisonIds, type Comparison } from '../core/assess/compare';
import { assessPartner, ranked, type Assessment } from '../core/assess/engine';
import { checkGapRules, findGaps, type GapReport } from '../core/assess/gaps';
import { assessHistory, checkSpan, parseHistoryYear, type AssessmentHistory } from '../core/assess/history';
import { parseGapsFile, type GapsFile } from '../core/assess/gaps-file';
import { parseWeights, type Weights } from '../core/assess/weights';
import { applyWeightChanges, extendsReviewed } from '../core/assess/weights-extends';
import { AppError, type ErrorCode } from '../core/errors';
import { listPartners, normalisePartnerId } from '../core/kb/partners';
import { parseNetworkFile, type NetworkFile } from '../core/network/network-file';
import { analyseNetwork, exportNetwork, parseNetworkFormat, type NetworkExport } from '../core/network/network';
import { buildTimeline, type Timeline } from '../core/timeline/timeline';
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DerivedCache } from './derived-cache';
import { FileStamps } from './file-stamps';
import type { Workbench } from './workbench';

/** Where the rules come from: the reviewed file by default, or a user's file (CLI) or parsed body (API). */
export interface WeightsChoice {
  /** Path of a YAML or JSON weights file given by the user. */
  weightsFile?: string | undefined;
  /** Weights already parsed from a request body. */
  weights?: unknown;
}

const ASSESSMENT_DIR = 'assessment';

/** One cache of derived views per workbench (per open database). */
const caches = new WeakMap<Workbench, DerivedCache>();
export function derivedCache(wb: Workbench): DerivedCache {
  let c = caches.get(wb);
  if (!c) {
    c = new DerivedCache();
    caches.set(wb, c);
  }
  return c;
}

/** A stable digest of rule data, for cache keys: equal content, equal key. */
const digests = new WeakMap<object, string>();
function digestOf(value: object): string {
  let d = digests.get(value);
  if (!d) {
    d = createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
    digests.set(value, d);
  }
  return d;
}

/** The reviewed weights, validated once per content of the file (callers never change a Weights object). */
const reviewedParsed = new Map<string, { stamp: string; weights: Weights }>();
/** The reviewed rule files of the data folder are looked at again at most every RECHECK_MS (file-stamps.ts). */
const reviewedStamps = new FileStamps();
const reviewedStamp = (file: string) => reviewedStamps.stamp(file);
/** A file named by the user (`--weights FILE`) is looked at on every use. */
const fileStamp = (file: string) => new FileStamps(0).stamp(file);

/** Rule files parsed once per content: re-read only when their size or modification time changes. */
const parsedFiles = new Map<string, { stamp: string; value: unknown }>();
function readRuleFile(file: string, code: ErrorCode, what: string): unknown {
  const stamp = fileStamp(file);
  if (stamp === undefined) throw new AppError(code, `${what} ${file} is missing or unreadable`, [{ path: 'file', message: 'not found' }]);
  const known = parsedFiles.get(file);
  if (known?.stamp === stamp) return structuredClone(known.value);
  const value = readRuleFileUncached(file, code, what);
  parsedFiles.set(file, { stamp, value });
  return structuredClone(value);
}

/** Reads a YAML (or JSON, which YAML reads too) file; every failure is one line under the given error code. */
function readRuleFileUncached(file: string, code: ErrorCode, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError(code, `${what} ${file} is missing or unreadable`, [{ path: 'file', message: 'not found' }]);
  }
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const where = first.linePos?.[0] ? ` at line ${first.linePos[0].line}, column ${first.linePos[0].col}` : '';
    throw new AppError(code, `${what} ${file} is not valid YAML or JSON${where}: ${first.message.split('\n')[0]}`, [{ path: 'file', message: 'unreadable' }]);
  }
  return doc.toJS();
}

const dataFile = (wb: Workbench, name: string) => path.join(wb.config.dataDir, ASSESSMENT_DIR, name);

export function loadWeights(wb: Workbench, choice: WeightsChoice = {}): Weights {
  if (choice.weights !== undefined) return parseUserWeights(wb, choice.weights, 'in the request body');
  if (choice.weightsFile !== undefined) {
    if (!choice.weightsFile.trim()) throw new AppError('invalid_weights', '--weights needs the path of a YAML or JSON weights file');
    return parseUserWeights(wb, readRuleFile(choice.weightsFile, 'invalid_weights', 'Weights file'), choice.weightsFile);
  }
  const file = dataFile(wb, 'weights.yaml');
  const stamp = reviewedStamp(file);
  const known = reviewedParsed.get(file);
  if (stamp !== undefined && known?.stamp === stamp) return known.weights;
  const { raw, name } = reviewedWeights(wb);
  try {
    const weights = parseWeights(raw, name);
    if (stamp !== undefined) reviewedParsed.set(file, { stamp, weights });
    return weights;
  } catch (error) {
    // The reviewed file is the product's own data: if it is broken, that is corrupt data, not the user's bad input.
    if (error instanceof AppError && error.code === 'invalid_weights') throw new AppError('corrupt_data', error.message, error.issues);
    throw error;
  }
}

function reviewedWeights(wb: Workbench): { raw: unknown; name: string } {
  const file = dataFile(wb, 'weights.yaml');
  return { raw: readRuleFile(file, 'corrupt_data', 'Data file'), name: path.relative(wb.config.dataDir, file) };
}

/** A whole weights file, or (with `extends: reviewed`) only the changes to the reviewed one. */
function parseUserWeights(wb: Workbench, raw: unknown, name: string): Weights {
  if (!extendsReviewed(raw)) return parseWeights(raw, name);
  return parseWeights(applyWeightChanges(reviewedWeights(wb).raw, raw as Record<string, unknown>, name), name);
}

/**
 * A reviewed rule file checked once per content (size and modification time), so that every request gets the same
 * object and its digest is computed once (callers never change it).
 */
const reviewedRules = new Map<string, { stamp: string; value: unknown }>();
function loadReviewed<T>(wb: Workbench, name: string, parse: (raw: unknown, name: string) => T): T {
  const file = dataFile(wb, name);
  const stamp = reviewedStamp(file);
  const known = reviewedRules.get(file);
  if (stamp !== undefined && known?.stamp === stamp) return known.value as T;
  const value = parse(readRuleFile(file, 'corrupt_data', 'Data file'), path.relative(wb.config.dataDir, file));
  if (stamp !== undefined) reviewedRules.set(file, { stamp, value });
  return value;
}

const loadGaps = (wb: Workbench): GapsFile => loadReviewed(wb, 'gaps.yaml', parseGapsFile);
const loadNetworkFile = (wb: Workbench): NetworkFile => loadReviewed(wb, 'network.yaml', parseNetworkFile);

/**
 * The dataset version every view is keyed by: read from the database after the caller asked, or after the request
 * arrived given its stamp (`arrived`), so another process's change counts (reads shared: version-reads.ts).
 */
function versionKey(wb: Workbench, arrived?: number): Promise<string> {
  return wb.versions.kb(arrived);
}

/** A derived view before it is looked up: its key (its kind first, the dataset version added at lookup) and its computation. */
export interface ViewSpec<T> {
  parts: readonly [string, ...(string | number | undefined | null)[]];
  compute: () => Promise<T> | T;
}

/**
 * Another form a view is kept in instead of its value (the server's encoded answer): named in the key, made once from
 * the value, which is then let go, and counted by its own size in the cache's bound.
 */
export interface ViewForm<F, T = unknown> {
  name: string;
  make: (value: T) => Promise<F>;
  size: (form: F) => number;
}

/**
 * The view `spec` names, for the dataset version read now. A view whose computation saw the version move (another
 * process published or re-seeded meanwhile) is answered but not kept: it may hold the newer data under the older
 * version's key, which a later re-seed of the older files could bring back.
 */
export async function cachedView<T>(wb: Workbench, spec: ViewSpec<T>): Promise<T> {
  const version = await versionKey(wb);
  const [kind, ...rest] = spec.parts;
  return derivedCache(wb).get([kind, version, ...rest], spec.compute, { keep: async () => (await versionKey(wb)) === version });
}

/**
 * The view `spec` names in the form `form` (kept in that form only, under the view's key and the form's name); with
 * `arrived`, a request's arrival stamp, for the dataset version of a read sent after the request arrived.
 */
export async function cachedForm<F, T>(wb: Workbench, spec: ViewSpec<T>, form: ViewForm<F, T>, arrived?: number): Promise<F> {
  const version = await versionKey(wb, arrived);
  const [kind, ...rest] = spec.parts;
  return derivedCache(wb).get([kind, version, ...rest, form.name], async () => form.make(await spec.compute()), {
    keep: async () => (await versionKey(wb)) === version,
    size: form.size,
  });
}

/** `assess ID` gives one assessment; without an id, every partner ranked by maturity. */
export function assessView(wb: Workbench, id: string | undefined, asOf: string | undefined, choice: WeightsChoice = {}): ViewSpec<Assessment | Assessment[]> {
  const date = wb.asOf(asOf);
  const partner = id === undefined ? undefined : normalisePartnerId(id);
  const weights = loadWeights(wb, choice);
  return {
    parts: ['assess', partner ?? '*', date, digestOf(weights)],
    compute: async () => {
      const dataset = await wb.kb.dataset();
      if (partner) return assessPartner(dataset, partner, date, weights);
      // assessAll's list, one partner at a time with other requests let in between: at world scale the whole takes
      // seconds of CPU, which in one call would hold every other request that long.
      const each: Assessment[] = [];
      for (const p of listPartners(dataset, date)) {
        each.push(assessPartner(dataset, p.id, date, weights));
        await nextTurn();
      }
      return ranked(each);
    },
  };
}
export const assess = async (wb: Workbench, id: string | undefined, asOf: string | undefined, choice: WeightsChoice = {}) => cachedView(wb, assessView(wb, id, asOf, choice));

/** The first year `assess ID --from --to` reads when it is not given; the last is this year, read as of today. */
export const HISTORY_DEFAULT_FROM = 2010;

/** `assess ID --from YEAR --to YEAR`: maturity and orientation at the end of each year, with what moved them. */
export function assessmentHistoryView(wb: Workbench, id: string, from: string | undefined, to: string | undefined): ViewSpec<AssessmentHistory> {
  const partner = normalisePartnerId(id);
  const first = parseHistoryYear('from', from, HISTORY_DEFAULT_FROM);
  const today = wb.today();
  const thisYear = Number(today.slice(0, 4));
  const last = parseHistoryYear('to', to, thisYear);
  // A year after this one would be read at its end, a date after today (as every dated read, refused: core/dates readDate).
  if (last > thisYear) {
    throw new AppError('invalid_filter', `to ${last} is after this year, ${thisYear}; give a year up to ${thisYear}`, [{ path: 'to', message: `at most ${thisYear}` }]);
  }
  checkSpan(first, last);
  const weights = loadWeights(wb);
  return { parts: ['assess-history', partner, first, last, today, digestOf(weights)], compute: async () => assessHistory(await wb.kb.dataset(), partner, first, last, weights, today) };
}
export const assessmentHistory = async (wb: Workbench, id: string, from: string | undefined, to: string | undefined) => cachedView(wb, assessmentHistoryView(wb, id, from, to));

export function networkView(wb: Workbench, format: string | undefined, asOf: string | undefined): ViewSpec<NetworkExport> {
  const date = wb.asOf(asOf);
  const chosen = parseNetworkFormat(format);
  const weights = loadWeights(wb);
  const file = loadNetworkFile(wb);
  return {
    parts: ['network', date, chosen, digestOf(weights), digestOf(file)],
    compute: async () => exportNetwork(analyseNetwork(await wb.kb.dataset(), date, weights, file), chosen),
  };
}
export const network = async (wb: Workbench, format: string | undefined, asOf: string | undefined) => cachedView(wb, networkView(wb, format, asOf));

export function timelineView(wb: Workbench, id: string | undefined, asOf: string | undefined): ViewSpec<Timeline> {
  const date = wb.asOf(asOf);
  const partner = id === undefined ? undefined : normalisePartnerId(id);
  return { parts: ['timeline', partner ?? '*', date], compute: async () => buildTimeline(await wb.kb.dataset(), partner, date) };
}
export const timeline = async (wb: Workbench, id: string | undefined, asOf: string | undefined) => cachedView(wb, timelineView(wb, id, asOf));

export function compareView(wb: Workbench, ids: string | readonly string[] | undefined, asOf: string | undefined, choice: WeightsChoice = {}): ViewSpec<Comparison> {
  const date = wb.asOf(asOf);
  const partners = parseComparisonIds(ids);
  const weights = loadWeights(wb, choice);
  return { parts: ['compare', partners.join(','), date, digestOf(weights)], compute: async () => comparePartners(await wb.kb.dataset(), partners, date, weights) };
}
export const compare = async (wb: Workbench, ids: string | readonly string[] | undefined, asOf: string | undefined, choice: WeightsChoice = {}) => cachedView(wb, compareView(wb, ids, asOf, choice));

export function gapsView(wb: Workbench, id: string, asOf: string | undefined): ViewSpec<GapReport> {
  const date = wb.asOf(asOf);
  const partner = normalisePartnerId(id);
  const rules = loadGaps(wb);
  return {
    parts: ['gaps', partner, date, digestOf(rules)],
    compute: async () => {
      const dataset = await wb.kb.dataset();
      checkGapRules(dataset, rules);
      return findGaps(dataset, partner, date, rules);
    },
  };
}
export const gaps = async (wb: Workbench, id: string, asOf: string | undefined) => cachedView(wb, gapsView(wb, id, asOf));

/** The reviewed weights, so that an analyst can start from them when writing another file. */
export function defaultWeights(wb: Workbench): Weights {
  return loadWeights(wb);
}

/** The reviewed weights file as a view, kept per its content's digest (its stamp is checked as loadWeights does). */
export function weightsView(wb: Workbench): ViewSpec<Weights> {
  const weights = loadWeights(wb);
  return { parts: ['weights', digestOf(weights)], compute: () => weights };
}
