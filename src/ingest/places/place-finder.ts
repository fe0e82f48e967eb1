import type { Place } from '../../core/model.ts';
import { firstIndex } from '../../core/bisect.ts';
import type { Gazetteer, GazetteerEntry } from '../gazetteer/gazetteer.ts';
import { findNames, type NameSpan } from '../gazetteer/names-in-text.ts';
import { articleCity, datelineCity, findSites, tieSites, type SiteCity, type SiteSpan } from '../gazetteer/sites.ts';
import { nameKey } from '../gazetteer/normalize.ts';
import { REGION_BY_NAME_ALONE, resolveNames, type Resolution } from '../gazetteer/resolve.ts';
import { createMentionFinder, type Mention } from './mentions.ts';
import { fieldPoint, learnedReading } from '../geoparse/geoparse.ts';
import { nameFeatures } from '../geoparse/features.ts';
import type { GeoparseModel } from '../geoparse/model-file.ts';

/**
 * Finds the places an article names: the curated places by their aliases first (they always win), then every
 * other name the gazetteer knows, each resolved to one entry from the article's evidence (see resolve.ts) and, given
 * the learned geoparser, read again by it (see overrule). A gazetteer place is known by its ref
 * ("geonames:706448") until the pipeline gives it an id.
 */
export interface ArticlePlaces {
  /** Offsets in the article text, in text order. `place` is a curated id or a gazetteer ref. */
  mentions: Mention[];
  /** Every gazetteer name and what became of it, for the report. */
  resolutions: Resolution[];
  /** The countries the article's places lie in. */
  countries: string[];
  /** Named sites, placed at their city or not (see sites.ts). */
  sites: SiteNote[];
}

/** What reading an article's names finds before anything is decided: curated mentions and gazetteer names. */
export interface ArticleScan {
  curated: Mention[];
  spans: NameSpan[];
  sites: SiteSpan[];
}

/** A named site and what became of it: its events go to the city it is tied to (a curated id or a ref), or nowhere. */
export interface SiteNote {
  name: string;
  start: number;
  end: number;
  city: string | null;
  reason: string;
}

export interface PlaceFinder {
  /** Scans and resolves in one go. */
  find(text: string, corpusCountries: ReadonlyMap<string, number>): ArticlePlaces;
  scan(text: string): ArticleScan;
  resolve(text: string, scan: ArticleScan, corpusCountries: ReadonlyMap<string, number>): ArticlePlaces;
  /** The curated place or gazetteer place (as a Place whose id is its ref) for a mention's `place`. */
  place(idOrRef: string): Place | undefined;
  gazetteer: Gazetteer | null;
}

export interface Decisions {
  /** Names a person has said are not places in this corpus. */
  notPlaces: readonly string[];
}

/**
 * `learned`: a learned geoparser to read the rules' places again (see overrule), or `null`, the rules alone, which
 * is what the map uses: `npm run eval` measures both (docs/geoparse.md says why the rules stay).
 */
