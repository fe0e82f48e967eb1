import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { regularTarget, writeAtomically, writeFailure } from '../../io/atomic-write.ts';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import type { Article, EventRecord, Place } from '../../core/model.ts';
import { loadGazetteer, type Gazetteer } from '../gazetteer/gazetteer.ts';
import { startParallelIngest, type ParallelParts } from './parallel.ts';
import { removeSpill, SortedSpill, spillFile, spilledRecords } from './event-spill.ts';
import { createHeapGovernor } from './heap-governor.ts';
import { startEventsParquet, type ParquetRows } from '../parquet/events-parquet.ts';
import { assemblePlaces, runIngest, serializedChunks, sortInContractOrder, type ArticleReport, type ArticleWithText, type FoundPlace, type IngestResult } from './pipeline.ts';
import { applyCorrections, createCorrector, correctionsPath, readCorrections, type Applied, type CorrectionsFile } from '../corrections/corrections.ts';
import type { JudgeModel } from '../judge/judge.ts';
import { collect, readArticleText, readText } from '../../io/read-files.ts';
import { readJudgeFile } from '../judge/model-file.ts';
import { createOutputCheck, InputError, parseArticles, readCuratedPlaces, refuseInvalidOutput, refuseOutputProblems, type InputProblem } from '../../core/validate.ts';

export interface IngestPaths {
  articles: string;
  places: string;
  out: string;
}

export interface CuratedInputs {
  corpus: ArticleWithText[];
  places: Place[];
  notPlaces: string[];
}

/**
 * Reads and validates a corpus and its places; throws an InputError naming every bad file and field, all of them
 * at once (schema, missing texts, places outside their country).
 */
export function readInputs(paths: Omit<IngestPaths, 'out'>, gazetteer: Gazetteer | null = null): CuratedInputs {
  const problems: InputProblem[] = [];
  const curated = collect(problems, () => readCuratedPlaces(readText(paths.places), paths.places));
  if (curated) problems.push(...curated.problems);
  const index = collect(problems, () => readText(paths.articles));
  const parsed = index === null ? null : collect(problems, () => parseArticles(index, paths.articles));
  const articles: { file: string | null; article: Article | null }[] = parsed ? parsed.map((article) => ({ file: article.file, article })) : index === null ? [] : filesNamed(index).map((file) => ({ file, article: null }));
  const folder = dirname(paths.articles);
  const corpus: ArticleWithText[] = [];
  // With a record of articles.json wrong, the texts of the others are still checked: every problem at once.
  articles.forEach((entry, i) => {
    if (entry.file === null) return;
    const file = entry.file;
    const text = collect(problems, () => readArticleText(folder, file, `${paths.articles}: [${i}].file`));
    if (text !== null && entry.article) corpus.push({ article: entry.article, text });
  });
  if (curated && gazetteer) problems.push(...placesOutsideTheirCountry(curated.places, gazetteer, paths.places));
  if (problems.length || !curated) throw new InputError(sortProblems(problems, paths));
  return { corpus, places: curated.places, notPlaces: curated.notPlaces };
}

