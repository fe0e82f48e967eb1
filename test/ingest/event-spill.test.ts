import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../src/core/model.ts';
import { InputError } from '../../src/core/validate.ts';
import { CORRECTIONS_FORMAT, readCorrections, type Correction } from '../../src/ingest/corrections/corrections.ts';
import { SortedSpill, spillFile, spilledRecords, SpillWriter } from '../../src/ingest/run/event-spill.ts';
import { finishSpilledRun, ingestFiles, ingestFilesInParallel, readInputs } from '../../src/ingest/run/files.ts';
import { sortInContractOrder } from '../../src/ingest/run/pipeline.ts';
import { createTextCorpus } from '../text-corpus.ts';

const AT = '2026-12-07T19:00:00Z';
const TOWNS = ['Kherson', 'Mykolaiv', 'Bucha', 'Irpin', 'Kharkiv', 'Izium', 'Lviv', 'Odesa'];

/** Articles with text beyond ASCII (curly quotes, Cyrillic, an emoji), so that byte and character offsets differ. */
function corpusWith(corrections: Correction[]) {
  const corpus = createTextCorpus(
    Array.from({ length: 60 }, (_, i) => ({
      id: `a-${String(i).padStart(2, '0')}`,
      text: `Russian forces shelled ${TOWNS[i % TOWNS.length]} on Monday, “officials” said (Херсон 🚀).\nRescuers searched the ruins in ${TOWNS[(i * 3) % TOWNS.length]} on Tuesday.\n`,
      published: `2022-0${3 + (i % 6)}-1${i % 10}`,
    })),
  );
  writeFileSync(join(corpus.dir, 'corrections.json'), JSON.stringify({ format: CORRECTIONS_FORMAT, version: 1, corrections }));
  return corpus;
}

const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('events spilled to disk as they are read, and merged in the contract\'s order as they are written', () => {
  it('writes what the in-memory ingest writes, byte for byte, corrections applied, and leaves no spill behind', async () => {
    const text = (i: number) => `Russian forces shelled ${TOWNS[i % TOWNS.length]} on Monday, “officials” said (Херсон 🚀).`;
    const corpus = corpusWith([
      { action: 'wrong', reason: 'not-an-event', article: 'a-00', place: 'kherson', quote: text(0), at: AT },
      { action: 'move', article: 'a-01', place: 'mykolaiv', quote: text(1), to: 'odesa', at: AT },
      { action: 'date', article: 'a-02', place: 'bucha', quote: text(2), from: { start: '2022-05-09', end: '2022-05-09' }, to: { start: '2021-01-01', end: '2021-01-01' }, at: AT },
      { action: 'right', article: 'a-03', place: 'irpin', quote: text(3), at: AT },
    ]);
    const held = ingestFiles({ ...corpus, out: join(corpus.dir, 'held.json') });
    const spilled = await ingestFilesInParallel({ ...corpus, out: join(corpus.dir, 'spilled.json') }, { threads: 1 });
    expect(readFileSync(join(corpus.dir, 'spilled.json'), 'utf8')).toBe(readFileSync(join(corpus.dir, 'held.json'), 'utf8'));
    // The corrections did something: one event fewer, one moved, one re-dated to the first of all, four checked.
    expect(held.corrections).toMatchObject({ checked: 3, corrected: 2, removed: 1, unmatched: [] });
    expect(spilled.corrections).toEqual(held.corrections);
    expect(held.events[0]).toMatchObject({ article: 'a-02', start: '2021-01-01', checked: true });
    expect([spilled.count, spilled.places.map((p) => p.id)]).toEqual([held.count, held.places.map((p) => p.id)]);
    expect(leftovers(corpus.dir)).toEqual([]);
  });

  it('refuses an output the contract forbids before it replaces the old one, and removes its spills', () => {
    const corpus = corpusWith([]);
    const out = join(corpus.dir, 'events.json');
    writeFileSync(out, 'the old output\n');
    const { corpus: articles, places } = readInputs(corpus);
    const spill = spillFile(corpus.dir);
    const writer = new SpillWriter(spill);
    const quote = 'Russian forces shelled Kherson on Monday';
    writer.add({ id: 'a-00#1', article: 'a-00', place: 'unknown-town', start: '2022-03-10', end: '2022-03-10', category: 'attack', quote, quoteStart: 0, mentionStart: 23, mentionEnd: 30, dateBasis: 'stated', dateText: 'Monday' } satisfies EventRecord);
    writer.close();
    const parts = [{ events: [], refs: [], report: { article: 'a-00', events: 1, names: [], unrecognised: [], rejected: [] }, spellings: [], runnersUp: [], entries: [] }];
    let thrown: unknown = null;
    try {
      finishSpilledRun({ ...corpus, out }, articles, places, { parts, spills: [spill] }, readCorrections(corpus.articles));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).problems.map((p) => `${p.field}: ${p.message}`)).toEqual(['events[0].place: unknown place "unknown-town" (an internal error: the ingest made an output the contract forbids, and did not write it)']);
    expect(readFileSync(out, 'utf8')).toBe('the old output\n');
    expect(leftovers(corpus.dir)).toEqual([]);
  });
});

describe('a spill file', () => {
  it('gives back what was written, in order, across chunk ends inside a character and lines longer than a chunk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-spill-'));
    const writer = new SpillWriter(spillFile(dir));
    const records = Array.from({ length: 3000 }, (_, i) => ({ i, text: `${'é'.repeat(i % 7)}${'🚀'.repeat(i % 5)}${'x'.repeat((i * 37) % 900)}` }));
    records.splice(1500, 0, { i: -1, text: 'ж'.repeat(1_500_000) }); // 3 MB of UTF-8 in one line
    const at = records.map((r) => writer.add(r));
    writer.close();
    expect([...spilledRecords(writer.file)]).toEqual(records);
    expect(at[1].offset).toBe(at[0].length);
  });

  it('reads its records back in the contract\'s order, equal keys in the order they were written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-spill-'));
    const days = ['2014-06-23', '2014-06-10', '2013-12-31', '2014-06-23'];
    const events = Array.from({ length: 400 }, (_, i) => ({ n: i, start: days[(i * 7) % 4], article: `a-${(i * 13) % 5}`, quoteStart: (i * 11) % 3, place: ['mosul', 'erbil', 'baghdad'][(i * 5) % 3] }));
    const sorted = new SortedSpill(spillFile(dir), events.map((e) => e.article), events.map((e) => e.place));
    for (const e of events) sorted.add(e, e);
    const expected = sortInContractOrder(events.map((e) => ({ ...e }) as unknown as EventRecord)).map((e) => (e as unknown as { n: number }).n);
    expect([...sorted.sorted<{ n: number }>()].map((e) => e.n)).toEqual(expected);
  });
});
