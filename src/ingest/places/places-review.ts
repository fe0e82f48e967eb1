import { existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import * as jsonc from 'jsonc-parser';
import { ID_PATTERN, PLACE_KINDS, type EventRecord, type Place, type PlaceKind } from '../../core/model.ts';
import { InputError, formatProblem, parseArticles, parseCuratedPlaces, parseEvents, readCuratedPlaces, type InputProblem } from '../../core/validate.ts';
import { writeAtomically, writeFailure } from '../../io/atomic-write.ts';
import { LockTimeoutError, withFileLock } from '../../io/file-lock.ts';
import { placesOutsideTheirCountry, readInputs } from '../run/files.ts';
import { readText } from '../../io/read-files.ts';
import { loadGazetteer, type Gazetteer, type GazetteerEntry } from '../gazetteer/gazetteer.ts';
import { refParts } from '../gazetteer/place-ref.ts';
import { nameKey, plainName } from '../gazetteer/normalize.ts';
import { describe as describeEntry } from '../gazetteer/resolve.ts';
import { runIngest, type ArticleReport, type IngestResult } from '../run/pipeline.ts';
import type { JudgeModel } from '../judge/judge.ts';
import { readJudgeFile } from '../judge/model-file.ts';

export interface ReviewPaths {
  events: string;
  articles: string;
  places: string;
}

/** Where the review reads and writes when no flag says otherwise, relative to the project (where npm runs it). */
export const DEFAULT_PATHS: ReviewPaths = { events: 'data/events.json', articles: 'data/articles.json', places: 'geo/places.geojson' };

const COMMAND_LINE = '(command line)'; // the "file" of a problem with the arguments
const QUOTE_CHARS = 100; // of a quote shown in a list of changes
const FIND_SHOWN = 25; // gazetteer entries `find` lists before it says how many more there are
const HAND_SOURCE = 'coordinates given by hand (npm run places -- add)';

/**
 * `npm run places -- ARGS` for this corpus, as a person can paste it: every path that is not the default is given,
 * and every word a POSIX shell would split or expand is quoted.
 */
export function placesCommand(args: readonly string[], paths: ReviewPaths): string {
  return npmCommand('places', [...args, ...pathFlags(paths, [['events', '--events'], ['articles', '--articles'], ['places', '--places']])]);
}

/** `npm run ingest` for this corpus (its `--out` is the review's events file), as `placesCommand` writes it. */
export function ingestCommand(paths: ReviewPaths): string {
  return npmCommand('ingest', pathFlags(paths, [['articles', '--articles'], ['places', '--places'], ['events', '--out']]));
}

/** A word as a POSIX shell reads it back unchanged: as it is when it holds only safe characters, else single-quoted. */
export function shellWord(word: string): string {
  return /^[\p{L}\p{N}_/.:=@%+,-]+$/u.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function npmCommand(script: string, args: readonly string[]): string {
  return args.length ? `npm run ${script} -- ${args.map(shellWord).join(' ')}` : `npm run ${script}`;
}

function pathFlags(paths: ReviewPaths, flags: [keyof ReviewPaths, string][]): string[] {
  return flags.flatMap(([key, flag]) => (resolvePath(paths[key]) === resolvePath(DEFAULT_PATHS[key]) ? [] : [flag, paths[key]]));
}

/** What a decision does to the curated file: its new text (null: nothing to write), and what was decided, a line each. */
export interface Decision {
  text: string | null;
  done: string[];
}

/** A place to add by name (`npm run places -- add`): a point (`at`, "LAT,LON") or a gazetteer entry (`as`), and what else is known. */
export interface NewPlace {
  name: string;
  at?: string;
  as?: string;
  kind?: string;
  country?: string;
  id?: string;
  aliases?: readonly string[];
  source?: string;
}

export type Review = ReturnType<typeof openReview>;

/**
 * What a person decides about the places the gazetteer found: keep them (they join the curated file, reviewed),
 * keep another gazetteer entry instead, say a name is not a place in this corpus, or add a place by name. A decision
 * is made whole or not at all: every problem of it is said at once, and nothing is written while one remains. The
 * curated file is only ever added to: its text before what is added is kept byte for byte.
 */
export function openReview(paths: ReviewPaths, options: { eventsOptional?: boolean } = {}) {
  const curatedText = readText(paths.places);
  const curated = parseCuratedPlaces(curatedText, paths.places);
  const articles = parseArticles(readText(paths.articles), paths.articles);
  // Adding a place needs no events: a corpus not yet ingested has none to review.
  const noEvents = options.eventsOptional === true && !existsSync(paths.events);
  const { events, places: found, threshold } = noEvents ? { events: [], places: [], threshold: null } : parseEvents(readText(paths.events), paths.events, { places: new Set(curated.places.map((p) => p.id)), articles: new Set(articles.map((a) => a.id)) });
  const curatedIds = new Set(curated.places.map((p) => p.id));
  const curatedNames = curatedNameOwners(curated.places);
  const rejectedKeys = new Set(curated.notPlaces.map(keyOf));
  const spellings = (p: Place) => [...new Set([p.name, ...p.aliases])];
  /** Why a place the last ingest found is decided since (curated, rejected, or its name now a curated place's), or null. */
  const decidedSince = (p: Place): string | null => {
    if (curatedIds.has(p.id)) return `"${p.id}" is already curated`;
    if (rejectedKeys.has(keyOf(p.name))) return `"${p.id}" was rejected: its name "${p.name}" is recorded as not a place`;
    const taken = spellings(p).find((s) => curatedNames.has(s));
    if (taken !== undefined) return `"${p.id}" is named "${taken}", now a name of the curated place "${curatedNames.get(taken)}": the next ingest puts its events there`;
    return null;
  };
  const pending = found.filter((p) => decidedSince(p) === null);
  const decided = found.length - pending.length;
  const eventsOf = (id: string) => events.filter((e) => e.place === id);
  const command = (...args: string[]) => placesCommand(args, paths);
  const unknownPlace = (id: string): InputProblem => {
    const place = found.find((p) => p.id === id);
    const why = place ? decidedSince(place) : curatedIds.has(id) ? `"${id}" is already curated` : null;
    if (why !== null) return { file: paths.places, field: 'features', message: why };
    return { file: paths.events, field: 'places', message: `no unreviewed place "${id}" (see ${command('review')})` };
  };
  // Places under review that share a name: only one of them can be kept (a name belongs to one curated place).
  const sharing = new Map<string, string[]>();
  for (const p of pending) for (const s of spellings(p)) sharing.set(s, [...(sharing.get(s) ?? []), p.id]);
  const shared = [...sharing].filter(([, ids]) => ids.length > 1);

  /** The place under review one of whose spellings has this key (see normalize.ts), or null. */
  const pendingNamed = (key: string): Place | null => pending.find((p) => spellings(p).some((s) => keyOf(s) === key)) ?? null;

  return {
    /** The events were written by the judge (they carry its threshold): the next ingest's are read with it too. */
    judged: threshold !== null,
    pendingNamed,
    /** The curated place a name or alias (exactly as written) belongs to, or undefined. */
    curatedOwner: (name: string) => curatedNames.get(name),
    isCurated: (id: string) => curatedIds.has(id),
    /** The place under review of this id, or null (curated, decided since, or unknown). */
    pendingPlace: (id: string): Place | null => pending.find((p) => p.id === id) ?? null,
    /** A place's spellings, one of each key: what rejecting it records. */
    spellingsOf: (p: Place) => distinctByKey(spellings(p)),

    describe(): string {
      const lines: string[] = [];
      if (pending.length === 0) lines.push(found.length ? 'Every place of the events is decided: nothing to review.' : 'Every place of the events is curated: nothing to review.');
      else lines.push(`${pending.length} place${pending.length === 1 ? '' : 's'} from the gazetteer, not yet reviewed:`);
      for (const p of pending) {
        const list = eventsOf(p.id);
        lines.push('', `${p.id} — ${p.name} (${p.kind}, ${p.country}) at [${p.lngLat.join(', ')}]; ${p.source}; ${list.length} event${list.length === 1 ? '' : 's'}`);
        for (const e of list.slice(0, 3)) lines.push(`    ${e.article}: ${shorten(e.quote, 140)}`);
        for (const c of p.candidates) lines.push(`    or: ${c.ref} ${c.name} (${c.country}) at [${c.lngLat.join(', ')}]   → ${command('accept', p.id, '--as', c.ref)}`);
        lines.push(`    → keep it:          ${command('accept', p.id)}`);
        lines.push(`    → not a place:      ${command('reject', ...distinctByKey(spellings(p)))}`);
        lines.push(`    → other places of that name: ${command('find', p.name)}`);
      }
      for (const [name, ids] of shared) lines.push('', `${ids.join(' and ')} share the name "${name}": keep one of them at most (the next ingest then puts the others' events there).`);
      if (pending.length > 1) lines.push('', shared.length ? `None of them at once: ${command('reject', '--all')}` : `All ${pending.length} at once: ${command('accept', '--all')}    or    ${command('reject', '--all')}`);
      if (pending.length) lines.push(`Add --dry-run to any of these to see what it would change in the events, writing nothing.`);
      if (decided) {
        lines.push('', `${decided} place${decided === 1 ? '' : 's'} decided since the last ingest:`);
        for (const p of found) if (decidedSince(p) !== null) lines.push(`    ${decidedSince(p)}`);
        lines.push(`To bring ${paths.events} up to date: ${ingestCommand(paths)}`);
      }
      return `${lines.join('\n')}\n`;
    },

    /** Keeps the places `ids` (every place under review when `all`), or, with `as`, the gazetteer entry `as` for the one place given. */
    accept(ids: readonly string[], all: boolean, as: string | null): Decision {
      const problems: InputProblem[] = [];
      if (all && ids.length) problems.push({ file: COMMAND_LINE, field: '--all', message: `takes no IDs (given: ${ids.join(', ')}): give the IDs or --all` });
      if (!all && ids.length === 0) problems.push({ file: COMMAND_LINE, field: 'ID', message: `give the places to keep, or --all (see ${command('review')})` });
      const chosen: Place[] = [];
      for (const id of all ? pending.map((p) => p.id) : [...new Set(ids)]) {
        const place = pending.find((p) => p.id === id);
        if (place) chosen.push(place);
        else problems.push(unknownPlace(id));
      }
      if (all) for (const [name, ids] of shared) problems.push({ file: paths.events, field: 'places', message: `${ids.join(' and ')} share the name "${name}": keep one of them by its ID first` });
      let entry: GazetteerEntry | null = null;
      if (as !== null) {
        if (all || ids.length !== 1) problems.push({ file: COMMAND_LINE, field: '--as', message: 'chooses the entry of one place: give one ID with --as REF' });
        entry = loadGazetteer().byRef(as);
        if (!entry) problems.push({ file: '(gazetteer)', field: '--as', message: `no gazetteer entry "${as}"${chosen.length === 1 ? ` (${command('find', chosen[0].name)} lists those of its name)` : ''}` });
      }
      if (problems.length) throw new InputError(problems);
      if (chosen.length === 0) return { text: null, done: ['Nothing to review: nothing accepted.'] };
      const features = chosen.map((p) => (entry ? featureFromEntry(p.id, p.name, p.aliases, entry, `, chosen over ${p.source}`) : featureOfFound(p)));
      return {
        text: appendToArray(curatedText, 'features', features.map(featureText), paths.places),
        done: chosen.map((p) => `accepted "${p.id}" (${p.name}${entry ? `: ${describeEntry(entry)}, ${entry.ref}` : `, ${p.kind}, ${p.country}`}) into ${paths.places}`),
      };
    },

    /** Records the names given (every place under review, with each of its spellings, when `all`) as not places. */
    reject(names: readonly string[], all: boolean, note: string | null): Decision {
      const problems: InputProblem[] = [];
      const done: string[] = [];
      const recorded = new Map<string, string>(); // key → the spelling recorded
      if (all && names.length) problems.push({ file: COMMAND_LINE, field: '--all', message: `takes no names (given: ${names.map((n) => JSON.stringify(n)).join(', ')}): give the names or --all` });
      if (!all && names.length === 0) problems.push({ file: COMMAND_LINE, field: 'NAME', message: `give the names that are not places, or --all (see ${command('review')})` });
      if (all) {
        for (const p of pending) for (const spelling of spellings(p)) if (!recorded.has(keyOf(spelling)) && !rejectedKeys.has(keyOf(spelling))) recorded.set(keyOf(spelling), spelling);
      }
      for (const given of all ? [] : names) {
        const name = given.trim();
        const key = keyOf(name);
        if (key === '') {
          problems.push({ file: COMMAND_LINE, field: `NAME ${JSON.stringify(given)}`, message: 'is blank: a name needs a letter or a digit' });
          continue;
        }
        if (rejectedKeys.has(key)) {
          done.push(`"${name}" is already recorded as not a place`);
          continue;
        }
        const place = pendingNamed(key);
        if (place) {
          recorded.set(key, spellings(place).find((s) => keyOf(s) === key)!);
          continue;
        }
        const owner = curated.places.find((p) => [p.name, ...p.aliases].some((s) => keyOf(s) === key));
        problems.push(owner
          ? { file: paths.places, field: `place "${owner.id}"`, message: `"${name}" is a name of this curated place, not of a place under review: edit the file to change it` }
          : { file: paths.events, field: 'places', message: `no place under review is named "${name}" (see ${command('review')})` });
      }
      if (problems.length) throw new InputError(problems);
      if (recorded.size === 0) return { text: null, done: done.length ? done : ['Nothing to review: nothing rejected.'] };
      const entries = [...recorded.values()].map((name) => JSON.stringify({ name, ...(note ? { note } : {}) }));
      for (const name of recorded.values()) done.push(`recorded "${name}" as not a place in ${paths.places}`);
      return { text: appendToArray(curatedText, 'notPlaces', entries, paths.places), done };
    },

    /** Adds a place by name, at a point a person gives or at a gazetteer entry. */
    add(spec: NewPlace): Decision {
      const problems: InputProblem[] = [];
      const name = spec.name.trim();
      const id = spec.id ?? kebab(name);
      const findHint = name ? ` (${command('find', name)} lists those of its name)` : '';
      if (name === '') problems.push({ file: COMMAND_LINE, field: 'NAME', message: 'is blank: give the name of the place' });
      else if (!ID_PATTERN.test(id)) problems.push({ file: COMMAND_LINE, field: '--id', message: spec.id === undefined ? `"${name}" makes no id: give one with --id (lowercase kebab-case)` : `"${id}" must be lowercase kebab-case` });
      else if (curatedIds.has(id)) problems.push({ file: paths.places, field: `place "${id}"`, message: `is already curated: give the new place another id with --id` });
      if ((spec.at === undefined) === (spec.as === undefined)) problems.push({ file: COMMAND_LINE, field: '--at', message: `give the point as --at LAT,LON or a gazetteer entry as --as REF${findHint}, not ${spec.at === undefined ? 'neither' : 'both'}` });
      const kind = spec.kind === undefined ? undefined : PLACE_KINDS.find((k) => k === spec.kind);
      if (spec.kind !== undefined && !kind) problems.push({ file: COMMAND_LINE, field: '--kind', message: `"${spec.kind}" must be one of ${PLACE_KINDS.join(', ')}` });
      const country = spec.country?.toUpperCase();
      if (country !== undefined && !/^[A-Z]{2}$/.test(country)) problems.push({ file: COMMAND_LINE, field: '--country', message: `"${spec.country}" must be an ISO 3166-1 alpha-2 code (UA, NP, US…)` });
      const aliases = [...new Set([name, ...(spec.aliases ?? []).map((a) => a.trim())])];
      if (aliases.some((a) => a === '')) problems.push({ file: COMMAND_LINE, field: '--alias', message: 'must not be blank' });
      for (const alias of aliases) {
        const owner = curatedNames.get(alias);
        if (owner !== undefined && alias !== '') problems.push({ file: paths.places, field: `place "${owner}".properties.aliases`, message: `"${alias}" is already a name of this place: a name belongs to one place` });
      }
      if (spec.source !== undefined && spec.source.trim() === '') problems.push({ file: COMMAND_LINE, field: '--source', message: 'must not be blank' });
      let feature: Record<string, unknown> | null = null;
      if (spec.as !== undefined && spec.at === undefined) {
        const entry = loadGazetteer().byRef(spec.as);
        if (!entry) problems.push({ file: '(gazetteer)', field: '--as', message: `no gazetteer entry "${spec.as}"${findHint}` });
        else feature = featureFromEntry(id, name, aliases, entry, spec.source ? `; ${spec.source}` : '', kind, country);
      }
      if (spec.at !== undefined && spec.as === undefined) {
        const point = parseLatLon(spec.at);
        if (typeof point === 'string') problems.push({ file: COMMAND_LINE, field: '--at', message: point });
        else {
          const found = countryAt(loadGazetteer(), point);
          const swapped = countryAt(loadGazetteer(), [point[1], point[0]]);
          if (country !== undefined && found !== country && swapped === country) problems.push({ file: COMMAND_LINE, field: '--at', message: `${spec.at} lies ${found ? `in ${found}` : "in no country's outline"}, not in ${country}; ${point[0]},${point[1]} lies in ${country} (--at takes the latitude first: LAT,LON)` });
          const inCountry = country ?? found;
          if (!inCountry) problems.push({ file: COMMAND_LINE, field: '--country', message: `${spec.at} lies in no country's outline: give the country with --country CC` });
          feature = { type: 'Feature', id, geometry: { type: 'Point', coordinates: point }, properties: { id, name, aliases, kind: kind ?? 'town', country: inCountry ?? '', source: spec.source?.trim() ?? HAND_SOURCE } };
        }
      }
      if (problems.length || !feature) throw new InputError(problems);
      const props = feature.properties as { kind: string; country: string };
      return { text: appendToArray(curatedText, 'features', [featureText(feature)], paths.places), done: [`added "${id}" (${name}, ${props.kind}, ${props.country}) to ${paths.places}`] };
    },
  };
}

/**
 * Makes a decision and, unless `dryRun`, writes it: holding the curated file's lock from reading to writing (so that
 * decisions made at once all land), checking the new file as the ingest will read it, and saying what it changes in
 * the events. Returns what to print.
 */
export function decide(paths: ReviewPaths, choose: (review: Review) => Decision, options: { dryRun: boolean; eventsOptional?: boolean }): string {
  const work = () => {
    const review = openReview(paths, { eventsOptional: options.eventsOptional });
    const decision = choose(review);
    if (decision.text === null) return decision.done.join('\n');
    const gazetteer = loadGazetteer();
    const next = checkCurated(decision.text, paths.places, gazetteer);
    const changes = eventChanges(paths, next, gazetteer, review.judged ? readJudgeFile() : null);
    if (!options.dryRun) writeCurated(paths.places, decision.text);
    const said = options.dryRun ? ['--dry-run: nothing was written. It would have:', ...decision.done.map((d) => `  ${d}`)] : decision.done;
    return [...said, '', describeChanges(changes, paths, options.dryRun)].join('\n');
  };
  if (options.dryRun) return work();
  try {
    return withFileLock(paths.places, work);
  } catch (error) {
    if (error instanceof LockTimeoutError) throw new InputError([{ file: paths.places, field: '(file)', message: error.message }]);
    throw error;
  }
}

/**
 * Makes a decision and writes it, as `decide` does (under the curated file's lock, checked as the ingest reads it),
 * without working out what it changes in the events: for a caller that ingests afterwards (the review on the map).
 * The curated file's text before and after (null: nothing to write), and what was decided.
 */
export function writeDecision(paths: ReviewPaths, choose: (review: Review) => Decision): { before: string; after: string | null; done: string[] } {
  try {
    return withFileLock(paths.places, () => {
      const before = readText(paths.places);
      const decision = choose(openReview(paths));
      if (decision.text === null) return { before, after: null, done: decision.done };
      checkCurated(decision.text, paths.places, loadGazetteer());
      writeCurated(paths.places, decision.text);
      return { before, after: decision.text, done: decision.done };
    });
  } catch (error) {
    if (error instanceof LockTimeoutError) throw new InputError([{ file: paths.places, field: '(file)', message: error.message }]);
    throw error;
  }
}

/** The gazetteer's entries of a name (by its normalised key, as the ingest looks names up), with the commands that use them. */
export function findPlaces(name: string, country: string | null, paths: ReviewPaths): string {
  const gazetteer = loadGazetteer();
  const { key, regionHint } = nameKey(name);
  if (key === '') throw new InputError([{ file: COMMAND_LINE, field: 'NAME', message: 'is blank: give a name to find' }]);
  const code = country?.toUpperCase() ?? null;
  if (code !== null && !/^[A-Z]{2}$/.test(code)) throw new InputError([{ file: COMMAND_LINE, field: '--country', message: `"${country}" must be an ISO 3166-1 alpha-2 code (UA, NP, US…)` }]);
  const entries = (gazetteer.lookup(key) ?? []).map((i) => gazetteer.entry(i)).filter((e) => code === null || e.country === code);
  const regionFirst = (e: GazetteerEntry) => (regionHint && e.kind === 'province' ? 0 : 1);
  entries.sort((a, b) => regionFirst(a) - regionFirst(b) || b.population - a.population || (a.ref < b.ref ? -1 : 1));
  if (entries.length === 0) return `No gazetteer entry is named "${name}"${code ? ` in ${code}` : ''}.\n`;
  // A name under review can take one of these instead; a name no curated place has can be added with one.
  let review: Review | null = null;
  let unusable = '';
  try {
    review = openReview(paths, { eventsOptional: true });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    unusable = formatProblem(error.problems[0]);
  }
  const underReview = review?.pendingNamed(key) ?? null;
  const owner = review?.curatedOwner(name.trim());
  const lines = [`${entries.length} gazetteer entr${entries.length === 1 ? 'y' : 'ies'} named "${name}"${code ? ` in ${code}` : ''}${entries.length > FIND_SHOWN ? ` (the ${FIND_SHOWN} largest; add --country CC to narrow)` : ''}:`];
  for (const e of entries.slice(0, FIND_SHOWN)) {
    lines.push('', `${e.ref}  ${e.name} (${e.kind}, ${e.country}) at ${latLonText(e.lngLat)}${e.population ? `; population ${e.population.toLocaleString('en-US')}` : ''}`);
    if (underReview) lines.push(`    → ${placesCommand(['accept', underReview.id, '--as', e.ref], paths)}`);
    if (review && owner === undefined) lines.push(`    → ${placesCommand(['add', name.trim(), ...freeIdFlag(review, kebab(name), e), '--as', e.ref], paths)}`);
  }
  if (owner !== undefined) lines.push('', `"${name.trim()}" is already a name of the curated place "${owner}" in ${paths.places}.`);
  if (unusable) lines.push('', `No commands to use them: ${unusable}`);
  return `${lines.join('\n')}\n`;
}

/** One event the decision takes away, brings, moves to another place or dates or files otherwise, and why where it is known. */
export interface EventChange {
  kind: 'went' | 'came' | 'moved' | 'changed';
  before: EventRecord | null;
  after: EventRecord | null;
  /** The place's name as the quote gives it (its mention), else the place's id. */
  name: string;
  why: string | null;
}

export interface EventChanges {
  changes: EventChange[];
  before: number;
  after: number;
  /** Gazetteer places the next ingest will list that this one would not have (a name now read otherwise). */
  newUnreviewed: string[];
}

/**
 * What the next ingest will do differently with the curated file `next`: the corpus ingested in memory twice, with
 * the curated file as it is and as it would be (the same reading as `npm run ingest`: readInputs, then runIngest),
 * and the events compared by where their place is named (article, sentence, mention).
 */
export function eventChanges(paths: ReviewPaths, next: { places: Place[]; notPlaces: string[] }, gazetteer: Gazetteer, judge: JudgeModel | null): EventChanges {
  const { corpus, places, notPlaces } = readInputs({ articles: paths.articles, places: paths.places }, gazetteer);
  const judging = judge ? { judge } : undefined;
  const before = runIngest(corpus, places, { gazetteer, notPlaces, judging });
  const after = runIngest(corpus, next.places, { gazetteer, notPlaces: next.notPlaces, judging });
  const texts = new Map(corpus.map(({ article, text }) => [article.id, text]));
  const wasCurated = new Set(places.map((p) => p.id));
  const isCurated = new Map(next.places.map((p) => [p.id, p]));
  const rejected = new Set(next.notPlaces.map(keyOf));
  const nameOf = (e: EventRecord) => (e.mentionStart !== null && e.mentionEnd !== null ? texts.get(e.article)!.slice(e.mentionStart, e.mentionEnd) : e.place);
  const reportOf = (result: IngestResult, article: string) => result.report.find((r) => r.article === article);
  const resolvedAs = (report: ArticleReport | undefined, name: string) => report?.names.find((n) => n.name === name);
  const notAnEvent = (report: ArticleReport | undefined, e: EventRecord, name: string) => {
    const sentence = texts.get(e.article)!.slice(e.quoteStart, e.quoteStart + 120);
    return report?.rejected.find((r) => r.name === name && r.quote === sentence);
  };

  const whyWent = (e: EventRecord, name: string): string | null => {
    if (rejected.has(keyOf(name))) return `"${name}" is now recorded as not a place`;
    const report = reportOf(after, e.article);
    const rejection = notAnEvent(report, e, name);
    if (rejection) return `"${name}" is no longer an event here: ${rejection.reason}`;
    const read = resolvedAs(report, name);
    if (read && read.place === null) return `"${name}" is no longer read as a place: ${read.reason}`;
    return null;
  };
  const whyNow = (e: EventRecord, name: string): string | null => {
    const place = isCurated.get(e.place);
    if (place && !wasCurated.has(e.place)) return `"${name}" is now the curated place "${place.id}" (${place.name}, ${place.country})`;
    const read = resolvedAs(reportOf(after, e.article), name);
    if (read && read.place !== null) return `"${name}" is now read as ${read.place} (${read.reason})`;
    const rejection = notAnEvent(reportOf(before, e.article), e, name);
    if (rejection) return `before, "${name}" was no event here: ${rejection.reason}`;
    return null;
  };

  // Events by where their place is named; an event inferred from context (no mention) also by its place.
  const keyOfEvent = (e: EventRecord) => `${e.article}\u0000${e.quoteStart}\u0000${e.mentionStart ?? `-${e.place}`}\u0000${e.mentionEnd ?? ''}`;
  const waiting = new Map<string, EventRecord[]>();
  for (const e of after.events) (waiting.get(keyOfEvent(e)) ?? waiting.set(keyOfEvent(e), []).get(keyOfEvent(e))!).push(e);
  const changes: EventChange[] = [];
  for (const b of before.events) {
    const a = waiting.get(keyOfEvent(b))?.shift();
    const name = nameOf(b);
    if (!a) changes.push({ kind: 'went', before: b, after: null, name, why: whyWent(b, name) });
    else if (a.place !== b.place) changes.push({ kind: 'moved', before: b, after: a, name, why: whyNow(a, name) });
    else if (a.start !== b.start || a.end !== b.end || a.category !== b.category) changes.push({ kind: 'changed', before: b, after: a, name, why: null });
  }
  for (const list of waiting.values()) for (const a of list) changes.push({ kind: 'came', before: null, after: a, name: nameOf(a), why: whyNow(a, nameOf(a)) });
  const order = { went: 0, moved: 1, changed: 2, came: 3 };
  changes.sort((x, y) => order[x.kind] - order[y.kind]);
  const hadUnreviewed = new Set(before.places.map((p) => p.id));
  return { changes, before: before.events.length, after: after.events.length, newUnreviewed: after.places.map((p) => p.id).filter((id) => !hadUnreviewed.has(id)) };
}

/** The changes as a person reads them, ending with the command that writes the new events. */
export function describeChanges({ changes, before, after, newUnreviewed }: EventChanges, paths: ReviewPaths, dryRun: boolean): string {
  const lines: string[] = [];
  const would = dryRun ? 'would' : 'will';
  if (changes.length === 0) lines.push(`The events stay as they are: the next ingest ${would} find the same ${after} event${after === 1 ? '' : 's'}.`);
  else {
    const count = (kind: EventChange['kind'], words: string) => {
      const n = changes.filter((c) => c.kind === kind).length;
      return n ? [`${n} ${words}`] : [];
    };
    const parts = [...count('went', 'gone'), ...count('moved', 'at another place'), ...count('changed', 'with another date or kind'), ...count('came', 'new')];
    lines.push(`What the next ingest ${would} change in the events (the corpus read in memory with the new file): ${before} → ${after}; ${parts.join(', ')}.`);
  }
  for (const c of changes) {
    const e = (c.after ?? c.before)!;
    const where = c.kind === 'moved' ? `${c.before!.place} → ${c.after!.place}` : c.kind === 'changed' ? `${c.before!.place}: ${dayText(c.before!)} ${c.before!.category} → ${dayText(c.after!)} ${c.after!.category}` : e.place;
    const sign = { went: '−', came: '+', moved: '~', changed: '~' }[c.kind];
    lines.push(`  ${sign} ${c.kind} ${dayText(e)} ${where}  ${e.article}: ${shorten(e.quote, QUOTE_CHARS)}${c.why ? `\n      why: ${c.why}` : ''}`);
  }
  if (newUnreviewed.length) lines.push(`New places to review after it: ${newUnreviewed.join(', ')}.`);
  if (!dryRun) lines.push(`To write them to ${paths.events}: ${ingestCommand(paths)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The curated file's new text read as the ingest reads it (the same parser, and its points inside their countries),
 * or an InputError naming every problem: a decision that would leave a file the ingest refuses is not written.
 */
export function checkCurated(text: string, file: string, gazetteer: Gazetteer): { places: Place[]; notPlaces: string[] } {
  const nothingWritten = (problems: InputProblem[]) => new InputError(problems.map((p) => ({ ...p, message: `${p.message} (in the file this would write: nothing was written)` })));
  let read;
  try {
    read = readCuratedPlaces(text, file);
  } catch (error) {
    if (error instanceof InputError) throw nothingWritten(error.problems);
    throw error;
  }
  const problems = [...read.problems, ...placesOutsideTheirCountry(read.places, gazetteer, file)];
  if (problems.length) throw nothingWritten(problems);
  return { places: read.places, notPlaces: read.notPlaces };
}

/**
 * The curated file's text with `items` (JSON texts) after the last element of its top-level array `member`,
 * everything before kept byte for byte (a byte-order mark too); the member is added first in the object when missing.
 */
export function appendToArray(text: string, member: 'features' | 'notPlaces', items: readonly string[], file: string): string {
  const root = jsonc.parseTree(text);
  if (!root || root.type !== 'object') throw new InputError([{ file, field: '(root)', message: 'must be a FeatureCollection object' }]);
  const array = jsonc.findNodeAtLocation(root, [member]);
  const body = items.map((item) => item.replace(/\n/g, '\n    ')).join(',\n    ');
  if (!array) return `${text.slice(0, root.offset + 1)}\n  "${member}": [\n    ${body}\n  ],${text.slice(root.offset + 1)}`;
  if (array.type !== 'array') throw new InputError([{ file, field: member, message: 'must be an array' }]);
  const close = array.offset + array.length - 1; // its "]"
  const before = text.slice(0, close).replace(/\s*$/, '');
  return `${before}${array.children?.length ? ',' : ''}\n    ${body}\n  ${text.slice(close)}`;
}

function writeCurated(file: string, text: string): void {
  try {
    writeAtomically(file, [text], 'places');
  } catch (error) {
    throw new InputError([{ file, field: '(file)', message: writeFailure(error) }]);
  }
}

/** A place the gazetteer found, as a curated feature: its point, names and source as found, reviewed. */
function featureOfFound(p: Place): Record<string, unknown> {
  return { type: 'Feature', id: p.id, geometry: { type: 'Point', coordinates: p.lngLat }, properties: { id: p.id, name: p.name, aliases: p.aliases, kind: p.kind, country: p.country, source: p.source, ...(p.geonames !== null ? { geonames: p.geonames } : {}), ...(p.radiusKm !== null ? { radiusKm: p.radiusKm } : {}) } };
}

/** `--id ID` when the id a name makes is taken already (see freeId), else nothing. */
function freeIdFlag(review: Review, id: string, entry: GazetteerEntry): string[] {
  const free = freeId(review, id, entry);
  return free === id ? [] : ['--id', free];
}

/** An id for a new curated place at `entry`: `id` (made from its name) unless it is taken, then with the country's code, then the entry's. */
export function freeId(review: Review, id: string, entry: GazetteerEntry): string {
  if (!ID_PATTERN.test(id)) return kebab(entry.ref);
  if (!review.isCurated(id)) return id;
  return [`${id}-${entry.country.toLowerCase()}`, `${id}-${kebab(refParts(entry.ref).code)}`].find((candidate) => !review.isCurated(candidate)) ?? kebab(entry.ref);
}

/** A curated feature at a gazetteer entry, named as a person or the articles name it; its source says which entry. */
function featureFromEntry(id: string, name: string, aliases: readonly string[], entry: GazetteerEntry, sourceNote: string, kind?: PlaceKind, country?: string): Record<string, unknown> {
  const { scheme, code } = refParts(entry.ref);
  const source = `${scheme === 'geonames' ? `GeoNames ${code}` : entry.ref} (${entry.name})${sourceNote}`;
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: entry.lngLat }, properties: { id, name, aliases, kind: kind ?? entry.kind, country: country ?? entry.country, source, ...(scheme === 'geonames' ? { geonames: Number(code) } : {}), ...(entry.radiusKm !== null ? { radiusKm: entry.radiusKm } : {}) } };
}

function featureText(feature: Record<string, unknown>): string {
  return JSON.stringify(feature, null, 2);
}

/** "LAT,LON" (latitude first, as people write a point) into GeoJSON's [lon, lat], or what is wrong with it. */
function parseLatLon(text: string): [number, number] | string {
  const parts = text.split(',').map((s) => s.trim());
  const numbers = parts.map((s) => (/^[-+]?\d+(?:\.\d+)?$/.test(s) ? Number(s) : NaN));
  if (numbers.length !== 2 || numbers.some(Number.isNaN)) return `"${text}" must be LAT,LON in decimal degrees (27.67,85.32)`;
  const [lat, lon] = numbers;
  if (Math.abs(lat) > 90) return `latitude ${lat} must lie between -90 and 90${Math.abs(lon) <= 90 ? ' (latitude comes first: LAT,LON)' : ''}`;
  if (Math.abs(lon) > 180) return `longitude ${lon} must lie between -180 and 180`;
  return [lon, lat];
}

/** The country whose outline holds the point, or null (at sea, or on a coast the 1:50m outlines cut). */
function countryAt(gazetteer: Gazetteer, lngLat: [number, number]): string | null {
  for (const { country } of gazetteer.countries()) {
    const shape = gazetteer.countryShape(country);
    if (shape && booleanPointInPolygon(lngLat, shape)) return country;
  }
  return null;
}

function latLonText([lng, lat]: readonly [number, number]): string {
  return `${Math.abs(lat)}° ${lat < 0 ? 'S' : 'N'}, ${Math.abs(lng)}° ${lng < 0 ? 'W' : 'E'}`;
}

function dayText(e: EventRecord): string {
  return e.start === e.end ? e.start : `${e.start}…${e.end}`;
}

function shorten(text: string, chars: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > chars ? `${flat.slice(0, chars)}…` : flat;
}

/** Each curated name and alias, and the id of the place it names (the curated file gives a name to one place). */
function curatedNameOwners(places: readonly Place[]): Map<string, string> {
  return new Map(places.flatMap((p) => [p.name, ...p.aliases].map((name) => [name, p.id] as [string, string])));
}

/** The names, one of each key (the first), in their order. */
function distinctByKey(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(keyOf(n)) && seen.add(keyOf(n)));
}

/** A name as the ingest compares names (see normalize.ts): "Al-Ramadi" and "Ramadi" are one. */
function keyOf(name: string): string {
  return nameKey(name).key;
}

/** An id from a name, as the ingest makes them (pipeline.ts): "Tal Afar" → "tal-afar". */
export function kebab(name: string): string {
  return plainName(name).replace(/[’'‘ʻ`]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
