import { WEEKDAY_NAME_SOURCE } from '../../core/months.ts';
import type { Mention } from '../places/mentions.ts';
import type { PlaceRef } from './place-ref.ts';
import { nameKey } from './normalize.ts';
import { findDateline } from '../text/datelines.ts';

/**
 * Named sites the gazetteer cannot hold (squares, malls, stadiums, streets, palaces…): their events go to the city
 * the article puts them in ("Independence Square in Kyiv", "Kharkiv's Freedom Square", "the Westgate mall, in
 * Nairobi"), the quote marking the site's name. No mark claims a site's point that nobody knows, and none sits on
 * top of its city's; a person who knows the point curates the site. One sense per article: an occurrence tied to a
 * city ties them all; a site tied to none, in a story filed from a city (its dateline), is in that city. Otherwise it
 * is left out (and reported): "the White House" in an undated-lined story that names Kyiv is not in Kyiv.
 */
export interface SiteSpan {
  start: number;
  end: number;
  /** The site's name as written, and its normalised key. */
  name: string;
  key: string;
}

// Nouns that end the name of a site in a city (capitalised as part of the name, or lowercase after it).
const SITE_NOUNS = 'square|mall|stadium|street|avenue|boulevard|road|bridge|airport|hospital|hotel|palace|cathedral|mosque|church|synagogue|temple|market|center|centre|hall|university|school|prison|base|camp|park|monastery|embassy|station|plaza|quarter|theatre|theater|museum|parliament|building|tower|district|neighbou?rhood|compound|barracks|checkpoint|port|harbou?r|dome|superdome|astrodome|arena';
// A capitalised word ("St." the one abbreviation kept: a full stop otherwise ends the name).
const WORD = "(?:St\\.|\\p{Lu}[\\p{L}’'-]*)";
// Found from the site noun backwards: the noun anywhere (fast), then the capitalised words right before it.
const NOUN = new RegExp(`\\b(?:${SITE_NOUNS})\\b`, 'giu');
const NAME_BEFORE_LOWERCASE_NOUN = new RegExp(`(?:${WORD}\\s){1,4}(?:(?:shopping|concert|city|town|police|army|military|air|football|national|main)\\s)?$`, 'u');
const NAME_BEFORE_CAPITALISED_NOUN = new RegExp(`(?:${WORD}\\s){0,3}$`, 'u');
const LEADING_WORDS = new RegExp(String.raw`^(?:(?:The|A|An|In|At|On|From|To|Near|Outside|Inside|Into|By|Of|And|But|Yet|Since|After|Before|During|When|While|As|Its|Their|His|Her|This|That|${WEEKDAY_NAME_SOURCE})\s)+`, 'u');

/** Site names in a text: capitalised words ending with a site noun ("Independence Square", "Westgate mall"). */
export function findSites(text: string): SiteSpan[] {
  const sites: SiteSpan[] = [];
  for (const noun of text.matchAll(NOUN)) {
    const end = noun.index + noun[0].length;
    const capital = /\p{Lu}/u.test(noun[0][0]);
    if (!capital && noun[0] !== noun[0].toLowerCase()) continue; // "SQUARE" in a headline, "sQuare": neither form
    const before = text.slice(Math.max(0, noun.index - 80), noun.index);
    const words = (capital ? NAME_BEFORE_CAPITALISED_NOUN : NAME_BEFORE_LOWERCASE_NOUN).exec(before);
    if (!words) continue;
    let start = noun.index - words[0].length;
    let phrase = text.slice(start, end);
    // Function words a sentence starts with, and a possessive ("Kharkiv's Freedom Square"), are not the name.
    const lead = LEADING_WORDS.exec(phrase) ?? /^.*[’']s\s/u.exec(phrase);
    if (lead) {
      phrase = phrase.slice(lead[0].length);
      start += lead[0].length;
    }
    if (!/\s/.test(phrase) && !/dome$/i.test(phrase)) continue; // a site noun alone ("Square") names nothing
    if (!/^\p{Lu}/u.test(phrase)) continue; // "The main prison": a sentence's capital is not a name's
    sites.push({ start, end: start + phrase.length, name: phrase, key: nameKey(phrase).key });
  }
  return sites;
}

/** A city or town a site may be tied to: a gazetteer entry or a curated place (its id as `ref`). */
export interface SiteCity {
  ref: PlaceRef;
  name: string;
}

/**
 * The city each site's key is tied to in the article, from the places already resolved there: "X in City",
 * "X, City", "City's X", "X of City". `cityAt(start, end)` gives the resolved city or town mentioned at an offset.
 */
export function tieSites(text: string, sites: readonly SiteSpan[], mentions: readonly Mention[], cityOf: (mention: Mention) => SiteCity | null, articleCity: SiteCity | null, filedFrom: SiteCity | null = null): Map<string, SiteCity> {
  const tied = new Map<string, SiteCity>();
  for (const site of sites) {
    if (tied.has(site.key)) continue;
    const after = mentions.find((m) => m.start > site.end && m.start - site.end <= 20 && /^\s*(?:,|in|of|near|outside)\s+(?:(?:the|central|downtown|northern|southern|eastern|western|capital|city of|capital,)\s+)*$/i.test(text.slice(site.end, m.start)));
    const before = mentions.find((m) => m.end < site.start && site.start - m.end <= 3 && /^[’']s\s+$/.test(text.slice(m.end, site.start)));
    // "the city's Convention Center", "the capital's Independence Square": the city the article is about.
    const ofTheCity = /\bthe (?:city|capital)[’']s\s+(?:\p{Ll}+\s+)?$/u.test(text.slice(Math.max(0, site.start - 40), site.start)) ? articleCity : null;
    const city = [after, before].map((m) => (m ? cityOf(m) : null)).find((c) => c !== null) ?? ofTheCity;
    if (city) tied.set(site.key, city);
  }
  // A site the story ties to nothing, in a story filed from a city, is in that city: a reporter in Nairobi
  // writing of "the Westgate Mall" means Nairobi's.
  // One whose name holds another place's ("a Brussels neighborhood") is that place's, not the dateline's.
  if (filedFrom) for (const site of sites) if (!tied.has(site.key) && !mentions.some((m) => m.start < site.end && site.start < m.end)) tied.set(site.key, filedFrom);
  return tied;
}

/** The city a story was filed from: its dateline's ("NAIROBI, Sep 25 –", see datelines.ts), when it has one. */
export function datelineCity(text: string, mentions: readonly Mention[], cityOf: (mention: Mention) => SiteCity | null): SiteCity | null {
  // Only when the first name the finder gives is the dateline's (as before the dateline table: see the places-decisions tests).
  const d = findDateline(text);
  const first = mentions[0];
  return d && first && first.start === d.start && first.end <= d.end ? cityOf(first) : null;
}

/** The city an article is about: its dateline's, else the city or town it names most (ties: the first named). */
export function articleCity(text: string, mentions: readonly Mention[], cityOf: (mention: Mention) => SiteCity | null): SiteCity | null {
  const dateline = datelineCity(text, mentions, cityOf);
  if (dateline) return dateline;
  const counts = new Map<string, { city: SiteCity; n: number }>();
  for (const m of mentions) {
    const city = cityOf(m);
    if (city) counts.set(city.ref, { city, n: (counts.get(city.ref)?.n ?? 0) + 1 });
  }
  return [...counts.values()].reduce<{ city: SiteCity; n: number } | null>((best, c) => (!best || c.n > best.n ? c : best), null)?.city ?? null;
}
