import distance from '@turf/distance';
import type { Gazetteer, GazetteerEntry } from './gazetteer.ts';
import { CORE_LOCATIVE_PREPOSITIONS, LOCAL_OFFICE_WORDS, LOCATIVE_WORDS, MOVEMENT_PREPOSITIONS, SETTLEMENT_NOUNS, alternation } from '../text/lexicon.ts';
import type { NameSpan } from './names-in-text.ts';
import { memoize } from './memoize.ts';
import { nameKey, plainName } from './normalize.ts';

/**
 * Which place a name means in one article, decided from evidence that can be shown: an explicit qualifier
 * ("Bucha, Ukraine"), the article's countries (the countries it names, those of its curated places and of its
 * qualified names), nearness to the article's other places, the countries of the rest of the corpus, the
 * words around it (a region word, "the city of"), then population and rank (a capital, a regional seat).
 *
 * One sense per article: every occurrence of a name takes the reading its best-evidenced occurrence gives.
 * A name that is ever a person in the article ("John Kerry", "President Kerry") is a person wherever it stands
 * without a locative word right before it. A name with no evidence beyond being in the gazetteer (a small town
 * abroad, a sentence's first word) is left out and reported, never guessed.
 */
export interface Resolution {
  span: NameSpan;
  /** The chosen entry's index, or null. */
  entry: number | null;
  /** Why: the evidence for the choice, or why no place was chosen. */
  reason: string;
  /** Close runners-up (entry indices), best first. */
  runnersUp: number[];
  /** Which rule decided: a place chosen, or the one that set the name aside (a feature of the learned geoparser). */
  rule: ResolveRule;
}

export type ResolveRule = 'chosen' | 'part-of-name' | 'after-the' | 'world-region' | 'thing' | 'curated-not-place' | 'person' | 'no-evidence' | 'small-unframed';

export interface ResolveContext {
  /** Countries of the curated places the article names (ISO alpha-2). */
  curatedCountries: readonly string[];
  /** Points of the curated places the article names. */
  curatedPoints: readonly [number, number][];
  /** Countries the rest of the corpus resolves to, with counts: weak evidence. */
  corpusCountries: ReadonlyMap<string, number>;
  /** Name keys a person has said are not places in this corpus. */
  notPlaces: ReadonlySet<string>;
  /**
   * Whether a name that opens a longer one ("Ohio Supreme Court", "U.S. Army") is read as a place, as the
   * geoparsing benchmarks count it (the geoparser); the map leaves it out, as no event happens at a modifier.
   */
  namesAsModifiers?: boolean;
}

const SCORE = {
  storyCountry: 4, // a country the article names or whose places it names
  corpusCountry: 0.5, // a country other articles of the corpus resolve to
  qualifier: 20, // "Bucha, Ukraine"
  regionWord: 6, // "Kherson Oblast" for the region, not the city
  nearby: 2, // within NEARBY_KM of a place the article already placed
  region: 6, // a first-level region's prior: as a city of a million (log10)
  capital: 1,
  seat: 0.5,
  close: 1.5, // runners-up within this of the best are reported
};
const NEARBY_KM = 300;
// What a name that opens a longer one may be, read as a modifier: a state's court, a country's army, not a town's school.
const MODIFIER_KINDS = new Set(['country', 'province']);
const LOCAL_OFFICE: ReadonlySet<string> = new Set(LOCAL_OFFICE_WORDS);
/** The evidence of a region named without a region word, with no town of its name inside it. */
export const REGION_BY_NAME_ALONE = 'a first-level region, no town of its own name in it';
const PLAIN_EVIDENCE_POPULATION = 100_000; // people: a city this large needs no other evidence
const LOCATIVE_BEFORE = new RegExp(String.raw`\b(?:${alternation([...CORE_LOCATIVE_PREPOSITIONS, 'to', 'from', 'of'])})\s+(?:the\s+)?$`, 'i');
// Words right before a name that say it is a place: "in Chibok", "the town of Bucha", "near Gaziantep".
const PLACE_FRAME_BEFORE = new RegExp(
  String.raw`(?:\b(?:${alternation([...CORE_LOCATIVE_PREPOSITIONS, 'around', 'throughout', ...MOVEMENT_PREPOSITIONS, 'reached', 'entered', 'fled', 'hit', 'struck'])})|\b(?:${alternation([...SETTLEMENT_NOUNS, 'suburb', 'port', 'outskirts'])}) of)\s+(?:(?:the|northern|southern|eastern|western|central|nearby|neighbouring|neighboring)\s+)?$`,
  'i',
);
const SMALL_TOWN = 100_000; // people: a town smaller than this needs a place frame as well as the article's country
// Continents and world regions: areas too large for a mark, whatever town shares their name ("Africa", Tunisia).
const WORLD_REGIONS = new Set(['africa', 'europe', 'asia', 'america', 'americas', 'north america', 'south america', 'latin america', 'central america', 'middle east', 'near east', 'far east', 'oceania', 'antarctica', 'arctic', 'caribbean', 'balkans', 'sahel', 'maghreb', 'scandinavia', 'levant', 'gulf', 'west', 'east', 'north', 'south', 'midwest'].map((n) => nameKey(n).key));

