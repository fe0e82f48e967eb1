import { parseDay } from '../../src/core/day.ts';
import type { Article, Place } from '../../src/core/model.ts';

/** A place with sensible defaults; tests override what they are about. */
export function createPlace(id: string, overrides: Partial<Place> = {}): Place {
  const name = overrides.name ?? id.replace(/(^|-)(\w)/g, (_, dash: string, c: string) => (dash ? ' ' : '') + c.toUpperCase());
  return { id, name, aliases: [name], kind: 'city', country: 'IQ', lngLat: [44, 33], radiusKm: null, within: null, source: 'test', ...overrides };
}

export function createArticle(published: string, id = 'test-article'): Article {
  return { id, file: `articles/${id}.txt`, headline: 'Test', outlet: 'Test wire', published: parseDay(published)!, url: null };
}
