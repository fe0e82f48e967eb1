#!/usr/bin/env node
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inputErrorStatus, readCommandLineWithOperands } from './command-line.ts';
import { InputError } from '../../core/validate.ts';
import { writeAtomically, writeFailure } from '../../io/atomic-write.ts';
import { serializedChunks } from '../run/pipeline.ts';
import { eventsFromParquet } from '../parquet/events-from-parquet.ts';
import { createEventsView, withDuckDB } from '../parquet/events-parquet.ts';

const USAGE = `usage: npm run query -- [--parquet data/parquet] "SQL over the view events"
       npm run query -- [--parquet data/parquet] --events-json OUT [--where "SQL condition"]`;

/**
 * `npm run query`: DuckDB over the Parquet files `npm run ingest -- --parquet DIR` wrote; prints tab-separated rows
 * under a header. `--events-json OUT` writes an events.json from them instead: every event, or those `--where`
 * keeps, for the app to be built on (`DATELINES_DATA`).
 */
async function main(argv: string[]): Promise<number> {
  const read = readCommandLineWithOperands(argv, { parquet: { type: 'string', default: 'data/parquet' }, 'events-json': { type: 'string' }, where: { type: 'string' } } as const, USAGE, { operands: true });
  if (typeof read === 'number') return read;
  const { values, operands: positionals } = read;
  const out = values['events-json'];
  if (out === undefined ? positionals.length !== 1 || values.where !== undefined : positionals.length !== 0) {
    process.stderr.write(`${out === undefined ? (values.where === undefined ? 'give one SQL statement, in quotes' : '--where goes with --events-json') : '--events-json takes no SQL statement: give the condition with --where'}\n${USAGE}\n`);
    return 1;
  }
  if (!hasParquet(values.parquet)) {
    process.stderr.write(`${values.parquet}: no Parquet files: write them first with npm run ingest -- --parquet ${values.parquet}\n`);
    return 1;
  }
  if (out !== undefined) return writeEventsJson(values.parquet, out, values.where);
  try {
    await withDuckDB(async (db) => {
      await createEventsView(db, values.parquet);
      const reader = await db.runAndReadAll(positionals[0]);
      const lines = [reader.columnNames().join('\t'), ...reader.getRowsJson().map((row) => row.map(cell).join('\t'))];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
    return 0;
  } catch (error) {
    process.stderr.write(`query: ${(error as Error).message.split('\n')[0]}\n`);
    return 1;
  }
}

/** An events.json from the Parquet files, written whole or not at all. */
async function writeEventsJson(parquet: string, out: string, where: string | undefined): Promise<number> {
  try {
    const result = await eventsFromParquet(parquet, where).catch((error: unknown) => {
      if (error instanceof InputError) throw error;
      throw new InputError([{ file: parquet, field: '--where', message: `cannot be read: ${(error as Error).message.split('\n')[0]}` }]);
    });
    try {
      writeAtomically(out, serializedChunks(result), 'events');
    } catch (error) {
      throw new InputError([{ file: out, field: '(file)', message: writeFailure(error) }]);
    }
    process.stderr.write(`wrote ${result.events.length} ${result.events.length === 1 ? 'event' : 'events'} and ${result.places.length} ${result.places.length === 1 ? 'place' : 'places'} from ${parquet}${where ? ` (where ${where})` : ''} to ${out}\n`);
    return 0;
  } catch (error) {
    return inputErrorStatus(error);
  }
}

function cell(value: unknown): string {
  if (value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value).replace(/[\t\n]/g, ' ');
}

function hasParquet(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some((e) => e.isFile() && e.name.endsWith('.parquet') && existsSync(join(e.parentPath, e.name)));
}

process.exitCode = await main(process.argv.slice(2));