export function resolveNames(text: string, spans: readonly NameSpan[], gazetteer: Gazetteer, context: ResolveContext): Resolution[] {
  const entry = gazetteer.entry;
  const persons = new Set(spans.filter((s) => s.personLike).map((s) => s.key));

  // Qualifiers: "Bucha, Ukraine", "Paris, Texas": the second name's country or region narrows the first.
  const qualifiedBy = new Map<NameSpan, GazetteerEntry[]>();
  spans.forEach((span, i) => {
    const next = spans[i + 1];
    if (!next || !/^,\s*$/.test(text.slice(span.end, next.start))) return;
    const areas = next.candidates.map((c) => entry(c)).filter((e) => e.kind === 'country' || e.kind === 'province');
    if (areas.length && span.candidates.some((c) => areas.some((a) => within(entry(c), a)))) qualifiedBy.set(span, areas);
  });

  // "the Gulf", "the Levant", "the West": English puts no article before a town's or a province's bare name.
  // Countries may take it ("the United States", "the Dominican Republic"): after "the", only a country is meant.
  // Unless the name qualifies a noun after it: "the Port-au-Prince airport", "the Kyiv mayor".
  // A name opening a longer one read as a modifier ("the Ohio Supreme Court"): the article is the longer name's.
  const theBefore = (s: NameSpan) => /\bthe\s+$/i.test(text.slice(Math.max(0, s.start - 4), s.start)) && !qualifiesNoun(text.slice(s.end, s.end + 20)) && !(context.namesAsModifiers && s.leadsName);
  /** Why an occurrence cannot be a place whatever the gazetteer holds, or null (a person aside: see `usable`). */
  const notAPlace = (s: NameSpan): { rule: ResolveRule; reason: string } | null => {
    if (s.partOfName && !(context.namesAsModifiers && s.leadsName && (s.candidates.some((c) => MODIFIER_KINDS.has(entry(c).kind)) || opensLocalOffice(s)))) return { rule: 'part-of-name', reason: 'part of a longer name' };
    if (theBefore(s) && !s.candidates.some((c) => entry(c).kind === 'country')) return { rule: 'after-the', reason: 'after "the": a region or a feature, not a town' };
    if (WORLD_REGIONS.has(s.key)) return { rule: 'world-region', reason: 'a continent or world region: too large for a mark' };
    if (s.thingLike) return { rule: 'thing', reason: 'names a thing here (a vessel, a paper…)' };
    if (context.notPlaces.has(s.key)) return { rule: 'curated-not-place', reason: 'not a place (curated data)' };
    return null;
  };
  // "Alexandria Police", "Paris City Council": a town's name opening the name of its own office.
  const opensLocalOffice = (s: NameSpan) => LOCAL_OFFICE.has(/^\s+(\p{L}+)/u.exec(text.slice(s.end, s.end + 30))?.[1].toLowerCase() ?? '');
  // A name that is a person somewhere in the article gives no evidence where it stands without a locative word.
  const usable = (s: NameSpan) => notAPlace(s) === null && !(persons.has(s.key) && !LOCATIVE_BEFORE.test(text.slice(Math.max(0, s.start - 12), s.start)));

  // The article's countries: named countries, curated places, qualifiers.
  const story = new Map<string, number>();
  const count = (c: string) => story.set(c, (story.get(c) ?? 0) + 1);
  // The votes a region's name gave its country: a name is no evidence for itself ("Aceh" does not make Indonesia
  // the story's). A key's candidates are the same at every occurrence, so it always votes for one country.
  const regionVotes = new Map<string, { country: string; votes: number }>();
  const storyHas = (key: string, country: string) => {
    const own = regionVotes.get(key);
    return (story.get(country) ?? 0) - (own?.country === country ? own.votes : 0) > 0;
  };
  for (const c of context.curatedCountries) count(c);
  for (const s of spans) {
    if (!usable(s)) continue;
    const candidates = s.candidates.map((c) => entry(c));
    const countries = candidates.filter((e) => e.kind === 'country');
    const regions = candidates.filter((e) => e.kind === 'province');
    // A country's name, unless a region shares it ("Georgia"): then neither says which country the article is in.
    if (countries.length === 1 && regions.length === 0 && !s.regionHint) count(countries[0].country);
    // A region's name that no country shares, with no town of its name inside it ("Virginia", "Alberta").
    if (regions.length === 1 && countries.length === 0 && !hasNamesakeTown(regions[0], candidates)) {
      count(regions[0].country);
      regionVotes.set(s.key, { country: regions[0].country, votes: (regionVotes.get(s.key)?.votes ?? 0) + 1 });
    }
    for (const a of qualifiedBy.get(s) ?? []) count(a.country);
  }

  // One reading per key: the occurrences' evidence pooled.
  const byKey = new Map<string, NameSpan[]>();
  for (const s of spans) {
    if (!usable(s)) continue;
    const list = byKey.get(s.key);
    if (list) list.push(s); // pushed, not copied: a name said 16,000 times is read in linear time
    else byKey.set(s.key, [s]);
  }
  const points: [number, number][] = [...context.curatedPoints];
  // For each first-level region, how many of the article's names could lie in it (each name's share spread over its
  // candidates' regions): a tie-break between places equal in all else.
  const regionNames = new Map<string, Map<string, number>>();
  for (const [key, occurrences] of byKey) {
    const regions = new Set(occurrences[0].candidates.map(entry).filter((e) => e.kind !== 'country').map((e) => `${e.country}.${e.admin1}`));
    for (const r of regions) (regionNames.get(r) ?? regionNames.set(r, new Map()).get(r)!).set(key, 1 / regions.size);
  }
  const regionShare = (key: string, e: GazetteerEntry) => {
    let sum = 0;
    for (const [other, share] of regionNames.get(`${e.country}.${e.admin1}`) ?? []) if (other !== key) sum += share;
    return sum;
  };
  const chosen = new Map<string, { entry: number | null; reason: string; runnersUp: number[]; rule: ResolveRule }>();

  // Names with the strongest evidence first, so that their places count as "nearby" for the rest.
  const keys = [...byKey.keys()].sort((a, b) => strength(b) - strength(a) || (a < b ? -1 : 1));
  function strength(key: string): number {
    const occurrences = byKey.get(key)!;
    return (occurrences.some((s) => qualifiedBy.has(s)) ? 2 : 0) + (occurrences[0].candidates.length === 1 ? 1 : 0);
  }
  for (const key of keys) {
    const occurrences = byKey.get(key)!;
    const qualifiers = occurrences.flatMap((s) => qualifiedBy.get(s) ?? []);
    const regionHint = occurrences.some((s) => s.regionHint);
    const spelled = occurrences.map((s) => plain(text.slice(s.start, s.end)));
    const framed = occurrences.some((s) => PLACE_FRAME_BEFORE.test(text.slice(Math.max(0, s.start - 40), s.start)) || LOCATIVE_WORDS.has(wordBefore(text, s.start)));
    const theOnly = occurrences.every(theBefore);
    const candidateEntries = occurrences[0].candidates.map(entry);
    const scored = occurrences[0].candidates.filter((c) => !theOnly || entry(c).kind === 'country').map((c) => {
      const e = entry(c);
      const evidence: string[] = [];
      // A region ranks as a city of a million, 100,000 without a region word when a town of its name lies in it.
      let score = e.kind === 'country' ? 6.5 : e.kind === 'province' ? SCORE.region : Math.log10(e.population + 1);
      if (spelled.includes(plain(e.name))) score += 1; // written as the gazetteer's own name, not an alternate
      if (qualifiers.some((q) => within(e, q))) {
        score += SCORE.qualifier;
        evidence.push(`qualified by "${qualifiers.find((q) => within(e, q))!.name}"`);
      }
      if (storyHas(key, e.country)) {
        score += SCORE.storyCountry;
        evidence.push(`the article's country ${e.country}`);
      } else if (context.corpusCountries.has(e.country)) {
        score += SCORE.corpusCountry;
        evidence.push(`a country of the corpus (${e.country})`);
      }
      if (regionHint) score += e.kind === 'province' ? SCORE.regionWord : -SCORE.regionWord;
      else if (e.kind === 'province' && hasNamesakeTown(e, candidateEntries)) score -= 2; // a bare name is the town sooner than the region named after it
      if (regionHint && e.kind === 'province') evidence.push('named with a region word');
      else if (e.kind === 'province' && !hasNamesakeTown(e, candidateEntries)) evidence.push(REGION_BY_NAME_ALONE); // "Ohio", "Virginia", "Alberta"
      if (points.some((p) => isNear(p, e.lngLat))) {
        score += SCORE.nearby;
        evidence.push(`within ${NEARBY_KM} km of the article's other places`);
      }
      if (e.featureCode === 'PPLC') score += SCORE.capital;
      if (e.featureCode === 'PPLA') score += SCORE.seat;
      if (e.population >= PLAIN_EVIDENCE_POPULATION) evidence.push(`population ${e.population.toLocaleString('en-US')}`);
      if (e.kind === 'country' && !regionHint) evidence.push('a country');
      if (occurrences[0].candidates.length === 1 && ((e.kind === 'province' && regionHint) || e.population >= 10_000)) evidence.push('the only place of that name');
      if (e.kind === 'province' && regionHint) evidence.push('a first-level region');
      return { index: c, score, evidence };
    });
    // Equals apart from their state ("Anderson County" in five states): the one in the state the article's other
    // names could lie in ("Lawrenceburg", "Frankfort": Kentucky), not the first in the index.
    const shared = (i: number) => regionShare(key, entry(i));
    scored.sort((a, b) => b.score - a.score || entry(b.index).population - entry(a.index).population || shared(b.index) - shared(a.index) || (entry(a.index).ref < entry(b.index).ref ? -1 : 1));
    const best = scored[0];
    if (scored.length > 1 && best.score === scored[1].score && entry(best.index).population === entry(scored[1].index).population && shared(best.index) > shared(scored[1].index)) best.evidence.push('in the region the article\'s other names lie in');
    const runnersUp = scored.slice(1, 4).filter((s) => best.score - s.score <= SCORE.close).map((s) => s.index);
    const top = entry(best.index);
    const qualified = best.evidence.some((e) => e.startsWith('qualified'));
    const strongEnough = best.evidence.length > 0 && !(occurrences.every((s) => s.sentenceInitial) && best.evidence.every((e) => e.startsWith('population')) && top.population < 1_000_000);
    if (!strongEnough) {
      chosen.set(key, { entry: null, reason: `no evidence for ${describe(top)} beyond the name`, runnersUp: scored.slice(0, 3).map((s) => s.index), rule: 'no-evidence' });
      continue;
    }
    // A small town needs the text to speak of it as a place, not only the article's country: "Arab" in "Arab
    // states" is no town in Alabama, though the article names the United States.
    const near = best.evidence.some((e) => e.startsWith('within')) && best.evidence.some((e) => e.includes('country'));
    if ((top.kind === 'town' || top.kind === 'site') && top.population < SMALL_TOWN && !qualified && !framed && !near) {
      chosen.set(key, { entry: null, reason: `${describe(top)} is small, and no occurrence is framed as a place ("in …", "the town of …")`, runnersUp: scored.slice(0, 3).map((s) => s.index), rule: 'small-unframed' });
      continue;
    }
    if (framed && (top.kind === 'town' || top.kind === 'site')) best.evidence.push('framed as a place');
    if (top.kind === 'country') best.evidence.push('a country: evidence for the other names, never an event place itself');
    chosen.set(key, { entry: best.index, reason: best.evidence.join('; '), runnersUp, rule: 'chosen' });
    points.push(top.lngLat);
    // A region or a large city placed with evidence makes its country the article's too, for the names after it.
    if ((top.kind === 'province' || top.population >= PLAIN_EVIDENCE_POPULATION) && !story.has(top.country)) story.set(top.country, 1);
  }

  return spans.map((span) => {
    const why = notAPlace(span);
    if (why !== null) return { span, entry: null, ...why, runnersUp: [] };
    // An occurrence set aside as a person stays one, whatever the name's other occurrences were read as.
    const choice = usable(span) ? chosen.get(span.key) : undefined;
    return choice ? { span, ...choice } : { span, entry: null, reason: 'a person in this article', runnersUp: [], rule: 'person' };
  });
}

