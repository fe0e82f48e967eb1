import { formatDay, type DayRange } from '../../core/day.ts';
import type { Article, Category, DateBasis, EventRecord, Place } from '../../core/model.ts';
import { firstIndex } from '../../core/bisect.ts';
import { categorize, categoryOf } from './categories.ts';
import { articleCategory, categoryFeatures, judgedCategory } from '../judge/category.ts';
import { clauseAround, parentheticals, spanContaining, type Span } from '../text/clauses.ts';
import { findDates, resolveRelative, unsupportedDate, type DateExpression } from '../text/dates.ts';
import { findDateline } from '../text/datelines.ts';
import { createSentenceJudge } from './locative.ts';
import { verdictOf, type LocativeRuleId } from './locative-rules.ts';
import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import { isGazetteerRef } from '../gazetteer/place-ref.ts';
import type { Mention } from '../places/mentions.ts';
import { createPlaceFinder, type ArticlePlaces, type PlaceFinder } from '../places/place-finder.ts';
import { splitSentences, type Sentence } from '../text/sentences.ts';
import { candidateFeatures, sentenceFacts, type Features } from '../judge/features.ts';
import { confidenceOf, judge as judgeOf, type JudgeModel } from '../judge/judge.ts';
import { squash } from '../eval/score.ts';

/** Page furniture that reports nothing: links, subscription boxes, bylines of the page rather than the story. */
const BOILERPLATE = /\b(click here|read more|subscribe|skip to main content|advertisement|date created)\b/i;

// Meetings of people, not "meet that threat": only these are placed at the dateline when no place is named.
const DATELINE_MEETING = /\b(met with|meets with|meet with|meeting with|talks with|their talks|held talks|visited)\b/i;

// A meeting still to come, or one on a trip away from where the story was filed, is not placed at the dateline.
const ELSEWHERE = /\b(will|would|expected to|flew to|flying to|arrived in|travell?ed to|trip to|visit to|visiting)\b/i;

// The words that say a date is when something was said: "officials said on Monday", "told AFP late Tuesday".
const REPORTED_ON = /\b(?:said|says|told(?: [\w.’'-]+){1,4}|announced|reported|confirmed|added|stated|declared|tweeted|wrote|according to(?: [\w.’'-]+){1,4})\s*,?\s*(?:on\s+|late\s+|early\s+|this\s+)?$/i;

