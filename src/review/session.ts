import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import distance from '@turf/distance';
import * as v from 'valibot';
import { parseDay } from '../core/day.ts';
import { formatRange } from '../core/format.ts';
import type { EventRecord, Place } from '../core/model.ts';
import { ISO_DAY, InputError, formatProblem, parseEvents } from '../core/validate.ts';
import { compileDataset, type CompiledFiles } from '../data/compile.ts';
import { corpusStories } from '../data/compile-stories.ts';
import type { CompiledMeta } from '../data/compiled-format.ts';
import { writeAtomically, writeFailure } from '../io/atomic-write.ts';
import { CORRECTIONS_FORMAT, WRONG_REASONS, correctionsPath, readCorrections, type Correction, type CorrectionsFile } from '../ingest/corrections/corrections.ts';
import { LockTimeoutError, withFileLock } from '../io/file-lock.ts';
import { ingestFiles, readInputs, type IngestRun } from '../ingest/run/files.ts';
import { readText } from '../io/read-files.ts';
import { loadGazetteer, type GazetteerEntry } from '../ingest/gazetteer/gazetteer.ts';
import { nameKey, plainName } from '../ingest/gazetteer/normalize.ts';
import type { JudgeModel } from '../ingest/judge/judge.ts';
import { freeId, kebab, writeDecision, type ReviewPaths } from '../ingest/places/places-review.ts';
import { squash } from '../ingest/eval/score.ts';
import type { PlaceHit } from '../core/review-api.ts';

/**
 * One review on the map (`npm run review`): a corpus ingested, compiled for the app, and changed by what a person
 * decides there — a correction appended to corrections.json, a place settled in the curated file, the last change
 * undone — each followed by an ingest and a compile, so the page reloads its data in place.
 *
 * Every write carries the version the page was showing (a hash of corrections.json and the curated file). A stale
 * version is merged when the writes made since touch none of the events this one does; else it is refused with 409
 * ("reload"), so that two tabs never lose each other's changes.
 */
export interface ReviewCorpus {
  articles: string;
  places: string;
}

/** What a request may ask, checked at the boundary (the server parses the JSON, this its shape). */
const Version = v.pipe(v.string(), v.minLength(1, 'must be the version the page shows'));
const EventId = v.pipe(v.string(), v.minLength(1, 'must be an event id'), v.maxLength(200, 'is too long'));
export const CorrectionRequest = v.variant('action', [
  v.object({ version: Version, event: EventId, action: v.literal('right') }),
  v.object({ version: Version, event: EventId, action: v.literal('wrong'), reason: v.picklist(WRONG_REASONS, `must be one of ${WRONG_REASONS.join(', ')}`) }),
  v.object({ version: Version, event: EventId, action: v.literal('move'), to: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) }),
  v.object({ version: Version, event: EventId, action: v.literal('date'), start: ISO_DAY, end: ISO_DAY }),
], 'action: must be one of right, wrong, move, date');
export const PlaceRequest = v.object({ version: Version, place: v.pipe(v.string(), v.minLength(1), v.maxLength(200)), decision: v.picklist(['accept', 'choose', 'reject'] as const, 'must be one of accept, choose, reject'), ref: v.optional(v.pipe(v.string(), v.maxLength(200))) });
export const UndoRequest = v.object({ version: Version });

/** A request the session refuses: its HTTP status and what to tell the person (`reload`: the page is out of date). */
export class RequestError extends Error {
  constructor(readonly status: number, message: string, readonly reload = false) {
    super(message);
  }
}

/** What a write answers: the new version, what it did, what changed in the events, and the counts. */
export interface Answer {
  version: string;
  said: string;
  changes: { gone: number; came: number; moved: number; redated: number; checked: number };
  counts: { events: number; checked: number; corrected: number; unchecked: number; removed: number };
  /** Corrections the ingest could not apply, a line each. */
  unmatched: string[];
}

export type { PlaceHit };

