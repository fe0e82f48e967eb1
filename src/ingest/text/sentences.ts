/**
 * Sentence splitting with `Intl.Segmenter` (Unicode UAX #29), plus the one thing it lacks for news copy:
 * it breaks after abbreviations such as "U.S." or "Aug." when a capital follows. Those breaks are undone.
 */

export interface Sentence {
  /** Offset of the first character, in UTF-16 code units. */
  start: number;
  /** The sentence without surrounding white space; `text === article.slice(start, start + text.length)`. */
  text: string;
  /** Index of the paragraph (a run of text without a line end in it, see LINE_END) it belongs to. */
  paragraph: number;
}

// Abbreviations that end with a period but do not end a sentence in news copy.
const ABBREVIATIONS = new Set([
  'U.S.', 'U.K.', 'U.N.', 'E.U.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Gen.', 'Lt.', 'Col.', 'Maj.', 'Capt.', 'Sgt.',
  'Sen.', 'Rep.', 'Gov.', 'Pres.', 'Prof.', 'St.', 'Jr.', 'Sr.', 'No.', 'vs.', 'Jan.', 'Feb.', 'Mar.', 'Apr.',
  'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.', 'a.m.', 'p.m.',
]);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A line end: LF, CR, CRLF, or the Unicode line and paragraph separators (U+2028, U+2029), as a text may use any. */
export const LINE_END = /\r\n|[\n\r\u2028\u2029]/;

export function splitSentences(text: string): Sentence[] {
  const pieces: { start: number; end: number }[] = [];
  // The segmenter's time grows with the square of its input's length (a 1 MB text took 13 s), and it always breaks
  // at a line end: so each line is segmented on its own, and a line longer than MAX_LINE in stretches that end
  // after a full stop and a space.
  for (const { start, end } of stretches(text)) {
    const part = text.slice(start, end);
    for (const { index, segment } of segmenter.segment(part)) {
      const at = start + index;
      const previous = pieces[pieces.length - 1];
      if (previous && previous.end === at && endsWithAbbreviation(text.slice(previous.start, previous.end)) && !LINE_END.test(text.slice(previous.start, previous.end))) {
        previous.end = at + segment.length;
      } else {
        pieces.push({ start: at, end: at + segment.length });
      }
    }
  }
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let scanned = 0;
  for (const piece of pieces) {
    const raw = text.slice(piece.start, piece.end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    const start = piece.start + lead;
    if (LINE_END.test(text.slice(scanned, start))) paragraph++;
    scanned = start + trimmed.length;
    if (trimmed.length > 0) sentences.push({ start, text: trimmed, paragraph });
  }
  return sentences;
}

const MAX_LINE = 20_000;

/** The text cut after each line end (see LINE_END), and long lines after a ". " near every MAX_LINE characters. */
function stretches(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const lineEnds = new RegExp(LINE_END.source, 'g');
  // The next line end at or after `start` (null: none is left), looked for again only once `start` has passed it,
  // so that a 10 MB line cut into stretches is searched once, not once a stretch.
  let next: RegExpExecArray | null | undefined;
  let start = 0;
  while (start < text.length) {
    if (next === undefined || (next !== null && next.index < start)) {
      lineEnds.lastIndex = start;
      next = lineEnds.exec(text);
    }
    let end = next === null ? text.length : next.index + next[0].length;
    if (end - start > MAX_LINE) {
      const stop = text.lastIndexOf('. ', start + MAX_LINE);
      end = stop > start ? stop + 2 : start + MAX_LINE;
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}

function endsWithAbbreviation(piece: string): boolean {
  const last = piece.trimEnd().split(/\s+/).pop() ?? '';
  return ABBREVIATIONS.has(last);
}
