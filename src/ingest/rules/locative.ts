import { MONTH_NAME_SOURCE, WEEKDAY_NAME_SOURCE } from '../../core/months.ts';
import { clauseAround, relativeClauses, spanContaining } from '../text/clauses.ts';
import { tag, tokenAt, type Token } from '../text/language.ts';
import { verdictOf, type LocativeRuleId } from './locative-rules.ts';
import { LOCATIVE_PREPOSITIONS as PREPOSITIONS, MODAL_FUTURE, SETTLEMENT_NOUNS, alternation, without } from '../text/lexicon.ts';
import type { Mention } from '../places/mentions.ts';

/**
 * Whether a place named in a sentence is where that sentence's event happened, read over the sentence's tokens,
 * tags and lemmas (wink-nlp). A name is a location when it stands
 * - after a locative preposition ("in Baghdad", "at the Superdome", "near Kabul", "into rebel-held Aleppo");
 * - as the object of a verb that acts on a place ("overran the town of Tal Afar", "entered the city of Kherson",
 *   "raided Molenbeek"), or after "on"/"against" following such a verb or an attack noun ("the attack on Erbil");
 * - as the subject of a passive or a state ("Tal Afar was seized", "Much of Biloxi was underwater") or of a verb
 *   that is not a government's act ("Mosul fell");
 * - before a noun it locates ("Biloxi police", "a Brussels neighborhood"), or owning a part of itself or an event
 *   ("Baghdad's outskirts", "Port-au-Prince's streets", "Haiti's earthquake");
 * - after "from" when something was taken away from it ("withdrew from Bucha", "evacuated civilians from Homs"),
 *   or "to" when people arrived there ("returned to Chibok").
 * It is not a location when it stands for a government ("Washington wants", "requested by Baghdad", "Baghdad's
 * plan", "officials in Baghdad", "urged Kyiv"), names where someone came from or went ("refugees from Aleppo",
 * "toward Baghdad"), qualifies another name ("Mosul, Iraq"), forms part of another name or an adjective
 * ("Beirut-based", "the Washington Post"), gives a relative position ("west of Baghdad"), is only compared with
 * ("since the Madrid bombings"), sits in an aside about someone else (", who is expected to attend the talks in
 * Brussels,") or in talk of what may yet happen or did not ("will", "threatened to", "denied").
 *
 * Returns null for a location, else the kind of reason it is not one; `locativeRule` gives the rule that decided
 * (locative-rules.ts names them all, with examples).
 */
export type NotLocation =
  | 'compound'
  | 'qualifier'
  | 'government'
  | 'origin'
  | 'direction'
  | 'relative-position'
  | 'comparison'
  | 'description'
  | 'not-a-name'
  | 'no-locative-frame'
  | 'aside'
  | 'prospective'
  | 'not-happened';

const LOCATIVE_PREPOSITIONS = new Set<string>(PREPOSITIONS);

