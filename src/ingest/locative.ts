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
  | 'prospective';

const LOCATIVE_WORDS = new Set([
  'in', 'at', 'inside', 'near', 'into', 'outside', 'across', 'around', 'throughout', 'within',
  'overran', 'overrun', 'overrunning', 'seized', 'seize', 'seizing', 'captured', 'capture', 'capturing', 'took',
  'taken', 'taking', 'retook', 'retake', 'retaking', 'retaken', 'regained', 'regain', 'recaptured', 'recapture',
  'liberated', 'liberate', 'liberating', 'liberation', 'stormed', 'storm', 'bombed', 'shelled', 'struck', 'hit',
  'attacked', 'targeted', 'besieged', 'visited',
]);
const NON_LOCATIVE_WORDS = new Set(['from', 'to', 'toward', 'towards', 'by', 'for', 'with', 'against', 'about', 'on', 'of', 'than']);
// "control of Mosul", "the towns of Rawa": the frame is decided by what comes before these nouns.
const OF_NOUNS = new Set(['control', 'liberation', 'capture', 'fall', 'recapture', 'town', 'towns', 'city', 'cities', 'province', 'stronghold', 'outskirts', 'suburbs', 'village', 'villages']);
const COMMUNICATION_VERBS = /\b(tweeted|said|spoke|wrote|reported|broadcast|told \w+|called|announced)\s+$/i;
const GOVERNMENT_VERBS = /^\s+(wants?|wanted|says?|said|assured|announced|urged|insists?|believes?|hopes?|demanded|warned|accused|denied|rejected|agreed|asked|plans?|has|have|is|will|would|should|must|needs?)\b/;
const GOVERNMENT_NOUNS = /\b(officials?|authorities|leaders?|government|regime|ministers?|envoys?|ambassadors?)\s+in\s+$/i;
const COMPASS_OF = /\b(north|south|east|west|northeast|northwest|southeast|southwest|outside)(?:ern)? of\s+$/i;
const GEOGRAPHIC_NOUN = /^['’]s\s+(?:(?:north|south|east|west)(?:ern|east|west)?\s+|central\s+|inner\s+)?(outskirts|suburbs?|streets|centre|center|districts?|neighbou?rhoods?|old city|airport|streets|north|south|east|west)\b/i;
const PROSPECTIVE = /\b(will|would|could|might|[’']ll|is expected to|are expected to|is going to|are going to|plans to|aims to|hopes to|intends to|matter of time|in sight|asked if|whether)\b/i;
const ALLOWED_GAP = 7; // words a locative word may stand before the name: "overrun the strategic northern town of Tal Afar"

export function whyNotLocation(sentence: string, mention: Mention, others: readonly Mention[], hasFutureDate: boolean): NotLocation | null {
  const before = sentence.slice(0, mention.start);
  const after = sentence.slice(mention.end);
  if (/^-\p{L}/u.test(after)) return 'compound';
  if (/,\s*$/.test(before) && others.some((o) => o.end <= mention.start && /^,\s*$/.test(sentence.slice(o.end, mention.start)))) return 'qualifier';
  if (GOVERNMENT_NOUNS.test(before)) return 'government';
  const possessive = /^['’]s\b/.test(after);
  if (possessive && !GEOGRAPHIC_NOUN.test(after)) return 'government';
  if (!possessive && GOVERNMENT_VERBS.test(after) && !/\b(in|at|inside|into)\s+(the\s+)?$/i.test(before)) return 'government';
  if (COMPASS_OF.test(before)) return 'relative-position';
  if (spanContaining(relativeClauses(sentence), mention.start, mention.end)) return 'aside';

  if (!possessive) {
    const frame = locativeFrame(sentence, mention, others, hasFutureDate);
    if (frame) return frame;
  }
  const clause = clauseAround(sentence, mention.start, mention.end);
  if (PROSPECTIVE.test(sentence.slice(clause.start)) && !hasFutureDate) return 'prospective';
  return null;
}

function locativeFrame(sentence: string, mention: Mention, others: readonly Mention[], hasFutureDate: boolean): NotLocation | null {
  const before = sentence.slice(0, mention.start);
  // "Rawa and Ana": a name joined to the one before it shares that one's frame.
  const joined = others.find((o) => o.end <= mention.start && /^(,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)$/.test(sentence.slice(o.end, mention.start)));
  if (joined) return whyNotLocation(sentence, joined, others.filter((o) => o !== joined), hasFutureDate) === null ? null : 'no-locative-frame';

  const words = before.match(/[\p{L}’'-]+|[,;:()“”"–—]/gu) ?? [];
  for (let i = words.length - 1, gap = 0; i >= 0 && gap <= ALLOWED_GAP; i--, gap++) {
    const word = words[i].toLowerCase();
    if (/^[,;:()“”"–—]$/.test(word)) return 'no-locative-frame';
    if (word === 'from') return COMMUNICATION_VERBS.test(before.slice(0, before.toLowerCase().lastIndexOf('from'))) ? null : 'origin';
    if (word === 'on' && /\b(centred|centered|focused)\s+on\s/i.test(before.slice(-40))) return null;
    if (word === 'to' && /\bvisits?\s+to\s/i.test(before.slice(-30))) return null;
    if (word === 'of' && OF_NOUNS.has(words[i - 1]?.toLowerCase())) continue;
    if (LOCATIVE_WORDS.has(word)) return null;
    if (NON_LOCATIVE_WORDS.has(word)) return word === 'to' || word === 'toward' || word === 'towards' ? 'direction' : word === 'by' ? 'government' : 'no-locative-frame';
  }
  return 'no-locative-frame';
}
