import { parseDay } from '../../src/core/day.ts';
import type { Article, MapEvent, Place } from '../../src/core/model.ts';

/** A place with sensible defaults; tests override what they are about. */
export function createPlace(id: string, overrides: Partial<Place> = {}): Place {
  const name = overrides.name ?? id.replace(/(^|-)(\w)/g, (_, dash: string, c: string) => (dash ? ' ' : '') + c.toUpperCase());
  return { id, name, aliases: [name], kind: 'city', country: 'IQ', lngLat: [44, 33], radiusKm: null, within: null, source: 'test', geonames: null, reviewed: true, candidates: [], ...overrides };
}

export function createArticle(published: string, id = 'test-article'): Article {
  return { id, file: `articles/${id}.txt`, headline: 'Test', outlet: 'Test wire', published: parseDay(published)!, url: null };
}

/** An event as the app holds it; tests give what they are about (place, days, category, article). */
export function createEvent(overrides: Partial<MapEvent> & Pick<MapEvent, 'place' | 'start'>): MapEvent {
  return { id: `${overrides.place}#${overrides.start}`, article: 'x', end: overrides.start, category: 'attack', quote: 'q', quoteStart: 0, mentionStart: null, mentionEnd: null, dateBasis: 'stated', dateText: null, ...overrides };
}
