import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../src/core/model.ts';
import { INGEST } from '../../places-corpus.ts';
import { NO_PLACES, createTextCorpus } from '../../text-corpus.ts';

const TEXT = 'Militants shelled Mosul on Monday, residents said.\n\nOfficials in Baghdad said on Monday that talks would be held in Geneva next week.\n\nMilitants shelled Mosul on Monday, residents said.';

/** The events file of the text ingested with these flags. */
function ingestWith(flags: string[]): { threshold?: number; events: EventRecord[] } {
  const { dir } = createTextCorpus([{ id: 'a', text: TEXT, published: '2014-06-24' }], NO_PLACES);
  const out = join(dir, 'events.json');
  const result = spawnSync(process.execPath, [INGEST, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--out', out, '--quiet', ...flags], { encoding: 'utf8' });
  expect(result.stderr).not.toContain('    at ');
  expect(result.status).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as { threshold?: number; events: EventRecord[] };
}

describe('npm run ingest with the judge', () => {
  it("writes each event's confidence and reasons, and the default threshold, at the top", () => {
    const file = ingestWith([]);
    expect(typeof file.threshold).toBe('number');
    expect(file.events.length).toBeGreaterThan(0);
    for (const e of file.events) {
      expect(e.confidence).toBeGreaterThanOrEqual(0.1);
      expect(e.confidence).toBeLessThanOrEqual(1);
      expect(e.reasons!.length).toBeGreaterThan(0);
      expect(e.reasons!.every((r) => /^[+−] /.test(r))).toBe(true);
    }
  });

  it('keeps a place the rules set aside as a candidate, less sure than the event the rules draw', () => {
    const { events } = ingestWith([]);
    const mosul = events.find((e) => e.place === 'mosul')!;
    const geneva = events.find((e) => e.place === 'geneva');
    expect(mosul.confidence).toBeGreaterThan(geneva?.confidence ?? 0);
  });

  it('makes one event of a sentence printed twice in one article', () => {
    expect(ingestWith([]).events.filter((e) => e.place === 'mosul')).toHaveLength(1);
  });

  it('with --no-judge writes what the rules alone draw, without confidence or threshold', () => {
    const file = ingestWith(['--no-judge']);
    expect(file.threshold).toBeUndefined();
    expect(file.events.every((e) => e.confidence === undefined && e.reasons === undefined)).toBe(true);
    expect(file.events.filter((e) => e.place === 'mosul')).toHaveLength(2);
  });
});
