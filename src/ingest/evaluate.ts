import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from './files.ts';
import { loadGazetteer } from './gazetteer/gazetteer.ts';
import { runIngest } from './pipeline.ts';
import { f1, precision, recall, scoreEvents, sumScores, type GoldEvent, type GoldPlace, type GoldTrap, type Scored } from './score.ts';

/** What `npm run eval` measures: both halves, out of the box (gazetteer only) and with the corpus's curated places. */
export interface EvalFigures {
  [setting: string]: { [half: string]: { precision: number; recall: number; f1: number; tp: number; fp: number; found: number; required: number } };
}

export function evaluate(corpusDir: string, halves: readonly string[]): { figures: EvalFigures; details: Map<string, Map<string, Map<string, Scored>>> } {
  const gold = JSON.parse(readFileSync(join(corpusDir, 'gold.json'), 'utf8')) as { events: GoldEvent[]; traps: GoldTrap[] };
  const split = JSON.parse(readFileSync(join(corpusDir, 'split.json'), 'utf8')) as { stories: Record<string, string[]>; tune: string[]; test: string[] };
  const gazetteer = loadGazetteer();
  const storyOf = new Map(Object.entries(split.stories).flatMap(([story, ids]) => ids.map((id) => [id, story] as const)));
  const curated = readInputs({ articles: join(corpusDir, 'articles.json'), places: join(corpusDir, 'places.geojson') });
  const goldPlaces = new Map<string, GoldPlace>(curated.places.map((p) => [p.id, { lngLat: p.lngLat, radiusKm: p.radiusKm }]));
  const empty = readInputs({ articles: join(corpusDir, 'articles.json'), places: join(corpusDir, 'no-places.geojson') });
  const settings = {
    'out of the box': () => runIngest(empty.corpus, [], { gazetteer }),
    'curated places': () => runIngest(curated.corpus, curated.places, { gazetteer }),
  };
  const figures: EvalFigures = {};
  const details = new Map<string, Map<string, Map<string, Scored>>>();
  for (const [setting, run] of Object.entries(settings)) {
    const result = run();
    const places = new Map<string, GoldPlace>([...goldPlaces, ...result.places.map((f) => [f.id, { lngLat: f.geometry.coordinates as [number, number], radiusKm: f.properties.radiusKm ?? null }] as const)]);
    figures[setting] = {};
    details.set(setting, new Map());
    for (const half of halves) {
      const ids = new Set(half === 'all' ? [...split.tune, ...split.test] : split[half as 'tune' | 'test']);
      const perStory = new Map<string, Scored>();
      for (const story of Object.keys(split.stories)) {
        const inStory = (article: string) => ids.has(article) && storyOf.get(article) === story;
        perStory.set(story, scoreEvents(result.events.filter((e) => inStory(e.article)), gold.events.filter((g) => inStory(g.article)), gold.traps.filter((t) => inStory(t.article)), goldPlaces, places));
      }
      const total = sumScores([...perStory.values()]);
      perStory.set('(all)', total);
      details.get(setting)!.set(half, perStory);
      figures[setting][half] = { precision: round(precision(total)), recall: round(recall(total)), f1: round(f1(total)), tp: total.truePositives, fp: total.falsePositives, found: total.found, required: total.required };
    }
  }
  return { figures, details };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
