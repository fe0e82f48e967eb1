import { MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES } from '../../core/months.ts';
import type { Gazetteer } from './gazetteer.ts';
import { memoize } from './memoize.ts';
import { AFTER_A_COMMA_ONLY, CAPITAL_INITIALS, PLACE_ABBREVIATIONS } from './abbreviations.ts';
import { NAME_WORD_ABBREVIATIONS, nameKey, plainName } from './normalize.ts';

/**
 * A run of capitalised words in a text that the gazetteer knows as a name, with what its neighbours say about
 * it: part of a longer name ("Tripoli Street", "the Washington Post"), a person ("John Kerry", "President
 * Kerry"), a thing ("the ferry Ankara").
 */
export interface NameSpan {
  start: number;
  end: number;
  /** The normalised key (see normalize.ts). */
  key: string;
  regionHint: boolean;
  /** Indices into the gazetteer's entries. */
  candidates: readonly number[];
  /** Other capitalised words run on from it: it is part of another name. */
  partOfName: boolean;
  /** It opens that longer name, as a modifier: "Ohio Supreme Court", "U.S. Army", "Alexandria Police". */
  leadsName: boolean;
  /** Preceded by a title or a first name: a person. */
  personLike: boolean;
  /** Preceded by a noun for a vessel, a paper or the like: a thing named after a place. */
  thingLike: boolean;
  /** The first word of its sentence (a capital that says nothing). */
  sentenceInitial: boolean;
  /** Part of a hyphenated word ("Texas-based", "Egyptian-US", "Watertown-Mayer"). */
  hyphenated: boolean;
  /** Joined by "of" to the words before it ("University of Alberta", "Anne McLellan of Edmonton"): no person. */
  afterOf: boolean;
}

interface Token {
  start: number;
  end: number;
  text: string;
  /** Ends in a dot another capital and dot follow: "U." of "U.S." */
  dotted?: boolean;
  /** A piece of a hyphenated word no place is named by as a whole. */
  piece?: boolean;
  /** …beside another piece that is a capitalised word but no place's name ("Pierre" of "Jean-Pierre"). */
  beside?: boolean;
}

// The pieces after the first of a dotted abbreviation: "S." of "U.S.", "Va." of "W.Va.".
const DOTTED_PIECE = /^\p{Lu}\p{Ll}{0,2}\./u;

// Closed-class English words and calendar names: capitalised at a sentence's start, never a place here.
const FUNCTION_WORDS = new Set(
  ('a an the this that these those it its he she his her they their them we our us you your i my me ' +
    'in on at to of for from by with into onto upon over under after before during since until about against among ' +
    'and or but nor so yet if then than as when while where which who whom whose what why how ' +
    'is are was were be been being has have had do does did will would shall should can could may might must ' +
    'not no all any some each every both either neither one two three there here also only just even still ' +
    'mr mrs ms dr sir sept').split(' ').concat([...WEEKDAY_NAMES, ...MONTH_NAMES, ...MONTH_ABBREVIATIONS].map((w) => w.toLowerCase())),
);
// Lowercase words that may join the capitalised words of one name ("Bay of Islands", "Salah ad Din").
const CONNECTORS = new Set(['of', 'de', 'du', 'des', 'la', 'le', 'les', 'al', 'el', 'ad', 'ar', 'as', 'ash', 'az', 'an', 'ad', 'ed', 'es', 'ez', 'en', 'da', 'do', 'dos', 'das', 'del', 'di', 'am', 'im', 'sur', 'upon', 'bin', 'ibn', 'y']);
// Words of direction or extent before a place that are not part of another name ("Northern Kherson").
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'greater', 'upper', 'lower', 'northeast', 'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'president', 'senator', 'sen', 'rep', 'gen', 'general', 'secretary', 'minister', 'king', 'queen', 'prince', 'princess', 'pope', 'judge', 'governor', 'gov', 'mayor', 'chancellor', 'premier', 'lord', 'lady', 'sheikh', 'colonel', 'col', 'lt', 'capt', 'captain', 'sgt', 'coach', 'professor', 'prof', 'rev', 'father', 'brother', 'sister']);
const THING_NOUNS = new Set(['ferry', 'ship', 'vessel', 'tanker', 'boat', 'frigate', 'destroyer', 'carrier', 'submarine', 'cruiser', 'yacht', 'liner', 'freighter', 'newspaper', 'paper', 'magazine', 'daily', 'channel', 'team', 'club', 'airline', 'hurricane', 'storm', 'cyclone', 'typhoon', 'operation', 'brand', 'hotel', 'restaurant', 'cafe', 'band', 'album', 'film', 'movie', 'song']);

