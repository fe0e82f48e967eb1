/**
 * The ingest's shared word lists, in one home. Each stage that reads words (the locative rules, the gazetteer's
 * resolver, the dates, the judge's features, the report of unrecognised names) builds what it matches from these
 * lists; where a stage needs fewer or more words, it says which and why where it builds its pattern. Weekday and
 * month names live in core/months.ts, shared with the app.
 */

/** Prepositions that place what a sentence tells at the name after them: "in Baghdad", "across Haiti", "beneath Gaza". */
export const LOCATIVE_PREPOSITIONS = [
  'in', 'at', 'inside', 'near', 'into', 'outside', 'across', 'around', 'throughout', 'within', 'over', 'along', 'amid',
  'amidst', 'onto', 'beside', 'through', 'underneath', 'beneath',
] as const;

/** The commonest of them, which say a name is a place whatever else the sentence does: "in X", "near X". */
export const CORE_LOCATIVE_PREPOSITIONS = ['in', 'at', 'near', 'into', 'outside', 'across', 'inside'] as const;

/** Prepositions of movement: a name after them is a place, though not always where something happened. */
export const MOVEMENT_PREPOSITIONS = ['from', 'to', 'toward', 'towards'] as const;

/** Verbs whose object is a place acted on: "overran Tal Afar", "entered Kherson", "raided Molenbeek". */
export const PLACE_VERBS = [
  'overran', 'overrun', 'seized', 'captured', 'took', 'retook', 'regained', 'recaptured', 'liberated', 'stormed', 'bombed',
  'shelled', 'struck', 'hit', 'attacked', 'targeted', 'besieged', 'visited', 'entered', 'raided',
] as const;

/**
 * Words right before a name that make it a location; the gazetteer's resolver and the learned geoparser read them
 * as evidence of a place. The rarer prepositions ("amidst", "underneath", "beneath") are left to the locative
 * rules, which read the sentence.
 */
export const LOCATIVE_WORDS: ReadonlySet<string> = new Set<string>([...without(LOCATIVE_PREPOSITIONS, ['amidst', 'underneath', 'beneath']), ...PLACE_VERBS]);

/** Nouns for a settlement or a division that lead a name with "of": "the town of Tal Afar", "the province of Anbar". */
export const SETTLEMENT_NOUNS = ['town', 'city', 'village', 'province', 'district', 'region', 'state', 'capital'] as const;

/** Words that make a clause speak of what may yet happen: "will", "could". */
/**
 * The offices and services a town's name opens as their modifier ("Alexandria Police", "Paris City Council", "the
 * Columbus Public Library"): the name there is the town's, as the geoparsing benchmarks count it.
 */
export const LOCAL_OFFICE_WORDS = [
  'police', 'sheriff', 'fire', 'city', 'town', 'village', 'township', 'county', 'council', 'councilman', 'councilwoman', 'mayor',
  'municipal', 'public', 'library', 'schools', 'school', 'board', 'hospital', 'department', 'chamber', 'post', 'airport',
  'courthouse', 'commission', 'utilities', 'water', 'housing', 'parks',
] as const;

export const MODAL_FUTURE = ['will', 'would', 'could', 'might'] as const;

/** The list as a regular-expression alternation (words have no special characters). */
export function alternation(words: readonly string[]): string {
  return words.join('|');
}

/** `words` without `except`. */
export function without<T extends string>(words: readonly T[], except: readonly string[]): T[] {
  return words.filter((w) => !except.includes(w));
}
