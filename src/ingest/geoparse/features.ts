import type { Gazetteer, GazetteerEntry } from '../gazetteer/gazetteer.ts';
import type { NameSpan } from '../gazetteer/names-in-text.ts';
import { plainName } from '../gazetteer/normalize.ts';
import type { Resolution } from '../gazetteer/resolve.ts';
import { LOCATIVE_WORDS } from '../text/lexicon.ts';

/**
 * What the learned geoparser sees of a name the gazetteer scan found: the recogniser's features (is it a place
 * name here?) and, for each of its gazetteer candidates, the resolver's (is it this place?). The rules' own
 * verdicts are features among the rest (which rule decided, what the rules chose), so the models learn when to
 * trust them. Feature names are `family=value` for a word or a class, a bare name for a number in [0, 1].
 * Change FEATURES with any change to what a feature means: a weights file records it and is refused when it differs.
 */
export const FEATURES = 'geoparse-features 8';

export type Features = Record<string, number>;

export interface NameFeatures {
  recognize: Features;
  /** One per candidate, in the span's candidate order. */
  candidates: Features[];
}

const MAX_CANDIDATES = 12; // the most populous; the rest are villages of the same name
const WORD_BEFORE = /([\p{L}\p{N}.]+)[^\p{L}\p{N}]*$/u;
const WORD_AFTER = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;

/**
 * The candidates the resolver weighs for a span: its gazetteer entries, countries and regions first (they have no
 * population to rank by, and are few), then the most populous towns, at most MAX_CANDIDATES in all.
 */
export function candidatesOf(span: NameSpan, gazetteer: Gazetteer): number[] {
  const area = (i: number) => (gazetteer.entry(i).kind === 'country' || gazetteer.entry(i).kind === 'province' ? 1 : 0);
  return [...span.candidates].sort((a, b) => area(b) - area(a) || gazetteer.entry(b).population - gazetteer.entry(a).population || a - b).slice(0, MAX_CANDIDATES);
}

/**
 * The features of every span of one text, given the rules' resolutions of the same spans (same order). `frame`, one
 * per span, is the place each name stands for in the article's frame (its countries, regions and points): the rules'
 * choices unless told (geoparse.ts reads a text again with the learned choices).
 */
