import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import { formatDay, parseDay } from '../../core/day.ts';
import type { EventRecord } from '../../core/model.ts';
import { ID, ISO_DAY, InputError, TEXT, parseJsonWith, type InputProblem } from '../../core/validate.ts';
import { readText } from '../../io/read-files.ts';
import { squash } from '../eval/score.ts';

/**
 * People's corrections to a corpus's events, `corrections.json` beside its `articles.json` (docs/corrections.md):
 * each names the article, the quoted sentence and the place the event had when the correction was made, what was
 * decided (right, wrong, moved, re-dated) and when. Every ingest applies them, so that a hand's work is never undone
 * by the next run, and says which it could not apply.
 */
export const CORRECTIONS_FORMAT = 'datelines-corrections 1';

export const WRONG_REASONS = ['not-an-event', 'wrong-place', 'wrong-date', 'repeats-another'] as const;

const Base = {
  article: ID,
  quote: TEXT,
  /** The event's place when the correction was made. */
  place: ID,
  at: v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 time, e.g. 2026-12-06T14:03:00Z')),
};
const CorrectionSchema = v.variant('action', [
  v.object({ ...Base, action: v.literal('right') }),
  v.object({ ...Base, action: v.literal('wrong'), reason: v.picklist(WRONG_REASONS, `must be one of ${WRONG_REASONS.join(', ')}`) }),
  v.object({ ...Base, action: v.literal('move'), to: ID }),
  v.object({ ...Base, action: v.literal('date'), from: v.object({ start: ISO_DAY, end: ISO_DAY }), to: v.object({ start: ISO_DAY, end: ISO_DAY }) }),
]);
const CorrectionsSchema = v.object({ format: v.literal(CORRECTIONS_FORMAT, `must be "${CORRECTIONS_FORMAT}"`), version: v.pipe(v.number(), v.integer(), v.minValue(0)), corrections: v.array(CorrectionSchema) });

export type Correction = v.InferOutput<typeof CorrectionSchema>;
export interface CorrectionsFile {
  format: string;
  /** Raised by one at every write: a writer that read an older version merges or is told to reload. */
  version: number;
  corrections: Correction[];
}

/** Where a corpus keeps its corrections: beside its articles.json. */
export function correctionsPath(articles: string): string {
  return join(dirname(articles), 'corrections.json');
}

/** The corpus's corrections (none when the file is absent); an InputError naming the file and the field otherwise. */
export function readCorrections(articles: string): CorrectionsFile {
  const file = correctionsPath(articles);
  if (!existsSync(file)) return { format: CORRECTIONS_FORMAT, version: 0, corrections: [] };
  const read = parseJsonWith(readText(file), file, CorrectionsSchema);
  for (const [i, c] of read.corrections.entries()) {
    if (c.action === 'date' && parseDay(c.to.end)! < parseDay(c.to.start)!) throw new InputError([{ file, field: `corrections[${i}].to.end`, message: 'is before to.start' }]);
  }
  return read;
}

export interface Applied {
  events: EventRecord[];
  /** Events a person confirmed or corrected, and the events a correction removed. */
  checked: number;
  corrected: number;
  removed: number;
  /** Corrections that matched nothing: their sentence is gone from the article, or no event of that place is in it. */
  unmatched: InputProblem[];
}

/** What a correction names: an article, a sentence (white space aside) and the place the event had. */
export function correctionKey(article: string, quote: string, place: string): string {
  return `${article}\u0000${squash(quote)}\u0000${place}`;
}

/** Each event's latest correction (by `at`; of two at one time, the later in the file), with its index in the file. */
export function latestCorrections(file: CorrectionsFile): Map<string, { correction: Correction; index: number }> {
  const latest = new Map<string, { correction: Correction; index: number }>();
  file.corrections.forEach((correction, index) => {
    const k = correctionKey(correction.article, correction.quote, correction.place);
    const before = latest.get(k);
    if (!before || before.correction.at <= correction.at) latest.set(k, { correction, index });
  });
  return latest;
}

/**
 * The events with the corrections applied, the latest correction of an event winning: a wrong event goes; a moved
 * or re-dated one is moved or re-dated; each confirmed or corrected one carries `checked: true`. An event is the
 * one a correction names when its article, sentence (white space aside) and place are the correction's.
 * `texts` are the articles' texts, to tell a sentence that is gone from one whose event the ingest no longer draws.
 */
export function applyCorrections(events: readonly EventRecord[], file: CorrectionsFile, texts: ReadonlyMap<string, string>, places: ReadonlySet<string>, path: string): Applied {
  const corrector = createCorrector(file, texts, places, path);
  const out = events.flatMap((event) => corrector.apply(event) ?? []);
  return { events: out, ...corrector.finish() };
}

/** As `applyCorrections`, an event at a time (for an output too large to hold): `finish` once every event has passed. */
export interface Corrector {
  /** The event corrected, or null when a person marked it wrong. */
  apply(event: EventRecord): EventRecord | null;
  finish(): Omit<Applied, 'events'>;
}

export function createCorrector(file: CorrectionsFile, texts: ReadonlyMap<string, string>, places: ReadonlySet<string>, path: string): Corrector {
  const latest = latestCorrections(file);
  const used = new Set<string>();
  let checked = 0;
  let corrected = 0;
  let removed = 0;
  const unmatched: InputProblem[] = [];
  const apply = (event: EventRecord): EventRecord | null => {
    const k = correctionKey(event.article, event.quote, event.place);
    const found = latest.get(k);
    if (!found) return event;
    used.add(k);
    const c = found.correction;
    if (c.action === 'move' && !places.has(c.to)) {
      unmatched.push({ file: path, field: `corrections[${found.index}].to`, message: `"${c.to}" is no place of this corpus: the event of ${c.article} stays at ${c.place}` });
      return event;
    }
    if (c.action === 'wrong') {
      removed++;
      return null;
    }
    if (c.action !== 'right') corrected++;
    if (c.action === 'right') return { ...event, checked: true };
    if (c.action === 'move') return { ...event, place: c.to, checked: true };
    return { ...event, start: formatDay(parseDay(c.to.start)!), end: formatDay(parseDay(c.to.end)!), dateBasis: 'stated', dateText: event.dateText, checked: true };
  };
  return {
    apply(event) {
      const out = apply(event);
      if (out?.checked) checked++;
      return out;
    },
    finish() {
      for (const [k, { correction: c, index }] of latest) {
        if (used.has(k)) continue;
        const text = texts.get(c.article);
        const field = `corrections[${index}]`;
        if (text === undefined) unmatched.push({ file: path, field: `${field}.article`, message: `no article "${c.article}" in the corpus: the correction was not applied` });
        else if (!squash(text).includes(squash(c.quote))) unmatched.push({ file: path, field: `${field}.quote`, message: `the sentence is no longer in "${c.article}" (its text changed): the correction was not applied` });
        else unmatched.push({ file: path, field: `${field}.place`, message: `the ingest draws no event at "${c.place}" from that sentence of "${c.article}" now: the correction was not applied` });
      }
      return { checked, corrected, removed, unmatched };
    },
  };
}