// Verbs whose object is someone spoken to, about or for, not a place acted on: "urged Baghdad", "warned Moscow".
const ADDRESSEE_VERBS = new Set([
  'say', 'tell', 'urge', 'warn', 'accuse', 'blame', 'thank', 'praise', 'criticize', 'criticise', 'condemn',
  'support', 'back', 'recognize', 'recognise', 'ask', 'call', 'press', 'pressure', 'persuade', 'convince', 'inform',
  'notify', 'assure', 'reassure', 'contact', 'represent', 'govern', 'sanction', 'lobby', 'petition', 'congratulate',
  'invite', 'advise', 'request', 'beg', 'implore', 'encourage', 'allow', 'help', 'join', 'defeat', 'beat', 'play',
]);
// Verbs whose object is only talked about: "discussed Aleppo", "compared it to Aceh".
const TOPIC_VERBS = new Set(['discuss', 'mention', 'describe', 'compare', 'name', 'cite', 'consider', 'debate', 'resemble', 'remember', 'recall']);
// What a place does only as a government: "Washington wants", "Moscow has sent troops", "Baghdad denied".
const GOVERNMENT_VERBS = new Set([
  'say', 'want', 'demand', 'insist', 'deny', 'warn', 'accuse', 'reject', 'agree', 'ask', 'plan', 'hope', 'believe',
  'announce', 'urge', 'claim', 'respond', 'refuse', 'recognize', 'recognise', 'support', 'oppose', 'condemn', 'call',
  'threaten', 'seek', 'pledge', 'promise', 'vow', 'offer', 'expect', 'consider', 'decide', 'approve', 'allow',
  'order', 'send', 'deploy', 'impose', 'sanction', 'blame', 'welcome', 'argue', 'accept', 'criticize', 'criticise',
  'express', 'push', 'negotiate', 'sign', 'assure', 'insist', 'need', 'fear', 'suspect', 'acknowledge', 'admit',
  'confirm', 'dismiss', 'question', 'doubt', 'retaliate', 'protest',
]);
// Verbs that say what a place is, not what happened there: "Raqqa remains the group's capital".
const STATES = new Set(['remain', 'become', 'lie', 'sit', 'border', 'have', 'include', 'contain', 'host', 'boast', 'belong', 'mean', 'stay', 'rank', 'count', 'house', 'overlook', 'neighbour', 'neighbor']);
// Things taken away from a place: "from" after these marks something that happened there.
const REMOVAL = new Set([
  'withdraw', 'withdrawal', 'retreat', 'evacuate', 'evacuation', 'pull', 'expel', 'drive', 'oust', 'rescue', 'ferry',
  'airlift', 'flee', 'escape', 'extract', 'remove', 'bus', 'free', 'release', 'evict', 'chase', 'push', 'dislodge',
  'clear', 'lift', 'tweet', 'broadcast', 'speak', 'write', 'say', 'call', 'announce', 'telephone',
]);
// People arriving at a place: "to" after these marks something that happened there.
const ARRIVAL = new Set(['return', 'come', 'flee', 'move', 'relocate', 'transplant', 'transfer', 'evacuate', 'bring', 'visit', 'trip', 'deliver', 'admit']);
// "the attack on Erbil", "converged on the square", "the offensive against Mosul".
const ON_NOUNS = new Set(['attack', 'assault', 'offensive', 'strike', 'airstrike', 'raid', 'siege', 'crackdown', 'bombardment', 'march', 'advance', 'push', 'drive', 'centre', 'center', 'focus']);
// Places one is "on" rather than "in": streets, squares, islands, coasts.
const SURFACE_NAME = /\b(?:Square|Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Plaza|Island|Islands|Isle|Coast|Peninsula|Bridge|Highway|Front|Line|Mount|Hill|Heights|Border)$/;
// "the battle for Kobani", "fighting for Aleppo".
const FOR_NOUNS = new Set(['battle', 'fight', 'fighting', 'struggle', 'war', 'combat']);
// "the mayor of Kyiv", "the government of Iraq": the name says whose, not where.
const WHOSE_OF = new Set(['government', 'governor', 'mayor', 'president', 'minister', 'ministry', 'embassy', 'ambassador', 'leader', 'official', 'authority', 'people', 'citizen', 'native', 'resident', 'king', 'prime', 'parliament', 'capital']);
// "Baghdad officials", "the Kyiv government": a name before these nouns speaks for a government.
const GOVERNMENT_NOUNS = new Set(['official', 'officials', 'government', 'governments', 'authority', 'authorities', 'leader', 'leaders', 'leadership', 'regime', 'administration', 'minister', 'ministry', 'envoy', 'ambassador', 'diplomat', 'diplomats', 'spokesman', 'spokeswoman', 'embassy', 'agreement', 'accord', 'accords', 'process', 'convention', 'protocol']);
// "Baghdad's outskirts", "Port-au-Prince's streets": a place owning a part of itself, or what happened there.
const PLACE_PARTS = new Set([
  'outskirts', 'suburb', 'suburbs', 'street', 'streets', 'centre', 'center', 'district', 'districts', 'neighborhood',
  'neighbourhood', 'neighborhoods', 'neighbourhoods', 'old', 'airport', 'port', 'north', 'south', 'east', 'west',
  'northeast', 'northwest', 'southeast', 'southwest', 'downtown', 'harbor', 'harbour', 'waterfront', 'beach', 'beaches',
  'square', 'hospital', 'hospitals', 'school', 'schools', 'market', 'markets', 'camp', 'camps', 'area', 'areas',
  'quarter', 'resident', 'residents', 'people', 'population', 'survivor', 'survivors', 'ruins', 'rubble', 'skyline',
  'border', 'streets', 'road', 'roads', 'bridge', 'bridges', 'mosque', 'church', 'stadium', 'hotel', 'mall',
]);
// Places that lead a name set off by a comma: "the provincial capital, Tikrit", "the northeastern town, Chibok".
const PLACE_NOUNS = new Set<string>([...SETTLEMENT_NOUNS, 'county', 'port', 'stronghold', 'camp', 'suburb', 'neighborhood', 'neighbourhood', 'hub', 'enclave', 'area']);
const COMPASS_OF = /\b(north|south|east|west|northeast|northwest|southeast|southwest|outside|off the coast|upstream|downstream)(?:ern)? of\s+$/i;
const PROSPECTIVE = new RegExp(String.raw`\b(${alternation(MODAL_FUTURE)}|[’']ll|is expected to|are expected to|is going to|are going to|matter of time|in sight|asked if|whether|is set to|are set to|is due to|are due to|is scheduled to|are scheduled to)\b`, 'i');
// "the Washington Post", "Baghdad International Airport": the name is part of another name.
const NAME_CONTINUES = new RegExp(String.raw`^ (?!(?:${WEEKDAY_NAME_SOURCE}|${MONTH_NAME_SOURCE})\b)[A-Z][a-z]`);
// "met Iraqi leaders in Baghdad": the leaders are met there, not speaking for it.
const MEETING_BEFORE = /\b(met|meet|meets|meeting|visited|talks)\b[^,.;]*$/i;
const OFFICIALS_IN = /\b(officials?|authorities|leaders?|government|regime|ministers?|envoys?|ambassadors?|spokes(?:man|woman|person|people)|representatives?)\s+in\s+$/i;
// What a place is or who someone is, not what happened there: "the mall is located in an upscale part of Nairobi", "Born in Kirkuk, …".
const DESCRIPTION = /\b(?:located|situated|born|grew up|(?:raised|educated|trained) in|headquartered|(?:is|are|was|were)\s+(?:based|home to|known for|famous for))\b/i;
// Verbs of intent: "plans to attack", "threatened to capture" (as verbs; "Baghdad's plan to request aid" is a noun).
const INTENT = new Set(['plan', 'intend', 'aim', 'hope', 'expect', 'threaten', 'vow', 'pledge', 'promise', 'seek', 'want', 'prepare', 'try', 'attempt']);
// Denials, threats and failures report no event at the place.
const NOT_HAPPENED = /\b(denied|denies|deny|failed to|fail to|refused to|refuses to|refuse to|did not|didn['’]t|has not|hasn['’]t|have not|haven['’]t|had not|hadn['’]t|was not|wasn['’]t|were not|weren['’]t|never|no sign of|not to)\b/i;
const WALK = 10; // tokens a frame word may stand before the name: "overrun the strategic Shi'ite-majority northern town of Tal Afar"

