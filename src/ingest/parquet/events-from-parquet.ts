import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventRecord } from '../../core/model.ts';
import { InputError } from '../../core/validate.ts';
import type { IngestResult } from '../run/pipeline.ts';
import { EVENT_COLUMNS, PARQUET_FORMAT, PARQUET_META, createEventsView, withDuckDB, type ParquetMeta } from './events-parquet.ts';

/** The columns of a Parquet row that are the event's own, in events.json's order (EventRecord's). */
const RECORD_FIELDS = ['id', 'article', 'place', 'start', 'end', 'category', 'quote', 'quoteStart', 'mentionStart', 'mentionEnd', 'dateBasis', 'dateText', 'confidence', 'reasons', 'checked'] as const satisfies readonly (keyof EventRecord & keyof typeof EVENT_COLUMNS)[];
/** Fields events.json leaves out when they have no value (null in Parquet). */
const OPTIONAL = new Set<string>(['confidence', 'reasons', 'checked']);

/**
 * An events.json made again from the Parquet files of DIR (as writeEventsParquet lays them out): every event, or
 * those a SQL condition over the view `events` keeps (`month >= '2014-06' AND country = 'IQ'`), in their order,
 * with the threshold and the gazetteer's places they use. Without a condition it is the events.json the ingest
 * wrote, byte for byte (serializeEvents); with one, the part of an archive a browser can hold.
 */
export async function eventsFromParquet(dir: string, where?: string): Promise<Pick<IngestResult, 'events' | 'places' | 'threshold'>> {
  const metaFile = join(dir, PARQUET_META);
  if (!existsSync(metaFile)) throw new InputError([{ file: metaFile, field: '(file)', message: `is missing: write the folder again with npm run ingest -- --parquet ${dir}` }]);
  let meta: ParquetMeta;
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as ParquetMeta;
  } catch (error) {
    throw new InputError([{ file: metaFile, field: '(file)', message: `is not JSON (${(error as Error).message})` }]);
  }
  if (meta.format !== PARQUET_FORMAT) throw new InputError([{ file: metaFile, field: 'format', message: `is ${JSON.stringify(meta.format)}; this version reads ${PARQUET_FORMAT}: write the folder again with npm run ingest -- --parquet ${dir}` }]);
  const rows = await withDuckDB(async (db) => {
    await createEventsView(db, dir);
    const quoted = (f: string) => `"${f}"`;
    const columns = RECORD_FIELDS.map((f) => (f === 'start' || f === 'end' ? `strftime(${quoted(f)}, '%Y-%m-%d') AS ${quoted(f)}` : quoted(f))).join(', ');
    const reader = await db.runAndReadAll(`SELECT ${columns} FROM events${where ? ` WHERE ${where}` : ''} ORDER BY seq`);
    return reader.getRowObjectsJson();
  });
  const events = rows.map((row) => {
    const event: Record<string, unknown> = {};
    for (const field of RECORD_FIELDS) if (!(OPTIONAL.has(field) && row[field] === null)) event[field] = row[field];
    return event as unknown as EventRecord;
  });
  const used = new Set(events.map((e) => e.place));
  return { ...(meta.threshold === undefined ? {} : { threshold: meta.threshold }), events, places: meta.places.filter((p) => used.has(p.id)) };
}