// A date after a determiner or possessive names an event ("its February 1 coup"), it does not date the story.
const ATTRIBUTIVE_DATE = /\b(?:the|its|their|his|her|this|that|a|an|[\p{L}]+[’']s)\s+$/iu;

interface Located {
  sentence: Sentence;
  /** The sentence's index in the article. */
  index: number;
  place: string;
  mention: Mention | null;
  category: Category;
  dates: { range: DayRange; text: string; basis: DateBasis; at: number } | null;
  /** Null when the rules make an event of it; else the rule that set it aside (a candidate for the judge only). */
  rule: string | null;
  /** The locative rule that decided its place (see locative-rules.ts); null for a place from the dateline. */
  locativeRule: LocativeRuleId | null;
  /** Places named in its sentence. */
  places: number;
  futureDate: boolean;
}

/**
 * How the rules' candidates become events: by the rules alone (undefined), by the judge (each candidate scored,
 * those at or above its floor kept, with their confidence and reasons), or every candidate kept with its features
 * (for training the judge: `features` on each record, never written).
 */
export type Judging = { judge: JudgeModel } | { candidates: true };

/** An event record with the judge's features, as `{ candidates: true }` gives them. */
export type Candidate = EventRecord & { features: Features };

/**
 * The events of one article, with the curated places only. Pure: the text and places in, event records out
 * (ids numbered in text order). One event per sentence and place; a sentence names several places only when
 * several things happened.
 */
export function extractEvents(article: Article, text: string, places: readonly Place[]): EventRecord[] {
  const finder = createPlaceFinder(places, null);
  return extractArticle(article, text, finder.find(text, new Map()), finder);
}

/** An extractor for many articles: the place finder (alias matcher, gazetteer) is built once. Places found in
 * the gazetteer keep their refs ("geonames:706448") as `place`; `runIngest` gives them ids. */
export function createExtractor(places: readonly Place[], gazetteer: Gazetteer | null = null): (article: Article, text: string) => EventRecord[] {
  const finder = createPlaceFinder(places, gazetteer);
  return (article, text) => extractArticle(article, text, finder.find(text, new Map()), finder);
}

/** Why a place's mention did not become an event (for `--explain`). */
export interface Rejection {
  place: string;
  start: number;
  end: number;
  quoteStart: number;
  reason: string;
}

/**
 * The events of one article whose places are already found (curated and gazetteer); `rejected`, when given,
 * collects the mentions that did not become events and why.
 */
export function extractArticle(article: Article, text: string, found: ArticlePlaces, finder: PlaceFinder, rejected?: Rejection[], judging?: Judging): EventRecord[] {
  const placeOf = finder.place;
  const sentences = splitSentences(text);
  // Lines end at CR, U+2028 and U+2029 too (as in sentences.ts); each is one code unit, so offsets stay the same.
  const lined = text.replace(/\r(?!\n)|[\u2028\u2029]/g, '\n');
  const dateline = datelinePlace(text, found.mentions);

  // Each sentence's dates, found once: undated sentences look back at them for context.
  const datesOf = new Map(sentences.map((s) => [s, findDates(s.text, article.published)]));
  const located: Located[] = [];
  const seen = new Set<string>();
  for (const [index, sentence] of sentences.entries()) {
    if (BOILERPLATE.test(sentence.text) || isHeading(lined, sentence)) continue;
    // The same sentence printed twice (a caption repeated) is one report: judged once.
    if (judging) {
      const key = squash(sentence.text);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const mentions = mentionsIn(found.mentions, sentence);
    const dates = datesOf.get(sentence)!;
    // A sentence dated only outside the days a dataset holds ("in 1799", "300 years ago") has no day for its events:
    // the publication day would be a wrong one.
    const farDate = dates.length === 0 ? unsupportedDate(sentence.text, article.published) : null;
    if (farDate !== null) {
      for (const m of mentions) rejected?.push({ place: m.place, start: sentence.start + m.start, end: sentence.start + m.end, quoteStart: sentence.start, reason: `date-out-of-range ("${farDate}": the days held are 1800–2100)` });
      continue;
    }
    const hasFutureDate = dates.some((d) => d.future && !d.relative && d.range.start >= article.published);
    const asides = parentheticals(sentence.text);

    const places = new Map<string, { mention: Mention; locativeRule: LocativeRuleId }>();
    const setAside = new Map<string, { mention: Mention; rule: string; locativeRule: LocativeRuleId }>(); // candidates for the judge only
    const judge = createSentenceJudge(sentence.text, mentions, hasFutureDate, qualifies, isCountry); // one per sentence: a list of n names is judged in n steps
    for (const mention of mentions) {
      if (places.has(mention.place)) continue;
      const locativeRule = judge.rule(mention);
      const why = verdictOf(locativeRule);
      if (why === null) {
        places.set(mention.place, { mention, locativeRule });
        setAside.delete(mention.place);
      } else {
        rejected?.push({ place: mention.place, start: sentence.start + mention.start, end: sentence.start + mention.end, quoteStart: sentence.start, reason: `${why} (rule ${locativeRule})` });
        if (!setAside.has(mention.place)) setAside.set(mention.place, { mention, rule: why, locativeRule });
      }
    }
    // A site in its city, a town in its province: keep the most specific place the sentence names.
    for (const id of [...places.keys()]) {
      for (const other of places.keys()) {
        if (other !== id && isWithin(other, id, placeOf)) {
          const { mention: m, locativeRule } = places.get(id)!;
          rejected?.push({ place: id, start: sentence.start + m.start, end: sentence.start + m.end, quoteStart: sentence.start, reason: 'contains-a-named-place' });
          setAside.set(id, { mention: m, rule: 'contains-a-named-place', locativeRule });
          places.delete(id);
          break;
        }
      }
    }

    const named = new Set(mentions.map((m) => m.place)).size;
    const candidates = [...[...places].map(([place, p]) => ({ place, ...p, rule: null })), ...(judging ? [...setAside].map(([place, a]) => ({ place, ...a })) : [])];
    for (const { place, mention, rule, locativeRule } of candidates) {
      const category = categoryOf(sentence.text, mention);
      located.push({ sentence, index, place, mention: shift(mention, sentence.start), category, dates: datesFor(sentence.text, dates, asides, mention, category), rule, locativeRule, places: named, futureDate: hasFutureDate });
    }
    // A meeting reported without a place, in a story filed from one, happened where it was filed.
    if (places.size === 0 && dateline && DATELINE_MEETING.test(sentence.text) && !ELSEWHERE.test(sentence.text)) {
      located.push({ sentence, index, place: dateline, mention: null, category: 'meeting', dates: datesFor(sentence.text, dates, asides, null, 'meeting'), rule: null, locativeRule: null, places: named, futureDate: hasFutureDate });
    }
  }
  if (judging) located.sort((a, b) => a.sentence.start - b.sentence.start || (a.mention?.start ?? -1) - (b.mention?.start ?? -1));

  const records: EventRecord[] = [];
  const atPlace = new Map<string, number>();
  let articleKind: Category | null | undefined; // the article's commonest kind, for the category model: once, when asked
  for (const event of located) {
    const reading = dateOf(event, sentences, datesOf, article);
    if (!judging) {
      records.push(recordOf(event, reading, records.length + 1));
      continue;
    }
    // The judge weighs each date reading of the candidate (the rules' own first) and keeps the likeliest.
    const place = placeOf(event.place);
    const best = { confidence: -1, reading: null as Reading | null, features: null as Features | null };
    const inSentence = { sentence: event.sentence.text, mention: event.mention && { start: event.mention.start - event.sentence.start, end: event.mention.end - event.sentence.start } };
    const facts = sentenceFacts(inSentence); // the same for every date reading
    for (const [k, r] of dateReadings(event, reading).entries()) {
      const features = candidateFeatures({
        sentence: inSentence.sentence,
        mention: inSentence.mention,
        rule: event.rule,
        locativeRule: event.locativeRule,
        category: event.category,
        dateBasis: r.basis,
        dateAt: r.at,
        rulesDate: k === 0,
        start: r.range.start,
        end: r.range.end,
        published: article.published,
        placeKind: place?.kind ?? 'town',
        curated: !isGazetteerRef(event.place),
        runnersUp: place?.candidates.length ?? 0,
        dateline: event.place === dateline,
        index: event.index,
        sentences: sentences.length,
        places: event.places,
        earlierAtPlace: atPlace.get(event.place) ?? 0,
        futureDate: event.futureDate,
      }, facts);
      if ('candidates' in judging) {
        const record = recordOf(event, r, records.length + 1);
        records.push(Object.assign(record, { id: `${record.id}.${k}`, features }));
        continue;
      }
      const confidence = confidenceOf(judging.judge, features);
      if (confidence > best.confidence) Object.assign(best, { confidence, reading: r, features });
    }
    atPlace.set(event.place, (atPlace.get(event.place) ?? 0) + 1);
    if (best.reading && best.features && 'judge' in judging && best.confidence >= judging.judge.floor) {
      const record = recordOf(event, best.reading, records.length + 1);
      const verdict = judgeOf(judging.judge, best.features); // the reasons, for the reading kept only
      const kinds = judging.judge.category?.models;
      const features = () => categoryFeatures({ sentence: inSentence.sentence, mention: inSentence.mention, rule: event.category, article: (articleKind ??= articleCategory(sentences)) });
      const category = (kinds && judgedCategory(kinds, event.category, features)) ?? record.category;
      records.push({ ...record, category, confidence: verdict.confidence, reasons: verdict.reasons });
    }
  }
  return records;

  /** The candidate's date readings: the rules' own, then the sentence's other dates, the context's and the publication day's. */
  function dateReadings(event: Located, own: Reading): Reading[] {
    const readings = [own];
    const add = (r: Reading) => {
      if (!readings.some((x) => x.range.start === r.range.start && x.range.end === r.range.end)) readings.push(r);
    };
    for (const d of datesOf.get(event.sentence)!) if (!d.relative && !d.future) add({ range: d.range, basis: 'stated', text: d.text, at: d.index });
    add({ ...dateOf({ ...event, dates: null }, sentences, datesOf, article), at: null });
    add({ range: { start: article.published, end: article.published }, basis: 'published', text: null, at: null });
    return readings;
  }

  function recordOf(event: Located, r: Reading, n: number): EventRecord {
    return {
      id: `${article.id}#${n}`,
      article: article.id,
      place: event.place,
      start: formatDay(r.range.start),
      end: formatDay(r.range.end),
      category: event.category,
      quote: event.sentence.text,
      quoteStart: event.sentence.start,
      mentionStart: event.mention?.start ?? null,
      mentionEnd: event.mention?.end ?? null,
      dateBasis: r.basis,
      dateText: r.text,
    };
  }

  function isCountry(mention: Mention): boolean {
    return placeOf(mention.place)?.kind === 'country';
  }

  /** Whether `second` merely says where `first` is ("Mosul, Iraq"): it contains it, or is a province or country. */
  function qualifies(first: Mention, second: Mention): boolean {
    const outer = placeOf(second.place);
    return isWithin(first.place, second.place, placeOf) || outer?.kind === 'province' || outer?.kind === 'country';
  }

  /**
   * The date of a mention's event from its own sentence: the nearest date in the same part of it (an aside's
   * dates are the aside's). A date that says when something was said ("…, an official said on Monday") dates any
   * other kind of event only as "by then": the day before it to that day, `reported`, unless the sentence also
   * says when it happened.
   */
  function datesFor(sentence: string, dates: DateExpression[], asides: Span[], mention: Mention | null, category: Category): Located['dates'] {
    // A place from the dateline has no mention to stand near: any date of the sentence may be its date.
    const aside = mention ? spanContaining(asides, mention.start, mention.end) : null;
    const sameRegion = mention ? dates.filter((d) => spanContaining(asides, d.index, d.index + d.text.length) === aside) : dates.filter((d) => !d.relative);
    if (sameRegion.length === 0) return null;
    const reportDate = (d: DateExpression) => category !== 'statement' && REPORTED_ON.test(sentence.slice(Math.max(0, d.index - 60), d.index));
    const own = sameRegion.filter((d) => !reportDate(d));
    const pool = own.length ? own : sameRegion;
    const at = mention?.start ?? 0;
    const nearest = pool.reduce((best, d) => (Math.abs(d.index - at) < Math.abs(best.index - at) ? d : best));
    if (reportDate(nearest)) return { range: { start: nearest.range.start - 1, end: nearest.range.end }, text: nearest.text, basis: 'reported', at: nearest.index };
    if (!nearest.relative) return { range: nearest.range, text: nearest.text, basis: 'stated', at: nearest.index };
    const anchor = [...dates].reverse().find((d) => !d.relative && aside && d.index < aside.start);
    return anchor ? { range: resolveRelative(nearest.relative, anchor.range.start), text: `${anchor.text} ${nearest.text}`.trim(), basis: 'stated', at: nearest.index } : null;
  }
}

/**
 * A sentence without a date of its own takes one from its context (not from a date still to come, nor from one
 * that only names an earlier event: "its February 1 coup", "the April 14 abduction"): the nearest earlier dated sentence in its
 * paragraph or the paragraph before; failing that, the nearest earlier sentence with an exact day; failing
 * that, the publication day. (Undated wire paragraphs report the story's day, not a vague stretch before it.)
 */
/** A date reading of a candidate: its days, where they come from, the words that gave them and where those stand in the sentence. */
interface Reading {
  range: DayRange;
  basis: DateBasis;
  text: string | null;
  at: number | null;
}

function dateOf(event: Located, sentences: readonly Sentence[], datesOf: ReadonlyMap<Sentence, DateExpression[]>, article: Article): Reading {
  if (event.dates) return { range: event.dates.range, basis: event.dates.basis, text: event.dates.text, at: event.dates.at };
  const index = event.index;
  let exact: DayRange | null = null;
  for (let i = index - 1; i >= 0; i--) {
    const previous = sentences[i];
    if (BOILERPLATE.test(previous.text)) continue;
    const asides = parentheticals(previous.text);
    const dates = datesOf.get(previous)!.filter((d) => !d.relative && !d.future && !ATTRIBUTIVE_DATE.test(previous.text.slice(Math.max(0, d.index - 20), d.index)) && !spanContaining(asides, d.index, d.index + d.text.length));
    if (dates.length === 0) continue;
    const range = dates[dates.length - 1].range;
    if (previous.paragraph >= event.sentence.paragraph - 1) return { range, basis: 'context', text: null, at: null };
    exact ??= range.start === range.end ? range : null;
    if (exact) break;
  }
  if (exact) return { range: exact, basis: 'context', text: null, at: null };
  return { range: { start: article.published, end: article.published }, basis: 'published', text: null, at: null };
}

/**
 * A heading, subheading or caption line: a line of its own that does not end as a sentence does. It names what
 * the story goes on to report, so it is not a report of its own.
 */
function isHeading(text: string, sentence: Sentence): boolean {
  const end = sentence.start + sentence.text.length;
  if (/[.!?…]["”’')\]]*$/.test(sentence.text)) return false;
  const lineStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  return text.slice(lineStart, sentence.start).trim() === '' && text.slice(end, lineEnd === -1 ? text.length : lineEnd).trim() === '';
}

/** The place of the story's dateline (datelines.ts): the one whose name the dateline's city begins with. */
function datelinePlace(text: string, mentions: readonly Mention[]): string | null {
  const d = findDateline(text);
  return (d && mentions.find((m) => m.start === d.start && m.end <= d.end)?.place) ?? null;
}

/** The mentions inside a sentence, with offsets relative to it. */
function mentionsIn(mentions: readonly Mention[], sentence: Sentence): Mention[] {
  const end = sentence.start + sentence.text.length;
  // Mentions are in text order: find the first at or after the sentence (by bisection, so that a long article's
  // sentences do not each scan all of its mentions).
  const inside: Mention[] = [];
  for (let i = firstIndex(0, mentions.length, (k) => mentions[k].start < sentence.start); i < mentions.length && mentions[i].start < end; i++) {
    const m = mentions[i];
    if (m.end <= end) inside.push({ ...m, start: m.start - sentence.start, end: m.end - sentence.start });
  }
  return inside;
}

/** Whether `outer` contains `inner`: by the curated `within` chain, or a gazetteer place in its country or region. */
function isWithin(inner: string, outer: string, placeOf: (id: string) => Place | undefined): boolean {
  for (let p = placeOf(inner)?.within; p; p = placeOf(p)?.within) if (p === outer) return true;
  const a = placeOf(inner);
  const b = placeOf(outer);
  if (!a || !b || a === b || a.country !== b.country) return false;
  if (b.kind === 'country') return a.kind !== 'country';
  return b.kind === 'province' && b.admin1 !== undefined && a.admin1 === b.admin1 && a.kind !== 'province';
}

function shift(mention: Mention, by: number): Mention {
  return { ...mention, start: mention.start + by, end: mention.end + by };
}