/** The `file` of each record of an articles.json that failed its schema, by position (null where it is no string). */
function filesNamed(text: string): (string | null)[] {
  let records: unknown;
  try {
    records = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  if (!Array.isArray(records)) return [];
  return records.map((r: unknown) => (typeof r === 'object' && r !== null && typeof (r as { file?: unknown }).file === 'string' ? (r as { file: string }).file : null));
}

/**
 * Curated points that lie in another country than the one they declare (a swapped longitude and latitude puts
 * Kyiv in Iran). A point in no country's outline (at sea, on a coast the 1:50m outlines cut) is let be, and so
 * is one within BORDER_KM of a town of its own country (a border crossing on the line the outlines simplify).
 */
export function placesOutsideTheirCountry(places: readonly Place[], gazetteer: Gazetteer, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const countries = gazetteer.countries().map((e) => e.country);
  for (const place of places) {
    const own = gazetteer.countryShape(place.country);
    if (!own || booleanPointInPolygon(place.lngLat, own)) continue;
    const other = countries.find((c) => {
      const shape = c === place.country ? null : gazetteer.countryShape(c);
      return shape !== null && booleanPointInPolygon(place.lngLat, shape);
    });
    if (!other || nearTownOf(gazetteer, place)) continue;
    const [lng, lat] = place.lngLat;
    const swapped = Math.abs(lat) <= 180 && Math.abs(lng) <= 90 && booleanPointInPolygon([lat, lng], own);
    problems.push({ file, field: `place "${place.id}".geometry.coordinates`, message: `[${lng}, ${lat}] lies in ${other}, not in ${place.country}${swapped ? ` (longitude and latitude swapped? [${lat}, ${lng}] lies in ${place.country})` : ''}` });
  }
  return problems;
}

/** Whether a town of the place's own country lies within BORDER_KM of it. */
function nearTownOf(gazetteer: Gazetteer, place: Place): boolean {
  for (let i = 0; i < gazetteer.size; i++) {
    const e = gazetteer.entry(i);
    if (e.country === place.country && (e.kind === 'city' || e.kind === 'town') && distance(e.lngLat, place.lngLat) <= BORDER_KM) return true;
  }
  return false;
}

const BORDER_KM = 25; // how far a curated point may stray over a border, to a town of its own country

export interface IngestRun extends IngestResult {
  count: number;
  /** What corrections.json did: events checked by a person, corrected, removed as wrong, and the corrections not applied. */
  corrections: Omit<Applied, 'events'>;
}

/**
 * Runs the pipeline from files to file, with the embedded gazetteer unless `gazetteer` is false, and the judge of
 * models/judge.json unless `judge` is null (the rules alone) or another. The output is
 * validated, written to a fresh temporary file beside it, then renamed over the old one.
 */
export function ingestFiles(paths: IngestPaths, options: { gazetteer?: boolean; judge?: JudgeModel | null } = {}): IngestRun {
  const gazetteer = options.gazetteer === false ? null : loadGazetteer();
  const judge = options.judge === undefined ? readJudgeFile() : options.judge;
  const { corpus, places, notPlaces } = readInputs(paths, gazetteer);
  checkOutput(paths, corpus);
  const corrections = readCorrections(paths.articles);
  const result = runIngest(corpus, places, { gazetteer, notPlaces, judging: judge ? { judge } : undefined });
  return finishRun(paths, corpus, places, result, corrections);
}

/** What a run wrote, without its events (which a large run never holds at once): for the command's report. */
export interface IngestSummary {
  count: number;
  /** Events at or above the judge's threshold; all of them when no judge decided. */
  shown: number;
  places: FoundPlace[];
  report: ArticleReport[];
  threshold?: number;
  corrections: Omit<Applied, 'events'>;
}

export function summaryOf(run: IngestRun): IngestSummary {
  const { events, ...rest } = run;
  return { ...rest, shown: events.filter((e) => run.threshold === undefined || (e.confidence ?? 1) >= run.threshold).length };
}

/**
 * As `ingestFiles`, with the articles spread over worker threads when the corpus is large (see parallel.ts), and
 * the events spilled to disk as they are read and merged in the contract's order as they are written (see
 * finishSpilledRun), so that memory follows one article's events, not the corpus's; with `parquet`, they are
 * written as Parquet too, as they are written (events-parquet.ts).
 */
export async function ingestFilesInParallel(paths: IngestPaths, options: { gazetteer?: boolean; threads?: number; explain?: boolean; judge?: JudgeModel | null; parquet?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<IngestSummary> {
  const useGazetteer = options.gazetteer !== false;
  const judge = options.judge === undefined ? readJudgeFile() : options.judge;
  let inputs: CuratedInputs;
  try {
    inputs = readInputs(paths, null); // the workers start before the gazetteer is loaded here
  } catch (error) {
    if (error instanceof InputError && useGazetteer) readInputs(paths, loadGazetteer()); // throws them all, country checks too
    throw error;
  }
  const { corpus, places, notPlaces } = inputs;
  checkOutput(paths, corpus);
  const corrections = readCorrections(paths.articles); // read before the work: a bad file stops the run at once
  const spillTo = dirname(resolve(paths.out));
  const folder = dirname(paths.articles);
  const parallel = startParallelIngest(corpus, places, { gazetteer: useGazetteer, notPlaces, threads: options.threads, explain: options.explain ?? false, judge, onProgress: options.onProgress, spillTo, folder });
  // The workers read their shares' texts from the files; they are read again here for the end (corrections and the
  // output's check need them), not held meanwhile: a run's memory is then one copy of each text at most.
  for (let i = parallel.ownCount; i < corpus.length; i++) corpus[i] = { article: corpus[i].article, text: '' };
  const gazetteer = useGazetteer ? loadGazetteer() : null;
  const outside = gazetteer ? placesOutsideTheirCountry(places, gazetteer, paths.places) : [];
  if (outside.length) {
    await parallel.cancel();
    throw new InputError(outside);
  }
  const read = await parallel.finish(gazetteer);
  for (let i = parallel.ownCount; i < corpus.length; i++) corpus[i].text = readArticleText(folder, corpus[i].article.file, `${paths.articles}: [${i}].file`);
  let parquet: ParquetRows | undefined;
  const also = options.parquet === undefined ? undefined : (kept: FoundPlace[]) => (parquet = startEventsParquet(options.parquet!, corpus.map((c) => c.article), places, kept));
  let summary: IngestSummary;
  try {
    summary = finishSpilledRun(paths, corpus, places, { ...read, threshold: judge?.threshold }, corrections, also);
  } catch (error) {
    parquet?.abort();
    throw error;
  }
  await parquet?.finish(judge?.threshold);
  return summary;
}

/** Refuses an output path that is one of the inputs (the articles, the places, an article's text): writing there would destroy it. */
export function checkOutput(paths: IngestPaths, corpus: readonly ArticleWithText[]): void {
  try {
    regularTarget(resolve(paths.out)); // a device or FIFO is refused before the work, not after it
  } catch (error) {
    throw new InputError([{ file: paths.out, field: '(file)', message: writeFailure(error) }]);
  }
  if (!existsSync(paths.out)) return;
  const out = realpathSync(paths.out);
  const folder = dirname(paths.articles);
  const inputs = [paths.articles, paths.places, ...corpus.map(({ article }) => join(folder, article.file))];
  const same = inputs.find((input) => existsSync(input) && realpathSync(input) === out);
  if (same !== undefined) throw new InputError([{ file: paths.out, field: '(file)', message: `is an input (${same}); choose another output file` }]);
}

/** The corpus's corrections applied to an ingest's result, the output checked against the contract, then written. */
export function finishRun(paths: IngestPaths, corpus: readonly ArticleWithText[], places: readonly Place[], raw: IngestResult, corrections: CorrectionsFile): IngestRun {
  const texts = new Map(corpus.map(({ article, text }) => [article.id, text]));
  const { events, ...applied } = applyCorrections(raw.events, corrections, texts, new Set([...places.map((p) => p.id), ...raw.places.map((p) => p.id)]), correctionsPath(paths.articles));
  const used = new Set(events.map((e) => e.place));
  const result: IngestResult = { ...raw, events: sortInContractOrder(events), places: raw.places.filter((p) => used.has(p.id)) };
  refuseInvalidOutput(result, paths.out, { places: new Set(places.map((p) => p.id)), texts });
  write(paths.out, serializedChunks(result));
  return { ...result, count: result.events.length, corrections: applied };
}

/**
 * As `finishRun`, for events spilled as they were read (parallel.ts): each is read back once, given its place's
 * id and its correction, and spilled again with its key in the contract's order; then they are written in that
 * order, each checked against the contract as it goes (a problem stops the write before the output is replaced),
 * and given to `also` (made with the places kept), if asked, in the same order. The spills are removed, whatever
 * happens; the bytes are finishRun's.
 */
export function finishSpilledRun(paths: IngestPaths, corpus: readonly ArticleWithText[], places: readonly Place[], read: ParallelParts & { threshold?: number }, corrections: CorrectionsFile, also?: (places: FoundPlace[]) => { add(event: EventRecord): void }): IngestSummary {
  const texts = new Map(corpus.map(({ article, text }) => [article.id, text]));
  const { ids, found } = assemblePlaces(read.parts, places);
  const placeIds = new Set([...places.map((p) => p.id), ...found.map((p) => p.id)]);
  const corrector = createCorrector(corrections, texts, placeIds, correctionsPath(paths.articles));
  const sortedFile = spillFile(dirname(resolve(paths.out)));
  try {
    const sorted = new SortedSpill(sortedFile, texts.keys(), placeIds);
    const used = new Set<string>();
    const govern = createHeapGovernor();
    let n = 0;
    for (const file of read.spills) {
      for (const raw of spilledRecords<EventRecord>(file)) {
        if (++n % GOVERN_EVERY === 0) govern();
        raw.place = ids.get(raw.place) ?? raw.place;
        const event = corrector.apply(raw);
        if (event === null) continue;
        used.add(event.place);
        sorted.add(event, event);
      }
      removeSpill(file);
    }
    const kept = found.filter((p) => used.has(p.id));
    const check = createOutputCheck(kept, paths.out, { places: new Set(places.map((p) => p.id)), texts });
    const copy = also?.(kept);
    let shown = 0;
    function* checked(): Generator<EventRecord> {
      let i = 0;
      for (const event of sorted.sorted<EventRecord>()) {
        if (i % GOVERN_EVERY === 0) govern();
        check.event(event, i++);
        copy?.add(event);
        if (read.threshold === undefined || (event.confidence ?? 1) >= read.threshold) shown++;
        yield event;
      }
      refuseOutputProblems(check.finish());
    }
    write(paths.out, serializedChunks({ threshold: read.threshold, events: { count: sorted.count, records: checked() }, places: kept }));
    return { count: sorted.count, shown, places: kept, report: read.parts.map((p) => p.report), threshold: read.threshold, corrections: corrector.finish() };
  } finally {
    for (const file of [...read.spills, sortedFile]) removeSpill(file);
  }
}

const GOVERN_EVERY = 1024; // events between looks at the heap (see heap-governor.ts)

/** Writes the output atomically; a failure to write names the file (an InputError from the chunks is thrown as it is). */
function write(out: string, chunks: Iterable<string>): void {
  try {
    writeAtomically(out, chunks, 'events');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file: out, field: '(file)', message: writeFailure(error) }]);
  }
}

/** Problems in a stable order: the places file's first, then the articles'. */
function sortProblems(problems: InputProblem[], paths: Omit<IngestPaths, 'out'>): InputProblem[] {
  const rank = (p: InputProblem) => (p.file === paths.places ? 0 : 1);
  return problems.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map(({ p }) => p);
}

