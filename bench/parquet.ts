import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDay } from '../src/core/day.ts';
import type { Article, Place } from '../src/core/model.ts';
import { createEventsView, withDuckDB, writeEventsParquet } from '../src/ingest/parquet/events-parquet.ts';
import { createSyntheticCorpus } from './synthetic-corpus.ts';

// The Parquet store's figures on the bench's million events over 20,000 places (synthetic-corpus.ts): its size,
// the time to write it, and the aggregates that would feed tiles of per-place counts per period (docs/scale.md).
// Runs alone too: node build/bench/bench/parquet.js [EVENTS].

export interface ParquetFigures {
  events: number;
  writeMs: number;
  bytes: number;
  bytesPerEvent: number;
  /** Events per place per month: the time, and how many (place, month) cells have any. */
  perPlaceMonthMs: number;
  placeMonthCells: number;
  /** Events per place per day (the finest period a tile would carry): the time and the cells. */
  perPlaceDayMs: number;
  placeDayCells: number;
}

export async function measureParquetFigures(count = 1_000_000): Promise<ParquetFigures> {
  const corpus = createSyntheticCorpus({ events: count, places: 20_000, seed: 20140623 });
  const articles: Article[] = corpus.articles.map((a) => ({ ...a, published: parseDay(a.published)! }));
  const places = corpus.places.map((f) => ({ id: f.id, name: f.properties.name, country: f.properties.country, lngLat: f.geometry.coordinates })) as unknown as Place[];
  const events = corpus.events.map((e) => ({ ...e, dateBasis: 'stated' as const, dateText: null }));
  const dir = join(process.cwd(), '.tmp', `bench-parquet-${process.pid}`);
  try {
    let t = performance.now();
    await writeEventsParquet(dir, { events, places: [] }, articles, places);
    const writeMs = performance.now() - t;
    const bytes = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
    return await withDuckDB(async (db) => {
      await createEventsView(db, dir);
      t = performance.now();
      const months = await db.runAndReadAll('SELECT place, strftime(start, \'%Y-%m\') AS period, count(*) AS n FROM events GROUP BY ALL');
      const perPlaceMonthMs = performance.now() - t;
      t = performance.now();
      const days = await db.runAndReadAll('SELECT place, start, count(*) AS n FROM events GROUP BY ALL');
      const perPlaceDayMs = performance.now() - t;
      return { events: count, writeMs: Math.round(writeMs), bytes, bytesPerEvent: Math.round((bytes / count) * 10) / 10, perPlaceMonthMs: Math.round(perPlaceMonthMs), placeMonthCells: months.currentRowCount, perPlaceDayMs: Math.round(perPlaceDayMs), placeDayCells: days.currentRowCount };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(JSON.stringify(await measureParquetFigures(Number(process.argv[2] ?? 1_000_000))));