/** Whether `second`, right after `first` and a comma, only says where `first` is ("Mosul, Iraq"). */
export type Qualifies = (first: Mention, second: Mention) => boolean;

/** The verdict of the rule that decides (see locativeRule for the arguments). */
export function whyNotLocation(...args: Parameters<typeof locativeRule>): NotLocation | null {
  return verdictOf(locativeRule(...args));
}

/**
 * The id of the locative rule that decides whether `mention` is where the sentence's event happened.
 * `others`: the sentence's other mentions (the mention itself may be among them).
 */
export function locativeRule(
  sentence: string,
  mention: Mention,
  others: readonly Mention[],
  hasFutureDate: boolean,
  qualifies: Qualifies = () => true,
  isCountry: (mention: Mention) => boolean = () => false,
): LocativeRuleId {
  return createSentenceJudge(sentence, others, hasFutureDate, qualifies, isCountry).rule(mention);
}

/**
 * One sentence's judge, for asking `locativeRule` of each of its names: it works out once what it needs of
 * the sentence (its names by where they end) and keeps the rule of each, so that a list of n names ("Rawa, Ana, Hit
 * and …", each taking the frame of the one before) costs n judgements, not n² (n³ with the look for the name before
 * each). `mentions`: the sentence's mentions.
 */
export interface SentenceJudge {
  /** The rule that decides (see locative-rules.ts); its verdict is LOCATIVE_RULES[rule].verdict. */
  rule(mention: Mention): LocativeRuleId;
}

