// '@datelines/data' and '@datelines/places' are aliases (vite.config.ts): `data/` and `geo/places.geojson` unless
// DATELINES_DATA / DATELINES_PLACES name another corpus laid out the same way.
import articlesJson from '@datelines/data/articles.json?raw';
import eventsJson from '@datelines/data/events.json?raw';
import placesJson from '@datelines/places?raw';
import type { Article, MapEvent, Place } from '../core/model.ts';
import { extentOf, type TimeWindow } from '../core/time-window.ts';
import { parseArticles, parseEvents, parsePlaces, type InputProblem } from '../core/validate.ts';

/** Everything the app shows, validated where it enters; the records that failed are counted in `problems`. */
export interface Dataset {
  articles: ReadonlyMap<string, Article>;
  /** Places that have at least one event, in file order. */
  places: readonly Place[];
  placesById: ReadonlyMap<string, Place>;
  /** Sorted by start day, then article, then offset (the order of events.json). */
  events: readonly MapEvent[];
  extent: TimeWindow;
  problems: readonly InputProblem[];
}

const texts = import.meta.glob<string>('@datelines/data/articles/*.txt', { query: '?raw', import: 'default' });

/** The embedded dataset. Throws an InputError when a file cannot be used at all. */
export function loadEmbeddedDataset(): Dataset {
  return createDataset({ articles: articlesJson, places: placesJson, events: eventsJson });
}

export function createDataset(files: { articles: string; places: string; events: string }): Dataset {
  const articleList = parseArticles(files.articles, 'articles.json');
  const allPlaces = parsePlaces(files.places, 'places.geojson');
  const { events, problems } = parseEvents(files.events, 'events.json', {
    places: new Set(allPlaces.map((p) => p.id)),
    articles: new Set(articleList.map((a) => a.id)),
  });
  const used = new Set(events.map((e) => e.place));
  const places = allPlaces.filter((p) => used.has(p.id));
  return {
    articles: new Map(articleList.map((a) => [a.id, a])),
    places,
    placesById: new Map(places.map((p) => [p.id, p])),
    events,
    extent: extentOf(events) ?? { from: 0, to: 0 },
    problems,
  };
}

/** The full text of an article, loaded when first asked for. */
export async function loadArticleText(article: Article): Promise<string> {
  const load = Object.entries(texts).find(([path]) => path.endsWith(`/${article.file}`))?.[1];
  if (!load) throw new Error(`No text is bundled for ${article.file}`);
  return load();
}