const KEPT_VERSIONS = 100; // versions remembered for stale writes; an older page is told to reload
const SEARCH_RESULTS = 20;
const NEAR_KM = 60; // how far from a point clicked on the map a place is offered
const FRAME_KM = 1000; // how near one of the article's other places a gazetteer entry searched by name is offered first
const PREFIX_FROM = 3; // characters of a name typed from which the names it begins are offered too
const PREFIX_KEYS = 2000; // name keys read for them, at most
const EVERYTHING = Symbol('every event'); // what a change made outside the review (a terminal, an editor) touched

interface Snapshot {
  version: string;
  events: EventRecord[];
  /** The events the write that made this version touched, by correctionKey. */
  touched: Set<string> | typeof EVERYTHING;
}

/** A session on a corpus: `open` ingests it (with the judge given, or none) and compiles it. */
export function openSession(corpus: ReviewCorpus, judge: JudgeModel | null) {
  const paths: ReviewPaths = { articles: corpus.articles, places: corpus.places, events: join(dirname(corpus.articles), 'events.json') };
  const correctionsFile = correctionsPath(corpus.articles);
  const history: Snapshot[] = [];
  /** The session's own changes of the curated file, newest last, for Undo: the text before and after each. */
  const placeChanges: { before: string; after: string; version: string }[] = [];
  /** The curated file before and after a Move of this run added a gazetteer place to it, by the move's correction (moveKey). */
  const addedByMove = new Map<string, { before: string; after: string }>();
  let compiled: CompiledFiles = new Map();
  let run: IngestRun | null = null;
  let curated: Place[] = [];
  /** The places the last ingest found in the gazetteer (events.json's `places`). */
  let found: Place[] = [];

  const diskVersion = () => versionOf(existsSync(correctionsFile) ? readText(correctionsFile) : '', readText(paths.places));
  const current = () => history[history.length - 1];

  /** Ingests and compiles the corpus as it is on disk now; the snapshot it makes touched `touched`. */
  const refresh = (touched: Snapshot['touched']) => {
    run = ingestFiles({ articles: paths.articles, places: paths.places, out: paths.events }, { judge });
    const events = readText(paths.events);
    const { corpus: texts, places } = readInputs(corpus);
    curated = places;
    found = parseEvents(events, paths.events, { places: new Set(places.map((p) => p.id)), articles: new Set(texts.map((t) => t.article.id)) }).places;
    const byFile = new Map(texts.map(({ article, text }) => [article.file, Buffer.from(text)]));
    compiled = compileDataset({ articles: readText(paths.articles), places: readText(paths.places), events, text: (file) => byFile.get(file) ?? null });
    compiled.set('stories.json', storiesOf(paths.articles, compiled));
    history.push({ version: diskVersion(), events: (JSON.parse(events) as { events: EventRecord[] }).events, touched });
    if (history.length > KEPT_VERSIONS) history.shift();
  };

  /**
   * The snapshot the page's version names, after checking that nothing outside the review changed the files; a
   * RequestError(409) when the page is too old to be merged with.
   */
  const snapshotOf = (version: string): Snapshot => {
    if (diskVersion() !== current().version) refresh(EVERYTHING);
    const found = history.find((s) => s.version === version);
    if (!found) throw new RequestError(409, 'The corrections or the places changed since this page was loaded: reload it to see them.', true);
    return found;
  };
  /** Refuses a stale write whose events (by correctionKey) a later write touched. */
  const refuseConflict = (since: Snapshot, keys: readonly string[]) => {
    for (const later of history.slice(history.indexOf(since) + 1)) {
      if (later.touched === EVERYTHING || keys.some((k) => (later.touched as Set<string>).has(k))) {
        throw new RequestError(409, 'Another tab changed this event since this page was loaded: reload it to see that change, then decide again.', true);
      }
    }
  };
  const eventIn = (snapshot: Snapshot, id: string) => {
    const event = snapshot.events.find((e) => e.id === id);
    if (!event) throw new RequestError(snapshot === current() ? 404 : 409, `no event "${id}" in this version of the data`, snapshot !== current());
    return event;
  };
  const placesNow = (): Place[] => [...curated, ...found];

  const answer = (before: EventRecord[], said: string): Answer => {
    const applied = run!.corrections;
    const after = current().events;
    return {
      version: current().version,
      said,
      changes: compare(before, after),
      counts: { events: after.length, checked: applied.checked, corrected: applied.corrected, unchecked: after.length - applied.checked, removed: applied.removed },
      unmatched: applied.unmatched.map(formatProblem),
    };
  };

  /** Writes corrections.json (its version raised by one) with `change` made to its list, under its lock. */
  const writeCorrections = (change: (list: Correction[]) => Correction[]) =>
    locked(correctionsFile, () => {
      const file: CorrectionsFile = readCorrections(paths.articles);
      const next = { format: CORRECTIONS_FORMAT, version: file.version + 1, corrections: change(file.corrections) };
      try {
        writeAtomically(correctionsFile, [`${JSON.stringify(next, null, 2)}\n`], 'corrections');
      } catch (error) {
        throw new InputError([{ file: correctionsFile, field: '(file)', message: writeFailure(error) }]);
      }
    });

  refresh(new Set());

  return {
    paths,
    /** The version the page shows now. */
    version: () => current().version,
    /** Whether Undo has anything to take back: a decision about a place of this run, or a correction in corrections.json. */
    undoable: (): boolean => (placeChanges.at(-1)?.version === current().version) || readCorrections(paths.articles).corrections.length > 0,
    /** The compiled files the app fetches from `data/`. */
    compiled: () => compiled,
    /** What the first ingest said: events, checked, unmatched corrections. */
    run: () => run!,

    /** Appends a correction of one event and ingests. */
    correct(body: v.InferOutput<typeof CorrectionRequest>): Answer {
      const snapshot = snapshotOf(body.version);
      const event = eventIn(snapshot, body.event);
      const key = correctionKey(event.article, event.quote, event.place);
      refuseConflict(snapshot, [key]);
      const base = { article: event.article, quote: event.quote, place: event.place, at: new Date().toISOString() };
      const where = `${named(event.place)}, ${readableDays(event.start, event.end)}`;
      let correction: Correction;
      let said: string;
      if (body.action === 'right') [correction, said] = [{ ...base, action: 'right' }, `Checked: the event at ${where} is right.`];
      else if (body.action === 'wrong') [correction, said] = [{ ...base, action: 'wrong', reason: body.reason }, `Marked wrong (${body.reason.replace(/-/g, ' ')}): the event at ${where} leaves the map.`];
      else if (body.action === 'date') {
        if (parseDay(body.end)! < parseDay(body.start)!) throw new RequestError(400, 'end: is before start');
        correction = { ...base, action: 'date', from: { start: event.start, end: event.end }, to: { start: body.start, end: body.end } };
        said = `Re-dated: the event at ${where} is now ${readableDays(body.start, body.end)}.`;
      } else {
        const { id: to, added } = placeToMoveTo(body.to);
        if (to === event.place) throw new RequestError(400, `to: the event is at "${to}" already`);
        correction = { ...base, action: 'move', to };
        if (added) addedByMove.set(moveKey(correction), added);
        said = `Moved: the event at ${where} is now at ${named(to)}.`;
      }
      writeCorrections((list) => [...list, correction]);
      refresh(new Set([key]));
      return answer(snapshot.events, said);
    },

    /** Settles a place under review: keeps it, keeps one of its runners-up instead, or records its name as no place. */
    settle(body: v.InferOutput<typeof PlaceRequest>): Answer {
      const snapshot = snapshotOf(body.version);
      const touching = snapshot.events.filter((e) => e.place === body.place);
      refuseConflict(snapshot, touching.map((e) => correctionKey(e.article, e.quote, e.place)));
      if (body.decision === 'choose' && !body.ref) throw new RequestError(400, 'ref: give the gazetteer entry chosen (one of the place\'s candidates)');
      const written = asRequestError(() =>
        writeDecision(paths, (review) => {
          const place = review.pendingPlace(body.place);
          if (!place) throw new RequestError(snapshot === current() ? 404 : 409, `"${body.place}" is no place under review now`, snapshot !== current());
          if (body.decision === 'reject') return review.reject(review.spellingsOf(place), false, null);
          if (body.decision === 'choose' && !place.candidates.some((c) => c.ref === body.ref)) throw new RequestError(400, `ref: "${body.ref}" is not one of the candidates of "${place.id}"`);
          return review.accept([place.id], false, body.decision === 'choose' ? body.ref! : null);
        }),
      );
      refresh(new Set(touching.map((e) => correctionKey(e.article, e.quote, e.place))));
      if (written.after !== null) placeChanges.push({ before: written.before, after: written.after, version: current().version });
      return answer(snapshot.events, written.done.join('; '));
    },

    /** Takes back the session's last change of the curated file, if it was the last change, else the last correction. */
    undo(body: v.InferOutput<typeof UndoRequest>): Answer {
      const snapshot = snapshotOf(body.version);
      if (snapshot !== current()) throw new RequestError(409, 'This page is out of date: reload it before taking a change back.', true);
      const lastPlace = placeChanges[placeChanges.length - 1];
      let said: string;
      if (lastPlace && lastPlace.version === current().version) {
        locked(paths.places, () => {
          if (readText(paths.places) !== lastPlace.after) throw new RequestError(409, `${paths.places} changed since: edit it by hand to take that decision back`, true);
          writeAtomically(paths.places, [lastPlace.before], 'places');
        });
        placeChanges.pop();
        said = 'Took back the last decision about a place.';
      } else {
        const { corrections } = readCorrections(paths.articles);
        const last = corrections[corrections.length - 1];
        if (!last) throw new RequestError(400, 'Nothing to take back: corrections.json holds no correction.');
        writeCorrections((list) => list.slice(0, -1));
        said = `Took back: ${tookBack(last, named)}.`;
        // A place the move added to the curated file goes with it, unless another correction moves an event there.
        const added = last.action === 'move' ? addedByMove.get(moveKey(last)) : undefined;
        if (added && last.action === 'move' && !corrections.slice(0, -1).some((c) => c.action === 'move' && c.to === last.to)) {
          said += ` ${named(last.to)}, which it added, is no longer among the curated places.`;
          locked(paths.places, () => {
            if (readText(paths.places) === added.after) writeAtomically(paths.places, [added.before], 'places');
          });
          addedByMove.delete(moveKey(last));
        }
      }
      refresh(EVERYTHING);
      return answer(snapshot.events, said);
    },

    /** The event of an id in the version the page shows (the Date form shows the words that gave its date). */
    event(version: string, id: string): EventRecord {
      return eventIn(snapshotOf(version), id);
    },

    /**
     * Places to move an event to, by name (`query`): the corpus's (curated, and found by the last ingest) whose name
     * or alias holds the words typed, then the gazetteer's entries of that name; or by a point clicked on the map
     * (`near`, [lng, lat]): the corpus's places and the gazetteer's towns nearest it. Each with its country,
     * population, and the nearest of the other places of the event's article.
     */
    search(version: string, id: string, query: string, near: [number, number] | null = null): PlaceHit[] {
      const snapshot = snapshotOf(version);
      const event = eventIn(snapshot, id);
      const places = placesNow();
      const byId = new Map(places.map((p) => [p.id, p]));
      const others = [...new Set(snapshot.events.filter((e) => e.article === event.article && e.place !== event.place).map((e) => e.place))].flatMap((p) => (byId.has(p) ? [byId.get(p)!] : []));
      const nearest = (lngLat: [number, number], self: string | null = null) => {
        let best: PlaceHit['nearest'] = null;
        for (const o of others) {
          if (o.id === self) continue;
          const km = Math.round(distance(lngLat, o.lngLat));
          if (!best || km < best.km) best = { name: o.name, km };
        }
        return best;
      };
      const typed = plainName(query).trim();
      if (typed === '' && near === null) return [];
      const isCurated = new Set(curated.map((p) => p.id));
      const fromPoint = (lngLat: [number, number]) => (near ? Math.round(distance(near, lngLat)) : null);
      const corpusHit = (p: Place): PlaceHit => ({ to: p.id, name: p.name, kind: p.kind, country: p.country, population: null, from: isCurated.has(p.id) ? 'curated' : 'found', nearest: nearest(p.lngLat, p.id), inArticle: others.includes(p), fromPoint: fromPoint(p.lngLat) });
      const entryHit = (e: GazetteerEntry): PlaceHit => ({ to: e.ref, name: e.name, kind: e.kind, country: e.country, population: e.population || null, from: 'gazetteer', nearest: nearest(e.lngLat), inArticle: false, fromPoint: fromPoint(e.lngLat) });
      const known = new Set(places.flatMap((p) => (p.geonames !== null ? [`geonames:${p.geonames}`] : [])));
      const gazetteer = loadGazetteer();
      if (near) {
        const closest = places.filter((p) => p.id !== event.place && distance(near, p.lngLat) <= NEAR_KM).map(corpusHit);
        const towns: { entry: GazetteerEntry; km: number }[] = [];
        for (let i = 0; i < gazetteer.size; i++) {
          const e = gazetteer.entry(i);
          if ((e.kind === 'city' || e.kind === 'town' || e.kind === 'site') && !known.has(e.ref) && Math.abs(e.lngLat[1] - near[1]) < 1) {
            const km = distance(near, e.lngLat);
            if (km <= NEAR_KM) towns.push({ entry: e, km });
          }
        }
        towns.sort((a, b) => a.km - b.km);
        return [...closest, ...towns.slice(0, SEARCH_RESULTS).map((t) => entryHit(t.entry))].sort((a, b) => a.fromPoint! - b.fromPoint!).slice(0, SEARCH_RESULTS);
      }
      const hits = places.filter((p) => p.id !== event.place && [p.name, ...p.aliases].some((n) => plainName(n).includes(typed))).map(corpusHit);
      // The entries of the name typed and, from PREFIX_FROM characters on, of the names it begins ("Samar": Samara,
      // Sāmarrā’), as a search box offers them while one types.
      const key = nameKey(query).key;
      const exact = new Set(gazetteer.lookup(key) ?? []);
      const indices = [...new Set([...exact, ...(key.length >= PREFIX_FROM ? gazetteer.withPrefix(key, PREFIX_KEYS) : [])])];
      // A longer name counts by the entry's own name, not one of its other names ("Samarobriva", Amiens of old).
      const entries = indices.map((i) => ({ i, e: gazetteer.entry(i) })).filter(({ i, e }) => !known.has(e.ref) && (exact.has(i) || nameKey(e.name).key.startsWith(key)));
      // Those in the countries of the article's other places or near one of them first ("Samara" typed in a story
      // of Baghdad and Tikrit offers Sāmarrā’ before the Russian city), then the name typed before longer ones, then
      // by population.
      const countries = new Set(others.map((o) => o.country));
      const inFrame = (hit: PlaceHit) => countries.has(hit.country) || (hit.nearest !== null && hit.nearest.km <= FRAME_KM);
      const entryHits = entries.map(({ i, e }) => ({ hit: entryHit(e), exact: exact.has(i), population: e.population, ref: e.ref }));
      entryHits.sort((a, b) => Number(inFrame(b.hit)) - Number(inFrame(a.hit)) || Number(b.exact) - Number(a.exact) || b.population - a.population || (a.ref < b.ref ? -1 : 1));
      hits.push(...entryHits.map((h) => h.hit));
      return hits.slice(0, SEARCH_RESULTS);
    },
  };

  /** A place's name in the corpus now, or its id. */
  function named(id: string): string {
    return placesNow().find((p) => p.id === id)?.name ?? id;
  }

  /**
   * A place id of the corpus for `to`: itself when it is one, else a gazetteer entry added to the curated file
   * (reviewed), with the file before and after (`added`), for Undo.
   */
  function placeToMoveTo(to: string): { id: string; added: { before: string; after: string } | null } {
    if (placesNow().some((p) => p.id === to)) return { id: to, added: null };
    const entry = loadGazetteer().byRef(to);
    if (!entry) throw new RequestError(400, `to: "${to}" is no place of this corpus nor a gazetteer entry`);
    let id = '';
    const written = asRequestError(() =>
      writeDecision(paths, (review) => {
        id = freeId(review, kebab(entry.name), entry);
        return review.add({ name: entry.name, as: entry.ref, id });
      }),
    );
    if (written.after !== null) placeChanges.length = 0; // the place added goes with the move: Undo takes back the correction, then it
    return { id, added: written.after === null ? null : { before: written.before, after: written.after } };
  }
}