export function createSentenceJudge(
  sentence: string,
  mentions: readonly Mention[],
  hasFutureDate: boolean,
  qualifies: Qualifies = () => true,
  isCountry: (mention: Mention) => boolean = () => false,
): SentenceJudge {
  const byEnd = new Map<number, Mention[]>();
  for (const o of mentions) {
    const list = byEnd.get(o.end);
    if (list) list.push(o);
    else byEnd.set(o.end, [o]);
  }
  const rules = new Map<Mention, LocativeRuleId>();
  const context: SentenceContext = {
    sentence,
    hasFutureDate,
    qualifies,
    isCountry,
    // The first name (in `mentions`' order) that ends right before `mention` with only `gap` between.
    nameBefore: (mention, gap) => {
      for (const end of gapStarts(sentence, mention.start, gap)) {
        const found = byEnd.get(end)?.find((o) => o !== mention);
        if (found) return found;
      }
      return undefined;
    },
    rule: (mention) => {
      if (rules.has(mention)) return rules.get(mention)!;
      // The names this one is joined to, judged first from the list's start: each then asks one cached rule,
      // however long the list (asked in any order, a recursion 4,000 names deep would exhaust the stack).
      const chain: Mention[] = [];
      for (let m = context.nameBefore(mention, 'joined'); m && !rules.has(m); m = context.nameBefore(m, 'joined')) chain.push(m);
      for (const m of chain.reverse()) rules.set(m, judgeMention(context, m));
      const rule = judgeMention(context, mention);
      rules.set(mention, rule);
      return rule;
    },
  };
  return { rule: context.rule };
}

interface SentenceContext {
  sentence: string;
  hasFutureDate: boolean;
  qualifies: Qualifies;
  isCountry: (mention: Mention) => boolean;
  nameBefore(mention: Mention, gap: 'comma' | 'joined'): Mention | undefined;
  rule(mention: Mention): LocativeRuleId;
}

/**
 * Where a name before `start` would end for the text between it and `start` to be only a comma (`comma`: ",",
 * spaces) or a joining word (`joined`: ",", " and ", " or ", ", and "), nearest first: the regular expressions
 * `^,\s*$` and `^(,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)$` read backwards from `start`.
 */
function gapStarts(sentence: string, start: number, gap: 'comma' | 'joined'): number[] {
  const ends: number[] = [];
  let p = start;
  while (p > 0 && /\s/.test(sentence[p - 1])) p--;
  if (sentence[p - 1] === ',') ends.push(p - 1);
  if (gap === 'comma' || p === start) return ends;
  for (const word of ['and', 'or']) {
    const w = p - word.length;
    if (w <= 0 || sentence.slice(w, p) !== word || !/\s/.test(sentence[w - 1])) continue;
    let q = w;
    while (q > 0 && /\s/.test(sentence[q - 1])) q--;
    ends.push(q); // " and "
    if (word === 'and' && sentence[q - 1] === ',') ends.push(q - 1); // ", and "
  }
  return ends.sort((a, b) => b - a);
}

