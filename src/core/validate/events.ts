import * as v from 'valibot';
import { parseDay } from '../day.ts';
import { CATEGORIES, type MapEvent, type Place } from '../model.ts';
import type { InputProblem } from '../problem.ts';
import { ID, ISO_DAY, InputError, TEXT } from './fields.ts';
import { issuesToProblems, parseJson } from './json.ts';
import { parsePlaceFeatures } from './places.ts';

// events.json: read for the app (a bad record left out and reported), and the ingest's output checked against the
// contract before it is written.

const DATE_BASES = ['stated', 'context', 'published', 'reported'] as const;

const EventSchema = v.object({
  id: TEXT,
  article: ID,
  place: ID,
  start: ISO_DAY,
  end: ISO_DAY,
  category: v.picklist(CATEGORIES, `must be one of ${CATEGORIES.join(', ')}`),
  quote: TEXT,
  quoteStart: v.pipe(v.number(), v.integer(), v.minValue(0)),
  mentionStart: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  mentionEnd: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  // Files written before these fields existed are still read.
  dateBasis: v.optional(v.picklist(DATE_BASES), 'stated'),
  dateText: v.optional(v.nullable(v.string()), null),
  // The judge's (docs/judge.md): absent in files the rules alone wrote.
  confidence: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  reasons: v.optional(v.array(v.string())),
  // A person confirmed or corrected it (corrections.json, docs/corrections.md).
  checked: v.optional(v.literal(true)),
});

/** An event as the contract has it, every field present: what the ingest writes. */
const WrittenEventSchema = v.object({
  ...EventSchema.entries,
  dateBasis: v.picklist(DATE_BASES, `must be one of ${DATE_BASES.join(', ')}`),
  dateText: v.nullable(v.string()),
});

const THRESHOLD = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const EventsFileSchema = v.object({ threshold: v.optional(THRESHOLD), events: v.array(v.unknown()), places: v.optional(v.array(v.unknown())) });

/**
 * Parses `events.json` for the app. Unlike the pipeline's inputs, a bad record does not reject the file: it is
 * left out and reported, so a dataset with a few broken events still shows the good ones.
 */
export function parseEvents(
  json: string,
  file: string,
  known: { places: ReadonlySet<string>; articles: ReadonlySet<string> },
): { events: MapEvent[]; problems: InputProblem[]; places: Place[]; threshold: number | null } {
  const list = v.safeParse(EventsFileSchema, parseJson(json, file));
  if (!list.success) throw new InputError(issuesToProblems(list.issues, file, ''));
  const { events, problems, places } = readEvents(list.output.events, list.output.places ?? [], file, known, EventSchema);
  return { events: events.map((e) => e.event), problems, places: places.map((p) => p.place), threshold: list.output.threshold ?? null };
}

/**
 * The ingest's output checked against the contract (CONTRACT.md, "Event"), before it is written: every event and
 * gazetteer place in its shape and no field more, every event's place curated or found, its quote verbatim at
 * `quoteStart` in its article's text and its mention inside its quote, the events in the contract's order, every
 * found place unreviewed and used. Returns every problem found (each names `file` and the field); none when it holds.
 */
export function checkEventsOutput(
  output: { events: readonly unknown[]; places: readonly unknown[] },
  file: string,
  inputs: { places: ReadonlySet<string>; texts: ReadonlyMap<string, string> },
): InputProblem[] {
  const check = createOutputCheck(output.places, file, inputs);
  output.events.forEach((item, i) => check.event(item, i));
  return check.finish();
}

/** As `checkEventsOutput`, an event at a time, in the file's order (for an output too large to hold): `finish` gives the problems. */
export interface OutputCheck {
  event(item: unknown, index: number): void;
  finish(): InputProblem[];
}

export function createOutputCheck(placeItems: readonly unknown[], file: string, inputs: { places: ReadonlySet<string>; texts: ReadonlyMap<string, string> }): OutputCheck {
  const known = { places: inputs.places, articles: new Set(inputs.texts.keys()) };
  const problems: InputProblem[] = [];
  const places = readFoundPlaces(placeItems, file, known, problems);
  const read = eventReader(file, new Set([...known.places, ...places.map((p) => p.place.id)]), known.articles, WrittenEventSchema, problems);
  const problem = (field: string, message: string) => problems.push({ file, field, message });
  const used = new Set<string>();
  let previous: EventRecordOrder | null = null;
  return {
    event(item, index) {
      const at = `events[${index}]`;
      const e = read(item, index);
      if (typeof item === 'object' && item !== null) for (const key of Object.keys(item)) if (!(key in WrittenEventSchema.entries)) problem(`${at}.${key}`, 'is not a field of an event');
      if (!e) return;
      used.add(e.place);
      const text = inputs.texts.get(e.article)!;
      const quoteEnd = e.quoteStart + e.quote.length;
      if (text.slice(e.quoteStart, quoteEnd) !== e.quote) problem(`${at}.quote`, `is not the text at quoteStart ${e.quoteStart} of article "${e.article}"`);
      else if (e.mentionStart !== null && (e.mentionStart < e.quoteStart || e.mentionEnd! > quoteEnd)) problem(`${at}.mentionStart`, `the mention ${e.mentionStart}..${e.mentionEnd} lies outside its quote`);
      if (previous && compareEvents(previous, e) > 0) problem(`${at}.start`, 'out of order: events are sorted by start, then article, then quoteStart');
      previous = e;
    },
    finish() {
      for (const { place, index } of places) {
        const reviewed = (placeItems[index] as { properties?: { reviewed?: unknown } }).properties?.reviewed;
        if (reviewed !== false) problem(`places[${index}].properties.reviewed`, 'must be false: a place from the gazetteer awaits review');
        else if (!used.has(place.id)) problem(`places[${index}].id`, `"${place.id}" is used by no event`);
      }
      return problems.sort((a, b) => compareFields(a.field, b.field));
    },
  };
}

