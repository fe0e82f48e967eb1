import distance from '@turf/distance';
import type { PlaceSummary } from './model.ts';

/** How many articles, and what share of them, must be mostly about a theatre for it to count as a story of its own. */
export const STORY_ARTICLES = 2;
export const STORY_SHARE = 0.1;

/**
 * The places of the main theatre: the busiest place and the places within `radiusKm` of it. The first view frames
 * them, so a story about Iraq opens on Iraq and Syria, not on a world map stretched to reach Washington.
 */
export function mainTheatre<P extends PlaceSummary>(places: readonly P[], eventCount: (id: string) => number, radiusKm = 900): P[] {
  return theatresOf(places, eventCount, radiusKm)[0]?.places ?? [];
}

/**
 * The ids of the places the first view frames: the main theatre, and every other theatre that is a story of its
 * own — where most of the events of at least STORY_ARTICLES articles (and STORY_SHARE of them) lie, articles that
 * report nothing in a theatre already framed. A story about Iraq whose articles also report NATO meetings in
 * Brussels opens on Iraq; a corpus of stories from three continents opens on all three.
 */
export function firstViewPlaces<P extends PlaceSummary>(places: readonly P[], events: readonly { place: string; article: string }[], radiusKm = 900): string[] {
  const perPlace = new Map<string, number>();
  for (const e of events) perPlace.set(e.place, (perPlace.get(e.place) ?? 0) + 1);
  const theatres = theatresOf(places.filter((p) => perPlace.has(p.id)), (id) => perPlace.get(id)!, radiusKm);
  if (theatres.length === 0) return [];
  const theatreOf = new Map(theatres.flatMap((t, i) => t.places.map((p) => [p.id, i] as const)));
  const byArticle = new Map<string, number[]>();
  for (const e of events) {
    const counts = byArticle.get(e.article) ?? byArticle.set(e.article, new Array<number>(theatres.length).fill(0)).get(e.article)!;
    counts[theatreOf.get(e.place)!]++;
  }
  const enough = Math.max(STORY_ARTICLES, STORY_SHARE * byArticle.size);
  const framed = [0];
  for (let i = 1; i < theatres.length; i++) {
    let own = 0;
    for (const counts of byArticle.values()) if (framed.every((f) => counts[f] === 0) && counts.indexOf(Math.max(...counts)) === i) own++;
    if (own >= enough) framed.push(i);
  }
  return framed.flatMap((i) => theatres[i].places.map((p) => p.id));
}

/** The theatres, busiest first: each a busy place and the places within `radiusKm` of it not already taken. */
export function theatresOf<P extends PlaceSummary>(places: readonly P[], eventCount: (id: string) => number, radiusKm = 900): { places: P[]; events: number }[] {
  let rest = [...places];
  const theatres: { places: P[]; events: number }[] = [];
  while (rest.length > 0) {
    const busiest = rest.reduce((a, b) => (eventCount(b.id) > eventCount(a.id) ? b : a));
    const near = rest.filter((p) => distance(p.lngLat, busiest.lngLat, { units: 'kilometers' }) <= radiusKm);
    rest = rest.filter((p) => !near.includes(p));
    theatres.push({ places: near, events: near.reduce((n, p) => n + eventCount(p.id), 0) });
  }
  return theatres.sort((a, b) => b.events - a.events);
}