// How far before and after a name the regular expressions over its surroundings look: they are anchored at the
// name, and reading a whole 28 kB sentence for each of its names made a long list quadratic.
const LOOK_BEHIND = 200; // characters
const LOOK_AHEAD = 400; // characters

function judgeMention(context: SentenceContext, mention: Mention): LocativeRuleId {
  const { sentence, hasFutureDate, qualifies, isCountry } = context;
  const before = sentence.slice(Math.max(0, mention.start - LOOK_BEHIND), mention.start);
  const after = sentence.slice(mention.end, mention.end + LOOK_AHEAD);
  if (/^-\p{L}/u.test(after)) return 'hyphen-compound';
  if (NAME_CONTINUES.test(after)) return 'name-continues';
  const previous = context.nameBefore(mention, 'comma');
  if (previous && qualifies(previous, mention)) return 'qualifies-previous';
  if (OFFICIALS_IN.test(before) && !MEETING_BEFORE.test(before)) return 'officials-in';
  if (COMPASS_OF.test(before)) return 'compass-of';
  if (spanContaining(relativeClauses(sentence), mention.start, mention.end)) return 'relative-clause';

  // Tagging is the costly part: a name right after a locative preposition ("in the city") needs none for its
  // frame, nor does one that opens its sentence before a government's verb ("Washington wants").
  if (mention.start < LOOK_BEHIND && /^\s*$/.test(before) && GOVERNMENT_AFTER.test(after)) return 'opens-before-government-verb';
  let tokens: Token[] | null = null;
  let frame: LocativeRuleId = 'locative-preposition';
  const possessive = /^['’]s\b/.test(after);
  if (possessive || !RIGHT_AFTER_PREPOSITION.test(before)) {
    tokens = tag(sentence);
    const first = tokenAt(tokens, mention.start);
    const next = tokenAt(tokens, mention.end);
    // A capitalised common word that a gazetteer also knows as a town ("Many thought…", "Mobile homes…").
    if (next - first === 1 && COMMON_WORD_TAGS.has(tokens[first].pos) && (first === 0 || tokens[first - 1].pos === 'PUNCT')) return 'common-word';
    // A country is where something happened only when it is said to happen in it: "in Nigeria", "across Haiti".
    if (isCountry(mention) && !prepositionBefore(tokens, first)) return 'country-without-preposition';
    frame = possessive ? possessiveFrame(tokens, next) : locativeFrame(context, sentence.slice(mention.start, mention.end), tokens, first, next, mention);
    if (verdictOf(frame) !== null) return frame;
  }

  // What may yet happen, or did not: from the mention's clause to the end of what is said about it (the next
  // ", and", ";", "but" or "that" starts something else).
  const clause = clauseAround(sentence, mention.start, mention.end);
  const stop = after.search(/,\s+(?:and|but|while)\s|;|\s(?:but|that)\s/);
  const saidStart = Math.max(clause.start, mention.start - LOOK_BEHIND);
  const said = sentence.slice(saidStart, mention.end + (stop === -1 ? after.length : stop));
  if (NOT_HAPPENED.test(said)) return 'denied-or-failed';
  if (DESCRIPTION.test(said)) return 'description';
  if (!hasFutureDate) {
    if (PROSPECTIVE.test(said)) return 'prospective-word';
    if (INTENT_WORDS.test(said) && intends(tokens ?? tag(sentence), saidStart, saidStart + said.length)) return 'intent-to';
  }
  return frame;
}

/** Whether a verb of intent followed by "to" stands in `[from, to)`: "militants plan to attack Baghdad". */
function intends(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = tokenAt(tokens, from); i + 1 < tokens.length && tokens[i].end <= to; i++) {
    const t = tokens[i];
    if (!INTENT.has(t.lemma) || tokens[i + 1].text.toLowerCase() !== 'to') continue;
    // "The army plans to": a third-person verb the tagger read as a plural noun, right after its subject.
    if (t.pos === 'VERB' || (t.pos === 'NOUN' && /s$/.test(t.text) && (tokens[i - 1]?.pos === 'NOUN' || tokens[i - 1]?.pos === 'PROPN'))) return true;
  }
  return false;
}