export function nameFeatures(text: string, resolutions: readonly Resolution[], gazetteer: Gazetteer, point: (e: GazetteerEntry) => [number, number], frame: readonly (number | null)[] = resolutions.map((r) => r.entry)): NameFeatures[] {
  const entry = gazetteer.entry;
  // What the article says elsewhere: the places its names stand for (their countries, regions and points), each name's occurrences.
  const chosen = resolutions.flatMap((r, i) => (frame[i] === null ? [] : [{ key: r.span.key, e: entry(frame[i]) }]));
  const countries = new Map<string, Set<string>>();
  const regions = new Map<string, Set<string>>();
  for (const c of chosen) {
    add(countries, c.e.country, c.key);
    if (c.e.kind !== 'country') add(regions, `${c.e.country}.${c.e.admin1}`, c.key);
  }
  const points = chosen.filter((c) => c.e.kind === 'town' || c.e.kind === 'site').map((c) => ({ key: c.key, at: point(c.e) }));
  // Every name's candidates as soft evidence, each name's share spread over its candidates: the places the article
  // could be about, whether or not the rules chose one ("spatial minimality").
  const support = softSupport(resolutions, gazetteer, point);
  const byKey = new Map<string, Resolution[]>();
  for (const r of resolutions) {
    const list = byKey.get(r.span.key);
    if (list) list.push(r);
    else byKey.set(r.span.key, [r]);
  }

  // The names that can say where the article is (not part of another name, not a continent): once, not per name.
  const framing = new Set(resolutions.filter((o) => o.rule !== 'part-of-name' && o.rule !== 'world-region').map((o) => o.span.key));
  // "The City Council… the city's budget": a name the article also writes in lowercase is a word there, not a place.
  const words = new Map<string, boolean>();
  const usedAsWord = (name: string) => {
    const lower = name.toLowerCase();
    if (lower === name || !/^[\p{L} ]+$/u.test(name)) return false;
    let used = words.get(lower);
    if (used === undefined) words.set(lower, (used = new RegExp(`(?<![\\p{L}])${lower}(?![\\p{L}])`, 'u').test(text)));
    return used;
  };
  return resolutions.map((r, i) => {
    const s = r.span;
    const name = text.slice(s.start, s.end);
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, s.start - 40), s.start))?.[1].toLowerCase() ?? '';
    const after = WORD_AFTER.exec(text.slice(s.end, s.end + 40))?.[1] ?? '';
    const gapAfter = text.slice(s.end, s.end + 2);
    const occurrences = byKey.get(s.key)!;
    const ranked = candidatesOf(s, gazetteer);
    const candidates = ranked.map(entry);
    const f: Features = { [`rule=${r.rule}`]: 1, [`before=${before}`]: 1, [`after=${/^\p{Lu}/u.test(after) ? 'Cap' : after.toLowerCase()}`]: 1 };
    if (r.entry !== null) f[`chose=${entry(r.entry).kind}`] = 1;
    for (const k of new Set(candidates.map((e) => e.kind))) f[`has=${k}`] = 1;
    f.population = Math.min(1, Math.log10(1 + Math.max(0, ...candidates.map((e) => e.population))) / 7);
    f.ambiguity = Math.min(1, Math.log2(1 + s.candidates.length) / 6);
    f.words = Math.min(1, (name.split(/\s+/).length - 1) / 3);
    if (/^[\p{Lu}.\s]+$/u.test(name) && name.replace(/[.\s]/g, '').length > 1) f.allCapitals = 1;
    if (name.includes('.')) f.dotted = 1;
    if (LOCATIVE_WORDS.has(before)) f.locativeBefore = 1;
    if (gapAfter.startsWith(',')) f.commaAfter = 1;
    if (/[,(]\s*$/.test(text.slice(Math.max(0, s.start - 2), s.start))) f.commaBefore = 1;
    if (gapAfter.startsWith("'s") || gapAfter.startsWith('’s')) f.possessive = 1;
    if (s.partOfName) f.partOfName = 1;
    if (s.leadsName) f.leadsName = 1;
    if (s.personLike) f.personLike = 1;
    if (s.afterOf) f.afterOf = 1;
    if (s.thingLike) f.thingLike = 1;
    if (s.sentenceInitial) f.sentenceInitial = 1;
    if (usedAsWord(name)) f.lowercaseElsewhere = 1;
    if (s.hyphenated) f[`hyphenated=${text[s.end] === '-' ? /^-\p{Lu}/u.test(text.slice(s.end, s.end + 2)) ? 'beforeName' : 'beforeWord' : 'after'}`] = 1;
    if (s.regionHint) f.regionHint = 1;
    if (occurrences.some((o) => o.span.personLike)) f.personElsewhere = 1;
    if (occurrences.some((o) => o.rule === 'chosen')) f.placedElsewhere = 1;
    f.occurrences = Math.min(1, Math.log2(occurrences.length) / 4);
    // "Paris, Texas": the next name is a country or region holding one of this name's candidates.
    const next = resolutions[i + 1]?.span;
    if (next && /^,\s*$/.test(text.slice(s.end, next.start))) {
      const areas = next.candidates.map(entry).filter((e) => e.kind === 'country' || e.kind === 'province');
      if (areas.length) f.qualifiedNext = 1;
    }
    const previous = resolutions[i - 1]?.span;
    if (previous && /^,\s*$/.test(text.slice(previous.end, s.start))) f.qualifiesPrevious = 1;

    const ruleChoice = r.entry;
    const hasOthers = framing.size > (framing.has(s.key) ? 1 : 0);
    const spelled = plainName(name);
    const qualifiers = next && f.qualifiedNext ? next.candidates.map(entry).filter((e) => e.kind === 'country' || e.kind === 'province') : [];
    const candidateFeatures = ranked.map((index, rank) => {
      const e = entry(index);
      const c: Features = { [`kind=${e.kind}`]: 1, [`rank=${Math.min(rank, 3)}`]: 1 };
      c.population = Math.min(1, Math.log10(1 + e.population) / 7);
      if (index === ruleChoice) c.ruleChoice = 1;
      if (e.featureCode === 'PPLC') c.capital = 1;
      if (e.featureCode === 'PPLA') c.seat = 1;
      if (plainName(e.name) === spelled) c.ownName = 1;
      c.storyCountry = Math.min(1, others(countries.get(e.country), s.key) / 5);
      if (e.kind !== 'country') c.storyRegion = Math.min(1, others(regions.get(`${e.country}.${e.admin1}`), s.key) / 5);
      if (qualifiers.some((q) => q !== e && q.country === e.country && (q.kind === 'country' || q.admin1 === e.admin1))) c.qualified = 1;
      if (s.regionHint && e.kind === 'province') c.regionWord = 1;
      const at = point(e);
      const km = Math.min(...points.filter((p) => p.key !== s.key).map((p) => roughKm(p.at, at)));
      c.nearness = Number.isFinite(km) ? 1 - Math.min(1, Math.log10(1 + km) / 4) : 0;
      const soft = support(s.key, e, at);
      c.countrySupport = Math.min(1, soft.country / 5);
      if (e.kind !== 'country') c.regionSupport = Math.min(1, soft.region / 3);
      if (e.kind === 'town' || e.kind === 'site') c.nearSupport = Math.min(1, soft.near / 3);
      // "Lebanon" in a story of Zionsville and Boone County: a country or region none of the article's other names
      // could lie in is less likely meant than a town among them (the rules, without that evidence, choose the country).
      if ((e.kind === 'country' || e.kind === 'province') && hasOthers && c.storyCountry === 0 && soft.country < 1) c.unsupportedArea = 1;
      return c;
    });
    return { recognize: f, candidates: candidateFeatures };
  });
}

