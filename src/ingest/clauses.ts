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

/** The clause around `[start, end)`: from just after the previous break to just before the next one. */
export function clauseAround(sentence: string, start: number, end: number): Span {
  let from = 0;
  let to = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    const at = m.index;
    if (at + m[0].length <= start) from = at + m[0].length;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return { start: from, end: to };
}

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
export function relativeClauses(sentence: string): Span[] {
  const spans: Span[] = [];
  for (const m of sentence.matchAll(/, (?:who|which) |(?<=[a-z]) who (?=(?:had|has|have|was|were|is|lived|grew|worked|studied|resided|moved|once|previously|formerly)\b)/g)) {
    const close = sentence.indexOf(',', m.index + m[0].length);
    spans.push({ start: m.index, end: close === -1 ? sentence.length : close });
  }
  return spans;
}

export function spanContaining(spans: readonly Span[], start: number, end: number): Span | null {
  return spans.find((s) => s.start <= start && end <= s.end) ?? null;
}