type EventRecordOrder = Pick<MapEvent, 'start' | 'article' | 'quoteStart'>;

/** The contract's order: by start, then article, then quoteStart. */
function compareEvents(a: EventRecordOrder, b: EventRecordOrder): number {
  return a.start - b.start || (a.article < b.article ? -1 : a.article > b.article ? 1 : 0) || a.quoteStart - b.quoteStart;
}

/** Problems of the same record together, records in file order: `events[2]` before `events[10]`, then places. */
function compareFields(a: string, b: string): number {
  const key = (field: string) => /^(events|places)\[(\d+)\]/.exec(field);
  const [ka, kb] = [key(a), key(b)];
  if (!ka || !kb) return 0;
  return (ka[1] === kb[1] ? 0 : ka[1] === 'events' ? -1 : 1) || Number(ka[2]) - Number(kb[2]);
}

/**
 * The records of an events file: the valid events and found places, each with its index in the file, and a
 * problem for each record left out (its first only: one line a record).
 */
function readEvents(
  items: readonly unknown[],
  placeItems: readonly unknown[],
  file: string,
  known: { places: ReadonlySet<string>; articles: ReadonlySet<string> },
  schema: typeof EventSchema | typeof WrittenEventSchema,
): { events: { event: MapEvent; index: number }[]; problems: InputProblem[]; places: { place: Place; index: number }[] } {
  const problems: InputProblem[] = [];
  const places = readFoundPlaces(placeItems, file, known, problems);
  const read = eventReader(file, new Set([...known.places, ...places.map((p) => p.place.id)]), known.articles, schema, problems);
  const events: { event: MapEvent; index: number }[] = [];
  items.forEach((item, i) => {
    const event = read(item, i);
    if (event) events.push({ event, index: i });
  });
  return { events, problems, places };
}

/** The places the gazetteer found: a bad one is left out (with its events), like a bad event; its problem goes to `problems`. */
function readFoundPlaces(placeItems: readonly unknown[], file: string, known: { places: ReadonlySet<string> }, problems: InputProblem[]): { place: Place; index: number }[] {
  const places: { place: Place; index: number }[] = [];
  placeItems.forEach((item, i) => {
    try {
      const [place] = parsePlaceFeatures([item], file, `places[${i}]`);
      if (known.places.has(place.id) || places.some((p) => p.place.id === place.id)) problems.push({ file, field: `places[${i}].id`, message: `duplicate id "${place.id}"` });
      else places.push({ place, index: i });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems.map((p) => ({ ...p, field: p.field.replace('places[0]', `places[${i}]`) })).slice(0, 1));
    }
  });
  return places;
}

/** Reads one event record after another: the event, or null with its first problem put in `problems`. */
function eventReader(file: string, placeIds: ReadonlySet<string>, articles: ReadonlySet<string>, schema: typeof EventSchema | typeof WrittenEventSchema, problems: InputProblem[]): (item: unknown, index: number) => MapEvent | null {
  const seen = new Set<string>();
  return (item, i) => {
    const at = `events[${i}]`;
    const result = v.safeParse(schema, item);
    if (!result.success) {
      problems.push(...issuesToProblems(result.issues, file, at).slice(0, 1));
      return null;
    }
    const e = result.output;
    const start = parseDay(e.start)!;
    const end = parseDay(e.end)!;
    const problem = (field: string, message: string) => (problems.push({ file, field: `${at}.${field}`, message }), null);
    if (seen.has(e.id)) return problem('id', `duplicate id ${JSON.stringify(e.id)}`);
    if (!placeIds.has(e.place)) return problem('place', `unknown place "${e.place}"`);
    if (!articles.has(e.article)) return problem('article', `unknown article "${e.article}"`);
    if (end < start) return problem('end', 'is before start');
    if ((e.mentionStart === null) !== (e.mentionEnd === null) || (e.mentionStart !== null && e.mentionEnd! <= e.mentionStart)) {
      return problem('mentionEnd', 'must follow mentionStart, or both be null');
    }
    seen.add(e.id);
    return { ...e, start, end };
  };
}

/**
 * As `checkEventsOutput`, for the ingest: throws an InputError when the output breaks the contract. Its inputs
 * passed their checks, so each problem is the ingest's own fault and is said to be; nothing is written.
 */
export function refuseInvalidOutput(
  output: { events: readonly unknown[]; places: readonly unknown[] },
  file: string,
  inputs: { places: ReadonlySet<string>; texts: ReadonlyMap<string, string> },
): void {
  refuseOutputProblems(checkEventsOutput(output, file, inputs));
}

/** The problems `checkEventsOutput` or an `OutputCheck` found, thrown as the ingest's own fault; nothing when there are none. */
export function refuseOutputProblems(problems: readonly InputProblem[]): void {
  if (problems.length) throw new InputError(problems.map((p) => ({ ...p, message: `${p.message} (an internal error: the ingest made an output the contract forbids, and did not write it)` })));
}
