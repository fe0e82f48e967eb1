import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { EventRecord } from '../../core/model.ts';

/**
 * Events kept on disk instead of in memory, so that a large corpus's ingest holds one article's events at a time
 * (issue 26: ≤ 500 MB for 10,000 articles). A spill is a file of JSON lines beside the output, named as the atomic
 * writer names its temporaries (so a crashed run's are swept away later), written as articles are read and read
 * back in the order they were written; `SortedSpill` reads its records back in the contract's order.
 */

const CHUNK = 1 << 20; // characters gathered before a write

/** A new file for a spill in `folder`: created here (never one already there), so that its name is this run's. */
export function spillFile(folder: string): string {
  const file = join(folder, `.${randomBytes(6).toString('hex')}.spill.tmp`);
  closeSync(openSync(file, 'wx', 0o600));
  return file;
}

export function removeSpill(file: string): void {
  rmSync(file, { force: true });
}

/** Appends records to a spill file, one JSON line each. */
export class SpillWriter {
  private fd: number;
  private pending = '';
  private bytes = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'r+'); // made by spillFile: a spill removed meanwhile (a cancelled run) is not made again
  }

  /** Writes one record; returns its byte offset and length in the file. */
  add(record: unknown): { offset: number; length: number } {
    const line = `${JSON.stringify(record)}\n`;
    const length = Buffer.byteLength(line);
    const offset = this.bytes;
    this.bytes += length;
    this.pending += line;
    if (this.pending.length >= CHUNK) this.flush();
    return { offset, length };
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending) writeSync(this.fd, this.pending);
    this.pending = '';
  }
}

/** A spill's records, in the order they were written. */
export function* spilledRecords<T>(file: string): Generator<T> {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    let carry = Buffer.alloc(0); // the bytes of a line a chunk cut (perhaps inside a character), not yet decoded
    for (let position = 0; ; ) {
      const read = readSync(fd, buffer, 0, CHUNK, position);
      if (read === 0) break;
      position += read;
      const data = carry.length ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
      const end = data.lastIndexOf(10);
      carry = Buffer.from(data.subarray(end + 1)); // a copy: the buffer is read into again
      if (end >= 0) for (const line of data.toString('utf8', 0, end).split('\n')) yield JSON.parse(line) as T;
    }
    if (carry.length) throw new Error(`${file}: the spill ends inside a record`);
  } finally {
    closeSync(fd);
  }
}

/** One record of a spill, read where `SpillWriter.add` said it was written. */
export function readSpilledRecord<T>(fd: number, at: { offset: number; length: number }, buffer: { bytes: Buffer }): T {
  if (buffer.bytes.length < at.length) buffer.bytes = Buffer.alloc(Math.max(at.length, buffer.bytes.length * 2));
  readSync(fd, buffer.bytes, 0, at.length, at.offset);
  return JSON.parse(buffer.bytes.toString('utf8', 0, at.length)) as T;
}

/** What orders the events in the contract (pipeline.ts, sortInContractOrder): start day, article, quote, place; then as written. */
export interface EventKey {
  start: string;
  article: string;
  quoteStart: number;
  place: string;
}

/**
 * Records written in any order and read back in the contract's: each record goes to a spill, and only its key
 * (as ranks and numbers) and where it lies stay in memory, some 40 bytes a record.
 */
export class SortedSpill {
  private writer: SpillWriter;
  private keys: number[] = []; // per record: start day, article rank, quoteStart, place rank, offset, length
  private readonly articles: Map<string, number>;
  private readonly places: Map<string, number>;

  /** `articles` and `places`: every id a key may hold. */
  constructor(file: string, articles: Iterable<string>, places: Iterable<string>) {
    this.writer = new SpillWriter(file);
    this.articles = ranks(articles);
    this.places = ranks(places);
  }

  add(key: EventKey, record: unknown): void {
    const at = this.writer.add(record);
    // An id not given goes after all that were (the output's check then names it).
    const article = this.articles.get(key.article) ?? this.articles.size;
    const place = this.places.get(key.place) ?? this.places.size;
    this.keys.push(dayNumber(key.start), article, key.quoteStart, place, at.offset, at.length);
  }

  get count(): number {
    return this.keys.length / FIELDS;
  }

  /** The records in the contract's order (ties in the order they were added). Once. */
  *sorted<T>(): Generator<T> {
    this.writer.close();
    const k = this.keys;
    const order = Uint32Array.from({ length: this.count }, (_, i) => i);
    order.sort((a, b) => k[a * FIELDS] - k[b * FIELDS] || k[a * FIELDS + 1] - k[b * FIELDS + 1] || k[a * FIELDS + 2] - k[b * FIELDS + 2] || k[a * FIELDS + 3] - k[b * FIELDS + 3] || a - b);
    const fd = openSync(this.writer.file, 'r');
    try {
      const buffer = { bytes: Buffer.alloc(1 << 16) };
      for (const i of order) yield readSpilledRecord<T>(fd, { offset: k[i * FIELDS + 4], length: k[i * FIELDS + 5] }, buffer);
    } finally {
      closeSync(fd);
    }
  }
}

const FIELDS = 6;

/** Each id's rank in code-unit order (as the contract's sort compares them). */
function ranks(ids: Iterable<string>): Map<string, number> {
  return new Map([...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((id, i) => [id, i]));
}

/** A "YYYY-MM-DD" day as a number in the same order. */
function dayNumber(day: string): number {
  return Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}
