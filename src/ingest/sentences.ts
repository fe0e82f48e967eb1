/**
 * Sentence splitting with `Intl.Segmenter` (Unicode UAX #29), plus the one thing it lacks for news copy:
 * it breaks after abbreviations such as "U.S." or "Aug." when a capital follows. Those breaks are undone.
 */

export interface Sentence {
  /** Offset of the first character, in UTF-16 code units. */
  start: number;
  /** The sentence without surrounding white space; `text === article.slice(start, start + text.length)`. */
  text: string;
  /** Index of the paragraph (a run of lines without a line break between them) it belongs to. */
  paragraph: number;
}

// Abbreviations that end with a period but do not end a sentence in news copy.
const ABBREVIATIONS = new Set([
  'U.S.', 'U.K.', 'U.N.', 'E.U.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Gen.', 'Lt.', 'Col.', 'Maj.', 'Capt.', 'Sgt.',
  'Sen.', 'Rep.', 'Gov.', 'Pres.', 'Prof.', 'St.', 'Jr.', 'Sr.', 'No.', 'vs.', 'Jan.', 'Feb.', 'Mar.', 'Apr.',
  'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.', 'a.m.', 'p.m.',
]);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function splitSentences(text: string): Sentence[] {
  const pieces: { start: number; end: number }[] = [];
  for (const { index, segment } of segmenter.segment(text)) {
    const previous = pieces[pieces.length - 1];
    if (previous && endsWithAbbreviation(text.slice(previous.start, previous.end)) && !text.slice(previous.start, previous.end).includes('\n')) {
      previous.end = index + segment.length;
    } else {
      pieces.push({ start: index, end: index + segment.length });
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
    if (text.slice(scanned, start).includes('\n')) paragraph++;
    scanned = start + trimmed.length;
    if (trimmed.length > 0) sentences.push({ start, text: trimmed, paragraph });
  }
  return sentences;
}

function endsWithAbbreviation(piece: string): boolean {
  const last = piece.trimEnd().split(/\s+/).pop() ?? '';
  return ABBREVIATIONS.has(last);
}