/** What names one Move correction: when it was made, and on what sentence. */
function moveKey(c: { at: string; article: string; quote: string }): string {
  return `${c.at}\u0000${c.article}\u0000${c.quote}`;
}

/** Days as people read them ("23 Jun 2014", "20–23 Jun 2014"), from YYYY-MM-DD. */
function readableDays(start: string, end: string): string {
  return formatRange(parseDay(start)!, parseDay(end)!);
}

/** What Undo took back, in the words of the buttons: "Wrong at Baghdad", "Move at Baghdad (to Mosul)". */
function tookBack(c: Correction, named: (id: string) => string): string {
  const at = `at ${named(c.place)}`;
  if (c.action === 'right') return `Right ${at}`;
  if (c.action === 'wrong') return `Wrong ${at} (${c.reason.replace(/-/g, ' ')})`;
  if (c.action === 'move') return `Move ${at} (to ${named(c.to)})`;
  return `Date ${at} (${readableDays(c.to.start, c.to.end)})`;
}

export type ReviewSession = ReturnType<typeof openSession>;

/** How a correction names its event (as applyCorrections matches them): article, sentence (white space aside), place. */
export function correctionKey(article: string, quote: string, place: string): string {
  return `${article}\u0000${squash(quote)}\u0000${place}`;
}

