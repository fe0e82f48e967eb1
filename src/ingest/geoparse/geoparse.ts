import { createRequire } from 'node:module';
import type { PlaceKind } from '../../core/model.ts';
import type { Gazetteer, GazetteerEntry } from '../gazetteer/gazetteer.ts';
import { refParts } from '../gazetteer/place-ref.ts';
import { findNames } from '../gazetteer/names-in-text.ts';
import { resolveNames, type Resolution } from '../gazetteer/resolve.ts';
import { probability } from '../learn/logistic.ts';
import { candidatesOf, nameFeatures, type NameFeatures } from './features.ts';
import type { GeoparseModel } from './model-file.ts';

/**
 * The geoparser on its own: every place name found in a text and the place it was resolved to, countries and
 * regions included (the map shows fewer: see place-finder.ts). What `npm run geoparse` writes, one per line
 * (see docs/geoparse.md).
 */
export interface GeoMention {
  /** Offsets into the text, UTF-16 code units, `end` exclusive. */
  start: number;
  end: number;
  /** The name as the text writes it. */
  name: string;
  lat: number;
  lon: number;
  /** The gazetteer entry ("geonames:706448", "admin1:UA.08", "country:UA"). */
  ref: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** How sure the resolver is of the place, 0–1. */
  confidence: number;
}

/**
 * A country's point as gazetteers of the field give it (world-countries' `latlng`, as GeoNames' and the CIA
 * Factbook's: Russia at 60° N 100° E), by ISO code. The embedded gazetteer places a country at the pole of
 * inaccessibility of its outline, which is right for a mark inside it and far (for Russia, 1,000 km) from where
 * the benchmarks put it.
 */
let countryPoints: Map<string, [number, number]> | null = null;
function countryPoint(code: string): [number, number] | undefined {
  countryPoints ??= new Map((require('world-countries') as { cca2: string; latlng: [number, number] }[]).map((c) => [c.cca2, c.latlng]));
  return countryPoints.get(code);
}

/**
 * A first-level region's point as the field's gazetteers give it, near its geographic centre: the mean of its towns'
 * points (chosen on LGL among its seat, the mean, the median and the middle of the towns' extent: 380 of 387 matched
 * regions within 161 km, against 266 for the seat). The embedded gazetteer places a region at its seat, where the
 * map's dashed area is drawn around it. Worked out once per gazetteer, by region code ("US.TX").
 */
const regionPoints = new WeakMap<Gazetteer, Map<string, [number, number]>>();
function regionPoint(gazetteer: Gazetteer, country: string, admin1: string): [number, number] | undefined {
  let points = regionPoints.get(gazetteer);
  if (!points) {
    const sums = new Map<string, [number, number, number]>();
    for (let i = 0; i < gazetteer.size; i++) {
      const e = gazetteer.entry(i);
      if (e.kind === 'province' || e.kind === 'country' || !e.admin1) continue;
      const code = `${e.country}.${e.admin1}`;
      const sum = sums.get(code) ?? [0, 0, 0];
      sums.set(code, [sum[0] + e.lngLat[1], sum[1] + e.lngLat[0], sum[2] + 1]);
    }
    points = new Map([...sums].map(([code, [lat, lon, n]]) => [code, [lat / n, lon / n]]));
    regionPoints.set(gazetteer, points);
  }
  return points.get(`${country}.${admin1}`);
}

const require = createRequire(import.meta.url);
const NO_CONTEXT = { curatedCountries: [], curatedPoints: [], corpusCountries: new Map<string, number>(), notPlaces: new Set<string>(), namesAsModifiers: true };

/** Where the field's gazetteers put an entry, [lat, lon]: countries and first-level regions at their middles, the rest (a county too) where they are. */
export function fieldPoint(gazetteer: Gazetteer, e: GazetteerEntry): [number, number] {
  const point = e.kind === 'country' ? countryPoint(e.country) : refParts(e.ref).scheme === 'admin1' ? regionPoint(gazetteer, e.country, e.admin1) : undefined;
  return point ?? [e.lngLat[1], e.lngLat[0]];
}

/** A text's names as the gazetteer scan finds them, the rules' resolution of each and the learned models' features. */
export function readNames(text: string, gazetteer: Gazetteer): { resolutions: Resolution[]; features: NameFeatures[] } {
  const spans = findNames(text, gazetteer, () => false);
  const resolutions = resolveNames(text, spans, gazetteer, NO_CONTEXT);
  return { resolutions, features: nameFeatures(text, resolutions, gazetteer, (e) => fieldPoint(gazetteer, e)) };
}

/**
 * The place names of one text, in text order: each name the gazetteer scan finds that the model's recogniser
 * takes for a place, resolved to its most probable candidate; `confidence` is P(place name) × P(that place).
 * With no model (`null`), the rules alone decide.
 */
