/**
 * The key a place name is looked up by, so that the spellings news copy uses meet the gazetteer's: case,
 * diacritics ("Miṣrātah"), apostrophes and hyphens ("Tall 'Afar", "Port-au-Prince"), the Arabic article ("al-",
 * "el-", "ad-"), doubled letters ("Tall"/"Tal"), "th"/"t" and "dh"/"d" ("Kathmandu"/"Katmandu"), a "y" between
 * vowels ("Mykolayiv"/"Mykolaiv") and a final "h" after a vowel ("Misratah"/"Misrata"). A trailing word for a
 * region ("Kherson Oblast", "Anbar province", "Borno State") is dropped and reported as a hint.
 *
 * Keys are for looking up, never for showing: two names with one key are candidates for the same mention, and
 * which one is meant is decided from evidence (see resolve.ts).
 */
export interface NameKey {
  key: string;
  /** The name carried a region word ("province", "oblast"…): it names a first-level region. */
  regionHint: boolean;
}

const ARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'az', 'an', 'at', 'ath', 'adh', 'ed', 'es', 'ez', 'er', 'en', 'ul']);
const REGION_WORDS = new Set(['province', 'oblast', 'governorate', 'region', 'state', 'prefecture', 'krai', 'county', 'parish', 'borough', 'department', 'voivodeship', 'muhafazah']);
/** Abbreviated words that open a place's name ("St. Petersburg", "Mt. Vernon", "Ft. Worth"), and what they stand for. */
export const NAME_WORD_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([['st', 'saint'], ['ste', 'sainte'], ['mt', 'mount'], ['ft', 'fort']]);
const VOWELS = 'aeiou';

export function nameKey(name: string): NameKey {
  const words = plainName(name)
    .replace(/[’'`ʻʼ‘]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  let regionHint = false;
  while (words.length > 1 && REGION_WORDS.has(words[words.length - 1])) {
    words.pop();
    regionHint = true;
  }
  // Folded first, then the articles dropped: "Uul" folds to "ul", an article, and keys must be fixed points.
  const kept = words.map((w) => fold(NAME_WORD_ABBREVIATIONS.get(w) ?? w)).filter((w, i, all) => !(ARTICLES.has(w) && all.length > 1 && i < all.length - 1));
  return { key: kept.join(' '), regionHint };
}

/** A name in lowercase without its diacritics ("Miṣrātah" → "misratah"). */
export function plainName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A word folded until nothing changes (folding "ayya" to "aya" makes a new vowel-y-vowel), so keys are fixed points. */
function fold(word: string): string {
  for (let w = word; ; ) {
    const next = foldWord(w);
    if (next === w) return w;
    w = next;
  }
}

/** One word folded once: th→t, dh→d, vowel-y-vowel→vowel-vowel, final vowel+h→vowel, doubled letters once. */
function foldWord(word: string): string {
  let w = word.replace(/th/g, 't').replace(/dh/g, 'd');
  w = w.replace(/([aeiou])y(?=[aeiou])/g, '$1');
  if (w.length > 3 && w.endsWith('h') && VOWELS.includes(w[w.length - 2])) w = w.slice(0, -1);
  return w.replace(/(\p{L})\1+/gu, '$1');
}