/** The review's version of a corpus: a hash of its corrections.json and curated file, as they are on disk. */
export function versionOf(corrections: string, places: string): string {
  return createHash('sha256').update(corrections).update('\u0000').update(places).digest('hex').slice(0, 16);
}

/**
 * What changed between two ingests' events, paired by where their place is named (article, sentence, mention): gone,
 * new, moved to another place, re-dated, newly checked.
 */
export function compare(before: readonly EventRecord[], after: readonly EventRecord[]): Answer['changes'] {
  const where = (e: EventRecord) => `${e.article}\u0000${e.quoteStart}\u0000${e.mentionStart ?? `-${e.place}`}`;
  const waiting = new Map<string, EventRecord[]>();
  for (const e of after) waiting.set(where(e), [...(waiting.get(where(e)) ?? []), e]);
  const changes = { gone: 0, came: 0, moved: 0, redated: 0, checked: 0 };
  for (const b of before) {
    const a = waiting.get(where(b))?.shift();
    if (!a) changes.gone++;
    else {
      if (a.place !== b.place) changes.moved++;
      if (a.start !== b.start || a.end !== b.end) changes.redated++;
      if (a.checked && !b.checked) changes.checked++;
    }
  }
  for (const list of waiting.values()) changes.came += list.length;
  return changes;
}

/** Runs `work` under a file's lock; a lock held too long by another run is a 409 (try again). */
function locked<T>(file: string, work: () => T): T {
  try {
    return withFileLock(file, work, { waitMs: 10_000 });
  } catch (error) {
    if (error instanceof LockTimeoutError) throw new RequestError(409, `${file} ${error.message}`);
    throw error;
  }
}

/** An InputError of a decision (a name taken, a file the ingest would refuse) as a 400 naming the file and the field. */
function asRequestError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InputError) throw new RequestError(400, error.problems.map(formatProblem).join('\n'));
    throw error;
  }
}

/**
 * The corpus's stories (stories/ beside articles.json) for the page, as the build compiles them; none while a
 * correction has left a step's place without events (the review goes on; the build will name the step).
 */
function storiesOf(articles: string, compiled: CompiledFiles): string {
  const meta = JSON.parse(compiled.get('meta.json') as string) as CompiledMeta;
  try {
    return corpusStories(articles, 'places' in meta ? meta.places : []);
  } catch (error) {
    if (error instanceof InputError) return JSON.stringify({ stories: [] });
    throw error;
  }
}
