import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { formatDay } from '../../core/day.ts';
import type { Article, EventRecord, Place } from '../../core/model.ts';
import { InputError } from '../../core/validate.ts';
import type { FoundPlace, IngestResult } from '../run/pipeline.ts';

/**
 * The events as Parquet, partitioned by the article's publication month (`DIR/month=2014-06/data_0.parquet`), for
 * DuckDB to query over an archive no browser could hold. A row is an event of events.json (same field names, `seq`
 * its position there) with what a question needs beside it: the article's publication day, outlet and headline, the
 * place's name, country and point. Beside the months, `DIR/meta.json` (PARQUET_META) keeps the rest of events.json:
 * the judge's threshold and the gazetteer's places, so that an events.json can be made again from the folder, whole
 * or for a part of the archive (events-from-parquet.ts).
 */
export const EVENT_COLUMNS = {
  seq: 'INTEGER', // the event's index in events.json
  id: 'VARCHAR',
  article: 'VARCHAR',
  place: 'VARCHAR',
  start: 'DATE',
  end: 'DATE', // inclusive; quote it in SQL: "end"
  category: 'VARCHAR',
  quote: 'VARCHAR',
  quoteStart: 'INTEGER', // UTF-16 code units
  mentionStart: 'INTEGER',
  mentionEnd: 'INTEGER',
  dateBasis: 'VARCHAR',
  dateText: 'VARCHAR',
  confidence: 'DOUBLE', // null: no judge ran
  reasons: 'VARCHAR[]',
  checked: 'BOOLEAN', // null: no person checked it
  published: 'DATE',
  outlet: 'VARCHAR',
  headline: 'VARCHAR',
  placeName: 'VARCHAR',
  country: 'VARCHAR', // ISO 3166-1 alpha-2
  lng: 'DOUBLE',
  lat: 'DOUBLE',
  month: 'VARCHAR', // YYYY-MM of `published`: the partition
} as const;

const ROWS_PER_WRITE = 10_000;
// DuckDB's own memory for the sort of the rows by seq, on one thread (its default is most of the machine's, and
// two threads ran out at this limit): 381,530 rows sorted and written in 4.5 s, 395 MB of RSS, against 1.9 s, 618 MB.
const DUCKDB_MEMORY = '256MB';

/** The rest of events.json beside the Parquet files: its threshold (absent: the rules alone) and the gazetteer's places. */
export interface ParquetMeta {
  format: typeof PARQUET_FORMAT;
  threshold?: number;
  places: FoundPlace[];
}
export const PARQUET_META = 'meta.json';
export const PARQUET_FORMAT = 'datelines-events-parquet 1';

/** Writes a run's events to DIR as Parquet, whole or not at all: into a fresh folder beside DIR, then renamed over it. */
export async function writeEventsParquet(dir: string, run: Pick<IngestResult, 'events' | 'places' | 'threshold'>, articles: readonly Article[], curated: readonly Place[]): Promise<void> {
  const rows = startEventsParquet(dir, articles, curated, run.places);
  try {
    for (const event of run.events) rows.add(event);
  } catch (error) {
    rows.abort();
    throw error;
  }
  await rows.finish(run.threshold);
}

/**
 * A Parquet writing taken an event at a time (so that a large run need not hold its events: see
 * finishSpilledRun), in events.json's order: each becomes a row of a temporary NDJSON file beside DIR, which
 * `finish` has DuckDB turn into the month files of a fresh folder, renamed over DIR. `abort` (or a failed
 * `finish`) leaves DIR as it was and removes what was begun.
 */
export interface ParquetRows {
  add(event: EventRecord): void;
  finish(threshold: number | undefined): Promise<void>;
  abort(): void;
}

export function startEventsParquet(dir: string, articles: readonly Article[], curated: readonly Place[], found: readonly FoundPlace[]): ParquetRows {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const places = new Map<string, { name: string; country: string; lngLat: readonly number[] }>(curated.map((p) => [p.id, p]));
  for (const f of found) places.set(f.id, { name: f.properties.name, country: f.properties.country, lngLat: f.geometry.coordinates });
  const target = resolve(dir);
  const fresh = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const rows = join(dirname(target), `.${basename(target)}.${process.pid}.ndjson`);
  const scratch = join(dirname(target), `.${basename(target)}.${process.pid}.duckdb`);
  const failed = (error: unknown) => new InputError([{ file: dir, field: '(folder)', message: `cannot write the Parquet files (${(error as Error).message})` }]);
  let fd: number | null;
  try {
    mkdirSync(dirname(target), { recursive: true });
    fd = openSync(rows, 'w');
  } catch (error) {
    throw failed(error);
  }
  let pending: string[] = [];
  let seq = 0;
  const flush = () => {
    try {
      if (fd !== null && pending.length) writeSync(fd, pending.join(''));
    } catch (error) {
      throw failed(error);
    }
    pending = [];
  };
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  const removeTemporaries = () => {
    close();
    rmSync(rows, { force: true });
    rmSync(scratch, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
  };
  return {
    add(e) {
      const article = byId.get(e.article)!;
      const place = places.get(e.place)!;
      const published = formatDay(article.published);
      pending.push(`${JSON.stringify({ seq: seq++, ...e, confidence: e.confidence ?? null, reasons: e.reasons ?? null, checked: e.checked ?? null, published, outlet: article.outlet, headline: article.headline, placeName: place.name, country: place.country, lng: place.lngLat[0], lat: place.lngLat[1], month: published.slice(0, 7) })}\n`);
      if (pending.length === ROWS_PER_WRITE) flush();
    },
    async finish(threshold) {
      try {
        flush();
        close();
        await withDuckDB(async (db) => {
          const columns = Object.entries(EVENT_COLUMNS).map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`).join(', ');
          await db.run(`COPY (SELECT * FROM read_json(${sqlString(rows)}, format = 'newline_delimited', columns = {${columns}}) ORDER BY seq) TO ${sqlString(fresh)} (FORMAT parquet, PARTITION_BY (month))`);
        }, { memory_limit: DUCKDB_MEMORY, threads: '1', temp_directory: scratch }); // past the limit, its sort goes to disk
        if (!existsSync(fresh)) mkdirSync(fresh); // no events: an empty folder, which `npm run query` reads as no rows
        const meta: ParquetMeta = { format: PARQUET_FORMAT, ...(threshold === undefined ? {} : { threshold }), places: [...found] };
        writeFileSync(join(fresh, PARQUET_META), `${JSON.stringify(meta)}\n`);
        const old = `${fresh}.old`;
        if (existsSync(target)) renameSync(target, old);
        renameSync(fresh, target);
        rmSync(old, { recursive: true, force: true });
      } catch (error) {
        throw failed(error);
      } finally {
        removeTemporaries(); // the rows, DuckDB's scratch, and the fresh folder if it was not renamed
      }
    },
    abort: removeTemporaries,
  };
}

/** An in-memory DuckDB for one piece of work; it never reaches out for extensions (Parquet and JSON are built in). */
export async function withDuckDB<T>(work: (db: DuckDBConnection) => Promise<T>, settings: Record<string, string> = {}): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', ...settings });
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A view `events` over the Parquet files of DIR (as writeEventsParquet lays them out). */
export async function createEventsView(db: DuckDBConnection, dir: string): Promise<void> {
  await db.run(`CREATE VIEW events AS SELECT * FROM read_parquet(${sqlString(join(resolve(dir), '**', '*.parquet'))}, hive_partitioning = true, hive_types = {'month': VARCHAR})`);
}

export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