const NEAR_KM = 100;

/**
 * For a candidate of the name `key`: how much the article's other names could lie in its country, in its region,
 * within NEAR_KM of it, each name counting its share of candidates that do (1 for a name with one candidate there).
 */
function softSupport(resolutions: readonly Resolution[], gazetteer: Gazetteer, point: (e: GazetteerEntry) => [number, number]) {
  const names = new Map<string, { country: string; region: string; at: [number, number] }[]>();
  for (const r of resolutions) {
    if (names.has(r.span.key) || r.rule === 'part-of-name' || r.rule === 'world-region') continue;
    const entries = candidatesOf(r.span, gazetteer).map(gazetteer.entry);
    names.set(r.span.key, entries.map((e) => ({ country: e.country, region: e.kind === 'country' ? '' : `${e.country}.${e.admin1}`, at: point(e) })));
  }
  return (key: string, e: GazetteerEntry, at: [number, number]) => {
    const region = `${e.country}.${e.admin1}`;
    let country = 0;
    let inRegion = 0;
    let near = 0;
    for (const [other, candidates] of names) {
      if (other === key) continue;
      const share = 1 / candidates.length;
      for (const c of candidates) {
        if (c.country !== e.country) continue;
        country += share;
        if (c.region === region) inRegion += share;
        if (Math.abs(c.at[0] - at[0]) < NEAR_KM / 111 && roughKm(c.at, at) < NEAR_KM) near += share;
      }
    }
    return { country, region: inRegion, near };
  };
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** How many names other than `key` are in the set. */
function others(set: Set<string> | undefined, key: string): number {
  return set ? set.size - (set.has(key) ? 1 : 0) : 0;
}

/** Distance in km on a sphere, [lat, lon] points: good to a few per cent, enough for a feature. */
function roughKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}