const WORD = /[\p{L}\p{N}]+(?:[’'‘ʻ`-][\p{L}\p{N}]+)*/gu;

/** Every gazetteer name in `text` that does not overlap a span `taken` (names the curated places hold). */
export function findNames(text: string, gazetteer: Gazetteer, taken: (start: number, end: number) => boolean): NameSpan[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    if (/[’']s$/.test(word)) word = word.slice(0, -2); // "Kharkiv's": the name without its possessive
    const last = tokens.at(-1);
    if (last?.dotted && last.end === m.index) {
      // "U.S.", "W.Va.", "D.C.": the letters and their dots are one word, the last dot included.
      const piece = DOTTED_PIECE.exec(text.slice(m.index, m.index + word.length + 1));
      if (piece) {
        last.end = m.index + piece[0].length;
        last.text = text.slice(last.start, last.end);
        last.dotted = /^\p{Lu}/u.test(text[last.end] ?? '');
        continue;
      }
    }
    const pieces = word.includes('-') ? hyphenPieces(word, m.index, gazetteer) : null;
    if (pieces) {
      tokens.push(...pieces);
      continue;
    }
    const token: Token = { start: m.index, end: m.index + word.length, text: word };
    // A capital right before a dot and another capital ("U" of "U.S."), or an abbreviation of a place ("Fla."):
    // the dot is the word's.
    if (text[token.end] === '.') {
      const dotted = /^\p{Lu}$/u.test(word) && /^\p{Lu}/u.test(text[token.end + 1] ?? '');
      // "St. Petersburg": an abbreviated first word keeps its dot, and the name runs on.
      const opensName = NAME_WORD_ABBREVIATIONS.has(word.toLowerCase()) && /^\p{Lu}/u.test(word) && /^ \p{Lu}/u.test(text.slice(token.end + 1, token.end + 3));
      if (dotted || opensName || PLACE_ABBREVIATIONS.has(word)) {
        token.end += 1;
        token.text = text.slice(token.start, token.end);
        token.dotted = dotted;
      }
    }
    tokens.push(token);
  }
  const spans: NameSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i])) {
      i++;
      continue;
    }
    // A run: name words joined by single spaces (or connectors between name words).
    let j = i;
    while (j + 1 < tokens.length && joined(text, tokens[j], tokens[j + 1])) {
      if (isNameWord(tokens[j + 1])) j++;
      else if (CONNECTORS.has(tokens[j + 1].text) && j + 2 < tokens.length && joined(text, tokens[j + 1], tokens[j + 2]) && isNameWord(tokens[j + 2])) j += 2;
      else break;
    }
    spans.push(...matchRun(text, tokens, i, j, gazetteer, taken));
    i = j + 1;
  }
  return spans;
}

/**
 * The entries a name may mean of those its key looks up. A county is meant only when named as one ("Madison
 * County"): bare "Madison" is the town's. A name only divisions abroad bear ("Lancashire") is theirs; a US county's
 * bare name is mostly a surname ("Clarke").
 */
function meant(gazetteer: Gazetteer, entries: readonly number[], regionHint: boolean): readonly number[] {
  if (regionHint) return entries;
  const towns = entries.filter((c) => gazetteer.entry(c).featureCode !== 'ADM2');
  return towns.length ? towns : entries.filter((c) => gazetteer.entry(c).country !== 'US');
}

const MIN_PIECE_KEY = 4; // "Wal" of "Wal-Mart" is not the German village: a piece names a place with four letters or more

/**
 * The pieces of a hyphenated word no place is named by as a whole ("Texas-based", "Egyptian-US", "D-Charleston"),
 * each a word of its own; null for a word that is a place's name ("Port-au-Prince", "Winston-Salem") or opens with
 * an Arabic article ("al-Qaim": the article is part of the name).
 */
function hyphenPieces(word: string, at: number, gazetteer: Gazetteer): Token[] | null {
  if (/^(?:al|el|ad|ar|as|ash|az|an|ed|es|ez)-/iu.test(word) || gazetteer.lookup(cachedKey(word).key)) return null;
  const pieces: Token[] = [];
  let start = at;
  for (const text of word.split('-')) {
    pieces.push({ start, end: start + text.length, text, piece: true });
    start += text.length + 1;
  }
  const nameButNoPlace = (t: Token) => /^\p{Lu}.*\p{Ll}/u.test(t.text) && !gazetteer.lookup(cachedKey(t.text).key);
  for (const p of pieces) p.beside = pieces.some((other) => other !== p && nameButNoPlace(other));
  return pieces;
}