export function geoparse(text: string, gazetteer: Gazetteer, model: GeoparseModel | null): GeoMention[] {
  const { resolutions, features } = readNames(text, gazetteer);
  const readings = model && framedReadings(text, resolutions, features, gazetteer, model);
  const out: GeoMention[] = [];
  resolutions.forEach((r, i) => {
    let index: number;
    let confidence: number;
    if (model === null) {
      if (r.entry === null) return;
      index = r.entry;
      confidence = confidenceOf(r);
    } else {
      const reading = readings![i];
      if (!reading) return;
      index = reading.entry;
      confidence = Math.round(reading.isPlace * reading.share * 100) / 100;
    }
    const e = gazetteer.entry(index);
    const [lat, lon] = model?.areaPoints[e.ref] ?? fieldPoint(gazetteer, e);
    out.push({ start: r.span.start, end: r.span.end, name: text.slice(r.span.start, r.span.end), lat, lon, ref: e.ref, kind: e.kind, country: e.country, confidence });
  });
  return out;
}

/**
 * The learned reading of every name of a text, read twice: first in the frame of the rules' choices, then in the
 * frame of the learned choices themselves, so that one name resolved right ("Zionsville", Indiana's) moves the
 * others it bears on ("Lebanon": Indiana's, not the country), as the rules' frame cannot where the rules chose wrong.
 */
export function framedReadings(text: string, resolutions: readonly Resolution[], features: readonly NameFeatures[], gazetteer: Gazetteer, model: GeoparseModel): (LearnedReading | null)[] {
  const first = resolutions.map((r, i) => learnedReading(r, features[i], gazetteer, model));
  const again = nameFeatures(text, resolutions, gazetteer, (e) => fieldPoint(gazetteer, e), first.map((reading) => reading?.entry ?? null));
  return resolutions.map((r, i) => first[i] && learnedReading(r, again[i], gazetteer, model));
}

/** What the learned models make of one name: the place meant and how sure each model is. */
export interface LearnedReading {
  /** The chosen candidate's entry index. */
  entry: number;
  /** P(a place name here). */
  isPlace: number;
  /** The chosen candidate's share of the candidates' probabilities. */
  share: number;
  /** The other candidates with at least RUNNER_UP_SHARE of it, best first. */
  runnersUp: number[];
}

const RUNNER_UP_SHARE = 0.15;

/** How the map reads names with the learned models (see place-finder.ts); the geoparse command uses the defaults. */
export interface ReadingOptions {
  /** Whether the recogniser may set the name aside. */
  recognise: boolean;
  /** Whether a first-level region chosen for a name with a town of that name in it is read as the town. */
  regionAsItsTown: boolean;
}

/**
 * The learned models' reading of one name (its features from nameFeatures), or null where the recogniser does not
 * take it for a place name. A title or a first name right before it ("Rep. Jackson", "Tom Bell") is conclusive,
 * whatever the model says.
 */
export function learnedReading(r: Resolution, features: NameFeatures, gazetteer: Gazetteer, model: GeoparseModel, options: ReadingOptions = { recognise: true, regionAsItsTown: false }): LearnedReading | null {
  if (r.span.personLike && r.rule === 'person') return null;
  const isPlace = probability(model.recognize, features.recognize);
  if (options.recognise && isPlace < model.threshold) return null;
  const candidates = candidatesOf(r.span, gazetteer);
  const scores = features.candidates.map((f) => probability(model.resolve, f));
  const sum = scores.reduce((a, b) => a + b, 0);
  const order = scores.map((_, k) => k).sort((a, b) => scores[b] - scores[a] || a - b);
  const share = (k: number) => scores[k] / sum;
  const best = gazetteer.entry(candidates[order[0]]);
  if (options.regionAsItsTown && best.kind === 'province') {
    // "Hatay", "Geneva": the benchmarks' annotators often mean the region; a reader of the map, its town.
    const town = order.find((k) => {
      const e = gazetteer.entry(candidates[k]);
      return (e.kind === 'city' || e.kind === 'town') && e.country === best.country && e.admin1 === best.admin1;
    });
    if (town !== undefined) order.unshift(...order.splice(order.indexOf(town), 1));
  }
  return { entry: candidates[order[0]], isPlace, share: share(order[0]), runnersUp: order.slice(1).filter((k) => share(k) >= RUNNER_UP_SHARE).map((k) => candidates[k]) };
}

/** The rules' confidence from their own account: fewer close runners-up and more evidence, surer. */
function confidenceOf(r: Resolution): number {
  const evidence = r.reason.split('; ').length;
  const value = 0.5 + 0.1 * Math.min(evidence, 4) - 0.15 * r.runnersUp.length;
  return Math.round(Math.min(0.95, Math.max(0.05, value)) * 100) / 100;
}
