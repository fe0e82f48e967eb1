import { firstIndex } from '../../core/bisect.ts';
import { memoize } from '../gazetteer/memoize.ts';

/**
 * Clause-level structure of one sentence, found from punctuation: where a mention's clause starts and ends,
 * which stretches are parentheticals (between dashes or brackets) and which are non-restrictive relative
 * clauses (", who …," / ", which …,"). Offsets are relative to the sentence.
 */

export interface Span {
  start: number;
  end: number;
}

const CLAUSE_BREAK = /[,;:()“”"–—]| - /g;
const SENTENCES_KEPT = 16; // sentences whose clause breaks and relative clauses are kept (each is asked about once per name)

/**
 * The clause around `[start, end)`: from just after the previous break to just before the next one. The breaks
 * of the sentence last asked about are kept, so asking about each of a sentence's n names costs log n, not its length.
 */
export function clauseAround(sentence: string, start: number, end: number): Span {
  const breaks = breaksOf(sentence);
  // The last break that ends at or before `start`, and the first at or after `end` (breaks never overlap).
  const before = firstIndex(0, breaks.length, (i) => breaks[i].end <= start) - 1;
  const after = firstIndex(Math.max(0, before + 1), breaks.length, (i) => breaks[i].start < end);
  return { start: before >= 0 ? breaks[before].end : 0, end: after < breaks.length ? breaks[after].start : sentence.length };
}

const breaksOf = memoize((sentence: string): Span[] => [...sentence.matchAll(CLAUSE_BREAK)].map((m) => ({ start: m.index, end: m.index + m[0].length })), SENTENCES_KEPT);

/** Stretches set off by a pair of dashes or by brackets; an unpaired dash runs to the end of the sentence. */
export function parentheticals(sentence: string): Span[] {
  const spans: Span[] = [];
  const dashes = [...sentence.matchAll(/ [–—-] /g)].map((m) => m.index);
  for (let i = 0; i < dashes.length; i += 2) {
    spans.push({ start: dashes[i], end: i + 1 < dashes.length ? dashes[i + 1] + 3 : sentence.length });
  }
  for (const m of sentence.matchAll(/\([^()]*\)/g)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/**
 * ", who …," and ", which …," clauses, and "who …" after a noun: they describe someone or something, not the
 * sentence's event ("Abdeslam, a French national who had lived in Molenbeek, …").
 */
export const relativeClauses = memoize((sentence: string): Span[] => {
  const spans: Span[] = [];
  for (const m of sentence.matchAll(/, (?:who|which) |(?<=[a-z]) who (?=(?:had|has|have|was|were|is|lived|grew|worked|studied|resided|moved|once|previously|formerly)\b)/g)) {
    const close = sentence.indexOf(',', m.index + m[0].length);
    spans.push({ start: m.index, end: close === -1 ? sentence.length : close });
  }
  return spans;
}, SENTENCES_KEPT);

export function spanContaining(spans: readonly Span[], start: number, end: number): Span | null {
  return spans.find((s) => s.start <= start && end <= s.end) ?? null;
}