function matchRun(text: string, tokens: Token[], first: number, last: number, gazetteer: Gazetteer, taken: (s: number, e: number) => boolean): NameSpan[] {
  const found: { from: number; to: number; key: string; regionHint: boolean; candidates: readonly number[] }[] = [];
  for (let i = first; i <= last; ) {
    let matched = false;
    for (let to = Math.min(last, i + gazetteer.maxWords + 1); to >= i; to--) {
      if (CONNECTORS.has(tokens[i].text) || CONNECTORS.has(tokens[to].text)) continue;
      const start = tokens[i].start;
      const end = tokens[to].end;
      if (taken(start, end)) continue;
      const named = cachedKey(i === to ? abbreviated(text, tokens[i]) ?? text.slice(start, end) : text.slice(start, end));
      const all = gazetteer.lookup(named.key);
      if (!all?.length || named.key.length < (tokens[i].piece && i === to ? MIN_PIECE_KEY : 3)) continue;
      let candidates = meant(gazetteer, all, named.regionHint);
      let end2 = to;
      let { key, regionHint } = named;
      // "Ohio State University", "Dublin City Council": a last word that names none of the places ("Ohio State" is
      // Ohio's, "Dublin City" Dublin's other name) opens the longer name with them, and the place's name ends before it.
      if (to > i && to < last && !CONNECTORS.has(tokens[to - 1].text)) {
        const shorter = cachedKey(text.slice(start, tokens[to - 1].end));
        const those = gazetteer.lookup(shorter.key);
        const spelled = plainName(text.slice(start, end));
        if (those && candidates.length && candidates.every((c) => those.includes(c) && plainName(gazetteer.entry(c).name) !== spelled)) {
          end2 = to - 1;
          key = shorter.key;
          regionHint ||= shorter.regionHint;
          candidates = meant(gazetteer, those, regionHint);
        }
      }
      if (!candidates.length) continue;
      found.push({ from: i, to: end2, key, regionHint, candidates });
      i = to + 1; // the word left out is the longer name's, not another place's ("City" of "Dublin City Council")
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return found.map(({ from, to, key, regionHint, candidates }) => {
    // A sentence's first word is capitalised whatever it is: joined to the name by "of" ("Much of Biloxi") it
    // says nothing of the name; right before it ("Michael Jordan") it is part of it.
    const before = tokens.slice(first, from).filter((t, i, all) => !COMPASS.has(t.text.toLowerCase()) && !CONNECTORS.has(t.text) && !(i === 0 && isSentenceStart(text, t.start) && all.length > 1 && CONNECTORS.has(all[1].text)));
    const after = tokens.slice(to + 1, last + 1);
    const previous = tokens[first - 1];
    const adjacent = previous && joined(text, previous, tokens[first]);
    const afterOf = from > first && tokens[from - 1].text === 'of';
    const titleBefore = before.some((t) => TITLES.has(t.text.toLowerCase().replace(/\.$/, ''))) || (adjacent && TITLES.has(previous.text.toLowerCase())) || (previous !== undefined && TITLES.has(previous.text.toLowerCase()) && text.slice(previous.end, tokens[first].start) === '. ');
    return {
      start: tokens[from].start,
      end: tokens[to].end,
      key,
      regionHint,
      candidates,
      partOfName: before.length > 0 || after.length > 0 || tokens.slice(from, to + 1).some((t) => t.beside),
      leadsName: before.length === 0 && after.length > 0,
      personLike: !afterOf && (titleBefore || (before.length > 0 && after.length === 0)),
      thingLike: Boolean(adjacent && THING_NOUNS.has(previous.text.toLowerCase())),
      sentenceInitial: isSentenceStart(text, tokens[from].start),
      hyphenated: tokens.slice(from, to + 1).some((t) => t.piece),
      afterOf,
    };
  });
}

// The same names recur across a corpus: their keys are kept (for up to 100,000 names).
const cachedKey = memoize(nameKey, 100_000);

/** The name an abbreviation stands for ("Fla." → "Florida", "U.S." → "United States", "US"), or null. */
function abbreviated(text: string, token: Token): string | null {
  const initials = CAPITAL_INITIALS.get(token.text);
  if (initials) return initials;
  if (!token.text.endsWith('.')) return null;
  const bare = token.text.slice(0, -1);
  const name = PLACE_ABBREVIATIONS.get(bare);
  if (!name) return null;
  return AFTER_A_COMMA_ONLY.has(bare) && !/,\s*$/.test(text.slice(Math.max(0, token.start - 3), token.start)) ? null : name;
}

/** A capitalised word that is not a closed-class word, or "al-Qaim"/"el-Fasher" (a lowercase article, hyphen, capital). */
function isNameWord(token: Token): boolean {
  if (CAPITAL_INITIALS.has(token.text) || token.text.endsWith('.')) return true;
  const first = token.text[0];
  if (/^(?:al|el|ad|ar|as|ash|az|an|ed|es|ez)-\p{Lu}/u.test(token.text)) return true;
  if (first.toLowerCase() === first) return false;
  if (FUNCTION_WORDS.has(token.text.toLowerCase())) return false;
  // "Russian-occupied", "Kurdish-held": an adjective, not a name.
  const parts = token.text.split('-');
  return parts.length === 1 || /^\p{Lu}/u.test(parts[parts.length - 1]) || CONNECTORS.has(parts[parts.length - 1]);
}

function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === " '" || gap === ' ‘' || gap === ' ’';
}

function isSentenceStart(text: string, at: number): boolean {
  let p = at - 1;
  while (p >= 0 && /[\s“"‘'(\[]/.test(text[p])) p--;
  return p < 0 || /[.!?:\n—–-]/.test(text[p]) || text[p + 1] === '\n';
}
