#!/usr/bin/env node
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEventsView, withDuckDB } from './events-parquet.ts';

const USAGE = 'usage: npm run query -- [--parquet data/parquet] "SQL over the view events"';

/** `npm run query`: DuckDB over the Parquet files `npm run ingest -- --parquet DIR` wrote; prints tab-separated rows under a header. */
async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { parquet: { type: 'string', default: 'data/parquet' }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`give one SQL statement, in quotes\n${USAGE}\n`);
    return 1;
  }
  if (!hasParquet(values.parquet)) {
    process.stderr.write(`${values.parquet}: no Parquet files: write them first with npm run ingest -- --parquet ${values.parquet}\n`);
    return 1;
  }
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

function cell(value: unknown): string {
  if (value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value).replace(/[\t\n]/g, ' ');
}

function hasParquet(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some((e) => e.isFile() && e.name.endsWith('.parquet') && existsSync(join(e.parentPath, e.name)));
}

process.exitCode = await main(process.argv.slice(2));