// The same locative prepositions, right before the name (an article between): the frame needs no tags.
// "in the town of", "into the northern city of" too. Those that also speak of movement or rank ("over", "onto",
// "beside", "beneath"…) are read with the tags.
const RIGHT_AFTER_PREPOSITION = new RegExp(String.raw`\b(?:${alternation(without(PREPOSITIONS, ['over', 'amidst', 'onto', 'beside', 'underneath', 'beneath']))})\s+(?:the\s+)?(?:(?:\p{Ll}[\p{Ll}-]*\s+){0,3}(?:${alternation(SETTLEMENT_NOUNS)})\s+of\s+)?$`, 'iu');
const GOVERNMENT_AFTER = /^\s+(?:wants?|wanted|says?|said|denie[sd]|deny|warned|warns|insists?|insisted|demands?|demanded|urged|urges|accused|rejected|announced)\b/;
// A cheap look for the verbs of intent before tagging a sentence for them.
const INTENT_WORDS = /\b(?:plan|intend|aim|hope|expect|threaten|vow|pledge|promis|seek|want|prepar|tr(?:y|ies|ied)|attempt)\w*\s+to\b/i;

const COMMON_WORD_TAGS = new Set(['DET', 'ADJ', 'PRON', 'ADV', 'AUX', 'VERB', 'CCONJ', 'SCONJ', 'PART', 'NUM', 'ADP', 'INTJ']);

function prepositionBefore(tokens: readonly Token[], first: number): boolean {
  for (let i = first - 1; i >= 0 && i >= first - 4; i--) {
    const t = tokens[i];
    if (LOCATIVE_PREPOSITIONS.has(t.text.toLowerCase())) return true;
    if (!(t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'ADV' || t.text === '-')) return false;
  }
  return false;
}