export function createPlaceFinder(places: readonly Place[], gazetteer: Gazetteer | null, decisions: Decisions = { notPlaces: [] }, learned: GeoparseModel | null = null): PlaceFinder {
  const findCurated = createMentionFinder(places);
  const byId = new Map(places.map((p) => [p.id, p]));
  // A gazetteer entry a person already curated (by its GeoNames id) is that curated place.
  const curatedByRef = new Map(places.filter((p) => p.geonames !== null).map((p) => [`geonames:${p.geonames}`, p.id]));
  const notPlaces = new Set(decisions.notPlaces.map((n) => nameKey(n).key));
  const entryByRef = new Map<string, GazetteerEntry>();
  const asPlace = new Map<string, Place>();

  function placeOf(ref: string): Place | undefined {
    let place = asPlace.get(ref);
    if (!place) {
      const e = entryByRef.get(ref);
      if (!e) return undefined;
      place = { id: ref, name: e.name, aliases: [], kind: e.kind, country: e.country, lngLat: e.lngLat, radiusKm: e.radiusKm, within: null, source: '', geonames: null, reviewed: false, candidates: [], admin1: e.admin1 };
      asPlace.set(ref, place);
    }
    return place;
  }

  /** The article's sites, tied to the cities and towns it names (curated or from the gazetteer). */
  function placeSites(text: string, sites: readonly SiteSpan[], mentions: readonly Mention[]): SiteNote[] {
    const cityOf = (m: Mention): SiteCity | null => {
      const curatedPlace = byId.get(m.place);
      if (curatedPlace) return curatedPlace.kind === 'city' || curatedPlace.kind === 'town' ? { ref: curatedPlace.id, name: curatedPlace.name } : null;
      const e = entryByRef.get(m.place);
      return e && (e.kind === 'city' || e.kind === 'town') ? e : null;
    };
    const tied = tieSites(text, sites, mentions, cityOf, articleCity(text, mentions, cityOf), datelineCity(text, mentions, cityOf));
    return sites.map((site) => {
      const city = tied.get(site.key);
      if (!city) return { name: site.name, start: site.start, end: site.end, city: null, reason: 'a site the article ties to no city it names' };
      return { name: site.name, start: site.start, end: site.end, city: city.ref, reason: `a site in ${city.name}: its events go to ${city.name}` };
    });
  }

  return {
    gazetteer,
    place: (idOrRef) => byId.get(idOrRef) ?? placeOf(idOrRef),
    find(text, corpusCountries) {
      return this.resolve(text, this.scan(text), corpusCountries);
    },
    scan(text) {
      const curated = findCurated(text);
      if (!gazetteer) return { curated, spans: [], sites: [] };
      const covered = overlapsAny([...curated].sort((a, b) => a.start - b.start));
      return { curated, spans: findNames(text, gazetteer, covered), sites: findSites(text).filter((s) => !covered(s.start, s.end)) };
    },
    resolve(text, { curated, spans, sites }, corpusCountries) {
      if (!gazetteer) return { mentions: curated, resolutions: [], countries: [...new Set(curated.map((m) => byId.get(m.place)!.country))], sites: [] };
      const named = curated.map((m) => byId.get(m.place)!);
      const resolutions = resolveNames(text, spans, gazetteer, {
        curatedCountries: named.map((p) => p.country),
        curatedPoints: named.map((p) => p.lngLat),
        corpusCountries,
        notPlaces,
      });
      const regionsAlone = learned ? overrule(text, resolutions, gazetteer, learned) : new Set<Resolution>();
      const mentions = [...curated];
      for (const r of resolutions) {
        if (r.entry === null) continue;
        const e = gazetteer.entry(r.entry);
        // A country named in news is an actor or a scope far more often than where one thing happened, and a dot
        // at its centre would mislead: countries from the gazetteer are evidence only (a curated one still counts).
        if (e.kind === 'country') continue;
        // Likewise a region placed on its name alone ("Ohio", no region word, nothing near it): evidence for the
        // article's country, not a mark of its own.
        if (e.kind === 'province' && (r.reason === REGION_BY_NAME_ALONE || regionsAlone.has(r))) continue;
        entryByRef.set(e.ref, e);
        for (const i of r.runnersUp) entryByRef.set(gazetteer.entry(i).ref, gazetteer.entry(i));
        mentions.push({ place: curatedByRef.get(e.ref) ?? e.ref, start: r.span.start, end: r.span.end });
      }
      const notes = placeSites(text, sites, mentions);
      for (const note of notes) {
        if (!note.city) continue;
        // The bare name of a tied site means the site: "Molenbeek" after "the Molenbeek neighborhood of Brussels".
        const bare = nameKey(note.name.replace(/\s+\S+$/, '')).key;
        for (const r of resolutions) {
          if (r.entry === null || r.span.key !== bare) continue;
          const i = mentions.findIndex((m) => m.start === r.span.start && m.place === gazetteer.entry(r.entry!).ref);
          if (i >= 0) mentions[i] = { ...mentions[i], place: note.city };
          r.reason = `the bare name of ${note.name}, ${note.reason}`;
          r.entry = null;
        }
        // The site's mention replaces any name inside it ("Independence" in "Independence Square").
        for (let i = mentions.length - 1; i >= 0; i--) if (mentions[i].start < note.end && note.start < mentions[i].end) mentions.splice(i, 1);
        mentions.push({ place: note.city, start: note.start, end: note.end });
      }
      // The bare name of a tied site elsewhere in the article ("Westgate" after "the Westgate mall") is the site too.
      for (const note of notes) {
        const bare = note.name.replace(/\s+\S+$/, '');
        if (!note.city || bare.length < 4 || bare === note.name) continue;
        for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'))) {
          const end = m.index + bare.length;
          if (!mentions.some((x) => x.start < end && m.index < x.end)) mentions.push({ place: note.city, start: m.index, end });
        }
      }
      mentions.sort((a, b) => a.start - b.start);
      const countries = [...new Set(mentions.map((m) => this.place(m.place)!.country))];
      return { mentions, resolutions, countries, sites: notes };
    },
  };
}

/**
 * The learned geoparser's reading of the names the rules placed (it resolves better on both benchmarks:
 * docs/geoparse.md): where it resolves a name otherwise, its choice stands, with a reason that says so. Which names
 * are places stays the rules' call: on the development corpus the learned recogniser set aside more of the places
 * events happened at (Nagapattinam, Mamallapuram) than it kept false ones out. A region it chooses with a town of
 * the name in it is read as the town. Returns the regions it chose on their name alone (no region word and no such
 * town), which are evidence, as the rules' are, not marks.
 */
function overrule(text: string, resolutions: Resolution[], gazetteer: Gazetteer, model: GeoparseModel): Set<Resolution> {
  const features = nameFeatures(text, resolutions, gazetteer, (e) => fieldPoint(gazetteer, e));
  const regionsAlone = new Set<Resolution>();
  resolutions.forEach((r, i) => {
    if (r.entry === null) return;
    const reading = learnedReading(r, features[i], gazetteer, model, { recognise: false, regionAsItsTown: !r.span.regionHint })!;
    if (reading.entry === r.entry) return;
    const chosen = gazetteer.entry(reading.entry);
    r.reason = `${LEARNED}: ${chosen.name} (${chosen.country}), ${reading.share.toFixed(2)} of the candidates' weight, against the rules' ${gazetteer.entry(r.entry).name} (${gazetteer.entry(r.entry).country}: ${r.reason})`;
    r.entry = reading.entry;
    r.runnersUp = reading.runnersUp;
    if (chosen.kind === 'province' && !r.span.regionHint) regionsAlone.add(r);
  });
  return regionsAlone;
}

/** How a reason the learned geoparser gave begins, in the report and `--explain`. */
export const LEARNED = 'the learned geoparser';

/**
 * Whether a span overlaps one of `spans` (sorted by start, not overlapping one another), by bisection: a long
 * article asks this of every word.
 */
export function overlapsAny(spans: readonly { start: number; end: number }[]): (start: number, end: number) => boolean {
  return (start, end) => {
    const i = firstIndex(0, spans.length, (k) => spans[k].end <= start);
    return i < spans.length && spans[i].start < end;
  };
}
