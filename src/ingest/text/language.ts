import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { firstIndex } from '../../core/bisect.ts';

/**
 * Tokens, part-of-speech tags (Universal Dependencies tag set) and lemmas from wink-nlp and its English
 * light model. Only sentences that name a place are tagged: tagging is the expensive part of reading an article.
 */

export interface Token {
  /** The token as written. */
  text: string;
  /** Lowercase lemma ("attacked" → "attack", "was" → "be"). */
  lemma: string;
  /** Universal POS tag: NOUN, PROPN, VERB, AUX, ADP, DET, ADJ, ADV, PART, PRON, NUM, PUNCT, CCONJ, SCONJ… */
  pos: string;
  /** Offsets in the sentence, UTF-16 code units. */
  start: number;
  end: number;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function instance(): Nlp {
  // Sentence boundaries are ours (sentences.ts); the pipe is only what the rules read.
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

const recent = new Map<string, Token[]>();
const RECENT = 16; // a sentence is asked about once per place it names, one after another

/** The tokens of one sentence, with offsets into it. */
export function tag(sentence: string): Token[] {
  const hit = recent.get(sentence);
  if (hit) return hit;
  const engine = instance();
  const its = engine.its;
  const tokens = engine.readDoc(sentence).tokens();
  const texts = tokens.out() as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const tags = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma as typeof its.pos) as string[]; // the typings give lemma an add-on signature
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    at += spaces[i].length;
    // wink keeps every character of its input, so offsets add up; a mismatch would be a bug in it, and is skipped.
    const start = sentence.startsWith(texts[i], at) ? at : sentence.indexOf(texts[i], at);
    if (start < 0) continue;
    at = start + texts[i].length;
    out.push({ text: texts[i], lemma: lemmas[i].toLowerCase(), pos: tags[i], start, end: at });
  }
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(sentence, out);
  return out;
}

/** The index of the first token that starts at or after `offset` (tokens.length when none). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  return firstIndex(0, tokens.length, (i) => tokens[i].start < offset);
}