/** "Baghdad's outskirts", "Haiti's earthquake", "Kharkiv's residential Kyiv District" are places; "Baghdad's plan" is a government's. */
function possessiveFrame(tokens: readonly Token[], next: number): LocativeRuleId {
  let i = next;
  while (i < tokens.length && /^['’]s?$/.test(tokens[i].text)) i++;
  while (i < tokens.length && (tokens[i].pos === 'ADJ' || tokens[i].pos === 'ADV' || tokens[i].pos === 'NUM' || tokens[i].text === '-')) i++;
  const head = tokens[i];
  if (head && (head.pos === 'PROPN' || PLACE_PARTS.has(head.text.toLowerCase()) || EVENT_NOUNS.has(head.lemma))) return 'possessive-part';
  return 'possessive-government';
}

// Nouns naming something that happened at a place, for "Haiti's earthquake", "Mosul's fall".
const EVENT_NOUNS = new Set([
  'earthquake', 'quake', 'flood', 'flooding', 'fall', 'siege', 'capture', 'liberation', 'destruction', 'devastation',
  'bombing', 'attack', 'massacre', 'protest', 'uprising', 'revolution', 'election', 'vote', 'crisis', 'disaster',
  'storm', 'hurricane', 'fire', 'blast', 'explosion', 'shelling', 'fighting', 'battle', 'evacuation', 'recovery',
  'reconstruction', 'death', 'toll', 'damage',
]);

function locativeFrame(context: SentenceContext, name: string, tokens: readonly Token[], first: number, next: number, mention: Mention): LocativeRuleId {
  const { sentence } = context;
  // "Rawa and Ana": a name joined to the one before it shares that one's frame.
  const joined = context.nameBefore(mention, 'joined');
  if (joined) return verdictOf(context.rule(joined)) === null ? 'joined-to-location' : 'joined-to-non-location';

  // "Biloxi police", "a Brussels neighborhood", "the Port-au-Prince airport"; "Baghdad officials" speak for a government.
  const attributive = nounAfter(tokens, next, sentence, mention);
  if (attributive && GOVERNMENT_NOUNS.has(attributive.text.toLowerCase())) return 'before-government-noun';
  for (let i = first - 1, steps = 0; steps <= WALK; i--, steps++) {
    if (i < 0) return subjectFrame(tokens, next, sentence, mention);
    const t = tokens[i];
    const word = t.text.toLowerCase();
    if (t.pos === 'PUNCT' || t.pos === 'SYM') {
      // An apposition after a place noun takes that noun's frame: "capturing the provincial capital, Tikrit".
      if (word === ',' && PLACE_NOUNS.has(tokens[i - 1]?.lemma)) continue;
      if (/^[-–—]$/.test(word) && /^\s/.test(sentence.slice(t.end))) return subjectFrame(tokens, next, sentence, mention);
      if (word === '-' || word === '’' || word === "'") continue; // inside a word: "Shi'ite-majority"
      return subjectFrame(tokens, next, sentence, mention);
    }
    if (word === 'since' || word === 'than' || word === 'like') return 'comparison-word';
    if (t.pos === 'SCONJ' || word === 'that' || t.pos === 'PRON' || t.pos === 'CCONJ' && !isNounish(tokens[i - 1])) return subjectFrame(tokens, next, sentence, mention);
    if (t.pos === 'ADP') {
      if (word === 'of') {
        const owner = tokens[i - 1];
        if (owner && WHOSE_OF.has(owner.lemma)) return 'whose-of';
        if (owner && EVENT_NOUNS.has(owner.lemma)) return 'event-of'; // "the fall of Mosul", "the siege of Homs"
        continue;
      }
      return preposition(tokens, i, word, name);
    }
    if (t.pos === 'VERB') {
      if (isModifier(tokens, i)) continue;
      if (ADDRESSEE_VERBS.has(t.lemma)) return followedByPredicate(tokens, next) ? subjectFrame(tokens, next, sentence, mention) : 'addressee-verb';
      if (TOPIC_VERBS.has(t.lemma)) return 'topic-verb';
      return 'verb-object';
    }
    if (t.pos === 'AUX') return followedByPredicate(tokens, next) ? subjectFrame(tokens, next, sentence, mention) : 'after-auxiliary';
  }
  return 'no-frame-word';
}

function preposition(tokens: readonly Token[], i: number, word: string, name: string): LocativeRuleId {
  if (LOCATIVE_PREPOSITIONS.has(word)) return 'locative-preposition';
  if (word === 'on' && SURFACE_NAME.test(name)) return 'on-surface'; // "on Independence Square", "on Bourbon Street"
  const governor = governorOf(tokens, i);
  switch (word) {
    case 'on':
    case 'upon':
    case 'against': {
      const before = tokens[i - 1];
      if (!before) return 'on-other';
      if (before.pos === 'VERB' && !ADDRESSEE_VERBS.has(before.lemma) && !TOPIC_VERBS.has(before.lemma) && word !== 'against') return 'on-after-verb';
      return ON_NOUNS.has(before.lemma) || ON_NOUNS.has(before.text.toLowerCase()) ? 'attack-on' : 'on-other';
    }
    case 'from':
      if (tokens[i - 1] && GOVERNMENT_NOUNS.has(tokens[i - 1].text.toLowerCase())) return 'official-from'; // "an official from Ankara"
      return governor && REMOVAL.has(governor.lemma) ? 'removed-from' : 'from-origin';
    case 'to':
      return governor && ARRIVAL.has(governor.lemma) ? 'arrived-to' : 'to-direction';
    case 'toward':
    case 'towards':
      return 'toward-direction';
    case 'by':
      return 'by-agent';
    case 'for':
      return governor && FOR_NOUNS.has(governor.lemma) ? 'battle-for' : 'for-other';
    default:
      return 'other-preposition';
  }
}

/** The verb or noun a preposition at `i` hangs from: the nearest verb before it in its clause, else the noun right before it. */
function governorOf(tokens: readonly Token[], i: number): Token | null {
  for (let j = i - 1, steps = 0; j >= 0 && steps < 8; j--, steps++) {
    const t = tokens[j];
    if (t.pos === 'PUNCT' || t.pos === 'SCONJ') break;
    if (t.pos === 'VERB' && !isModifier(tokens, j)) return t;
    if (REMOVAL.has(t.lemma) || ARRIVAL.has(t.lemma) || FOR_NOUNS.has(t.lemma)) return t;
  }
  const before = tokens[i - 1];
  return before && before.pos === 'NOUN' ? before : null;
}

/** A participle used as an adjective: "the besieged city", "a rebel-held area". */
function isModifier(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (!after || !(after.pos === 'NOUN' || after.pos === 'PROPN' || after.pos === 'ADJ')) return false;
  return !before || before.pos === 'DET' || before.pos === 'ADJ' || before.text === '-' || before.pos === 'ADP' || before.pos === 'NUM';
}

/** The noun right after a name, a word apart, that the name locates or speaks for ("Biloxi police"), if any. */
function nounAfter(tokens: readonly Token[], next: number, sentence: string, mention: Mention): Token | null {
  const t = tokens[next];
  return t && isNounish(t) && /^\s/.test(sentence.slice(mention.end)) ? t : null;
}

function isNounish(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'NOUN' || t.pos === 'PROPN');
}

/** Whether the words after the name's noun phrase start a predicate: "Tal Afar was seized", "Mosul fell". */
function followedByPredicate(tokens: readonly Token[], next: number): boolean {
  let j = next;
  while (j < tokens.length && (tokens[j].pos === 'PROPN' || tokens[j].pos === 'NOUN' || tokens[j].pos === 'ADV' || tokens[j].pos === 'PART' || tokens[j].text === "'s" || tokens[j].text === '’s')) j++;
  return j < tokens.length && (tokens[j].pos === 'AUX' || tokens[j].pos === 'VERB');
}

/**
 * A name at the start of its clause: the subject of what follows. A passive or a state places the event there
 * ("Tal Afar was seized", "much of Biloxi was underwater"), as does a verb that is not a government's act
 * ("Mosul fell", "Pensacola seemed to avoid the worst"); "Washington wants", "Moscow has sent" speak for a
 * government; a name before a noun locates it ("Biloxi police said").
 */
function subjectFrame(tokens: readonly Token[], next: number, sentence: string, mention: Mention): LocativeRuleId {
  if (nounAfter(tokens, next, sentence, mention)) return 'before-noun';
  let j = next;
  while (j < tokens.length && tokens[j].pos === 'ADV') j++;
  let passive = false;
  while (j < tokens.length && (tokens[j].pos === 'AUX' || tokens[j].pos === 'PART' || tokens[j].pos === 'ADV')) {
    if (tokens[j].lemma === 'be') passive = true;
    j++;
  }
  // "Pensacola seemed to avoid the worst": the verb that says what happened comes after "seem to".
  while (j + 2 < tokens.length && (tokens[j].lemma === 'seem' || tokens[j].lemma === 'appear') && tokens[j + 1].lemma === 'to') j += 2;
  const head = tokens[j];
  if (!head) return 'no-verb';
  if (STATES.has(head.lemma)) return 'subject-of-state';
  if (head.pos === 'VERB') return passive ? 'subject-of-passive' : GOVERNMENT_VERBS.has(head.lemma) ? 'subject-of-government-verb' : 'subject-of-event-verb';
  if (passive && (head.pos === 'ADJ' || head.pos === 'ADP' && LOCATIVE_PREPOSITIONS.has(head.lemma) || head.lemma === 'under')) return 'subject-of-passive';
  return 'no-verb';
}
