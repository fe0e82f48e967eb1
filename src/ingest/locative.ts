import { clauseAround, relativeClauses, spanContaining } from './clauses.ts';
import type { Mention } from './mentions.ts';

/**
 * Whether a place named in a sentence is where that sentence's event happened. A name is a location only in
 * a locative frame ("in Baghdad", "at NATO headquarters", "overran Tal Afar", "seized control of Mosul"). It
 * is not one when it stands for a government ("Washington wants", "requested by Baghdad", "Baghdad's plan",
 * "officials in Baghdad"), names where someone came from or went ("from Ankara", "toward Baghdad"), qualifies
 * another name ("Mosul, Iraq"), forms an adjective ("Beirut-based"), sits in an aside about someone else
 * (", who is expected to attend the talks in Brussels,") or in talk of what may yet happen ("the liberation of
 * Mosul is now in sight", "will", "would").
 *
 * Returns null for a location, else the reason it is not one (for tests and for `--explain`).
 */
export type NotLocation =
  | 'compound'
  | 'qualifier'
  | 'government'
  | 'origin'
  | 'direction'
  | 'relative-position'
  | 'no-locative-frame'
  | 'aside'
  | 'prospective'
  | 'not-happened';

export const LOCATIVE_WORDS = new Set([
  'in', 'at', 'inside', 'near', 'into', 'outside', 'across', 'around', 'throughout', 'within',
  'overran', 'overrun', 'overrunning', 'seized', 'seize', 'seizing', 'captured', 'capture', 'capturing', 'took',
  'taken', 'taking', 'retook', 'retake', 'retaking', 'retaken', 'regained', 'regain', 'recaptured', 'recapture',
  'liberated', 'liberate', 'liberating', 'liberation', 'stormed', 'storm', 'bombed', 'shelled', 'struck', 'hit',
  'attacked', 'targeted', 'besieged', 'visited',
]);
const NON_LOCATIVE_WORDS = new Set(['from', 'to', 'toward', 'towards', 'by', 'for', 'with', 'against', 'about', 'on', 'of', 'than']);
// "control of Mosul", "the towns of Rawa": the frame is decided by what comes before these nouns.
const OF_NOUNS = new Set(['control', 'liberation', 'capture', 'fall', 'recapture', 'town', 'towns', 'city', 'cities', 'province', 'stronghold', 'outskirts', 'suburbs', 'village', 'villages']);
// "the attack on Erbil", "centred on Raqqa": "on" is locative after these.
const ON_NOUNS = new Set(['attack', 'attacks', 'assault', 'offensive', 'strike', 'strikes', 'raid', 'raids', 'centred', 'centered', 'focused']);
const COMMUNICATION_VERBS = /\b(tweeted|said|spoke|wrote|reported|broadcast|told \w+|called|announced)\s+$/i;
const GOVERNMENT_VERBS = /^\s+(wants?|wanted|says?|said|assured|announced|urged|insists?|believes?|hopes?|demanded|warned|accused|denied|rejected|agreed|asked|plans?|has|have|is|will|would|should|must|needs?)\b/;
const GOVERNMENT_NOUNS = /\b(officials?|authorities|leaders?|government|regime|ministers?|envoys?|ambassadors?)\s+in\s+$/i;
const COMPASS_OF = /\b(north|south|east|west|northeast|northwest|southeast|southwest|outside)(?:ern)? of\s+$/i;
const GEOGRAPHIC_NOUN = /^['’]s\s+(?:(?:north|south|east|west)(?:ern|east|west)?\s+|central\s+|inner\s+)?(outskirts|suburbs?|streets|centre|center|districts?|neighbou?rhoods?|old city|airport|streets|north|south|east|west)\b/i;
const PROSPECTIVE = /\b(will|would|could|might|[’']ll|is expected to|are expected to|is going to|are going to|plans to|aims to|hopes to|intends to|matter of time|in sight|asked if|whether)\b/i;
// "the Washington Post", "Baghdad International Airport": the name is part of another name.
const NAME_CONTINUES = /^ (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]/;
// "met Iraqi leaders in Baghdad": the leaders are met there, not speaking for it.
const MEETING_BEFORE = /\b(met|meet|meets|meeting|visited|talks)\b[^,.;]*$/i;
// "Mosul fell to militants", "Tal Afar was seized": the place is the subject of the event.
const SUBJECT_OF_EVENT = /^\s+(?:fell|was (?:seized|captured|overrun|retaken|recaptured|liberated|bombed|attacked|hit|struck|shelled|stormed))\b/;
// Denials, threats and failures report no event at the place.
const NOT_HAPPENED = /\b(denied|denies|deny|threatened to|threatens to|failed to|did not|has not|have not|had not|was not|were not|never)\b/i;
const ALLOWED_GAP = 7; // words a locative word may stand before the name: "overrun the strategic northern town of Tal Afar"

/** Whether `second`, right after `first` and a comma, only says where `first` is ("Mosul, Iraq"). */
export type Qualifies = (first: Mention, second: Mention) => boolean;

export function whyNotLocation(
  sentence: string,
  mention: Mention,
  others: readonly Mention[],
  hasFutureDate: boolean,
  qualifies: Qualifies = () => true,
): NotLocation | null {
  const before = sentence.slice(0, mention.start);
  const after = sentence.slice(mention.end);
  if (/^-\p{L}/u.test(after) || NAME_CONTINUES.test(after)) return 'compound';
  const previous = others.find((o) => o.end <= mention.start && /^,\s*$/.test(sentence.slice(o.end, mention.start)));
  if (previous && qualifies(previous, mention)) return 'qualifier';
  if (GOVERNMENT_NOUNS.test(before) && !MEETING_BEFORE.test(before)) return 'government';
  const possessive = /^['’]s\b/.test(after);
  if (possessive && !GEOGRAPHIC_NOUN.test(after)) return 'government';
  if (!possessive && GOVERNMENT_VERBS.test(after) && !/\b(in|at|inside|into)\s+(the\s+)?$/i.test(before)) return 'government';
  if (COMPASS_OF.test(before)) return 'relative-position';
  if (spanContaining(relativeClauses(sentence), mention.start, mention.end)) return 'aside';

  if (!possessive && !SUBJECT_OF_EVENT.test(after)) {
    const frame = locativeFrame(sentence, mention, others, hasFutureDate, qualifies);
    if (frame) return frame;
  }
  // What may yet happen, or did not: from the mention's clause to the end of what is said about it (the next
  // ", and", ";", "but" or "that" starts something else).
  const clause = clauseAround(sentence, mention.start, mention.end);
  const rest = sentence.slice(mention.end);
  const stop = rest.search(/,\s+(?:and|but|while)\s|;|\s(?:but|that)\s/);
  const said = sentence.slice(clause.start, stop === -1 ? sentence.length : mention.end + stop);
  if (NOT_HAPPENED.test(said)) return 'not-happened';
  if (PROSPECTIVE.test(said) && !hasFutureDate) return 'prospective';
  return null;
}

function locativeFrame(sentence: string, mention: Mention, others: readonly Mention[], hasFutureDate: boolean, qualifies: Qualifies): NotLocation | null {
  const before = sentence.slice(0, mention.start);
  // "Rawa and Ana": a name joined to the one before it shares that one's frame.
  const joined = others.find((o) => o.end <= mention.start && /^(,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)$/.test(sentence.slice(o.end, mention.start)));
  if (joined) return whyNotLocation(sentence, joined, others.filter((o) => o !== joined), hasFutureDate, qualifies) === null ? null : 'no-locative-frame';

  const words = before.match(/[\p{L}’'-]+|[,;:()“”"–—]/gu) ?? [];
  for (let i = words.length - 1, gap = 0; i >= 0 && gap <= ALLOWED_GAP; i--, gap++) {
    const word = words[i].toLowerCase();
    if (/^[,;:()“”"–—]$/.test(word)) return 'no-locative-frame';
    if (word === 'from') return COMMUNICATION_VERBS.test(before.slice(0, before.toLowerCase().lastIndexOf('from'))) ? null : 'origin';
    if (word === 'on' && ON_NOUNS.has(words[i - 1]?.toLowerCase())) return null;
    if (word === 'to' && /\bvisits?\s+to\s/i.test(before.slice(-30))) return null;
    if (word === 'of' && OF_NOUNS.has(words[i - 1]?.toLowerCase())) continue;
    if (LOCATIVE_WORDS.has(word)) return null;
    if (NON_LOCATIVE_WORDS.has(word)) return word === 'to' || word === 'toward' || word === 'towards' ? 'direction' : word === 'by' ? 'government' : 'no-locative-frame';
  }
  return 'no-locative-frame';
}