// Closed-class words: after "the X", one of these means X ended its phrase ("the White House and…").
const CLOSED_WORDS = new Set('and or but nor in on at to of for with from by as is was were are be been has have had said says will would could should may might can did does do that which who where when while than then so if not after before since during into onto over under about near its their his her'.split(' '));

/** Whether the words after a name make it qualify a noun: "the Port-au-Prince airport", "the Kyiv mayor". */
function qualifiesNoun(after: string): boolean {
  const m = /^\s+(\p{Ll}+)/u.exec(after);
  return m !== null && !CLOSED_WORDS.has(m[1]);
}

/** The word right before `at` ("shelled" in "shelled Bucha"), lowercase. */
function wordBefore(text: string, at: number): string {
  const m = /([\p{L}]+)\s+$/u.exec(text.slice(Math.max(0, at - 30), at));
  return m ? m[1].toLowerCase() : '';
}

/** Whether two points are within NEARBY_KM: a cheap test of latitude first, as most candidates are far away. */
function isNear(a: [number, number], b: [number, number]): boolean {
  return Math.abs(a[1] - b[1]) <= NEARBY_KM / 111 && distance(a, b) <= NEARBY_KM;
}

/** Lowercase without diacritics, for comparing spellings (kept for the last 50,000 names: they recur). */
const plain = memoize(plainName, 50_000);

export function describe(e: GazetteerEntry): string {
  return `${e.name} (${e.kind}, ${e.country}${e.population ? `, ${e.population.toLocaleString('en-US')} people` : ''})`;
}

/** Whether a town of the region's own name lies inside it ("Kherson" in Kherson Oblast): then the bare name is the town's. */
function hasNamesakeTown(region: GazetteerEntry, candidates: readonly GazetteerEntry[]): boolean {
  return candidates.some((t) => t !== region && t.kind !== 'province' && t.kind !== 'country' && t.country === region.country && t.admin1 === region.admin1);
}

/** Whether `place` lies in `area` (a country, or a first-level region by its code). */
function within(place: GazetteerEntry, area: GazetteerEntry): boolean {
  if (place === area || place.country !== area.country) return false;
  // A county lies in its state ("Rutherford County, Tenn."); a first-level region in no other.
  return area.kind === 'country' || (area.kind === 'province' && area.featureCode !== 'ADM2' && place.admin1 === area.admin1 && (place.kind !== 'province' || place.featureCode === 'ADM2'));
}
