import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../src/core/model.ts';
import { CORRECTIONS_FORMAT, type Correction } from '../../../src/ingest/corrections/corrections.ts';
import { INGEST } from '../../places-corpus.ts';
import { createTextCorpus } from '../../text-corpus.ts';

const MOSUL = 'Militants shelled Mosul on Monday.';
const TEXT = `${MOSUL}\n\nTroops entered Tikrit on Sunday.\n\nProtesters marched in Basra on Monday.`;
const AT = '2026-12-06T14:00:00Z';

/** A one-article corpus with these corrections; returns its folder. */
function createCorrected(corrections: Correction[] | string) {
  const { dir } = createTextCorpus([{ id: 'a', text: TEXT, published: '2014-06-24' }]);
  writeFileSync(join(dir, 'corrections.json'), typeof corrections === 'string' ? corrections : JSON.stringify({ format: CORRECTIONS_FORMAT, version: 1, corrections }));
  return dir;
}

function ingest(dir: string) {
  const out = join(dir, 'events.json');
  const result = spawnSync(process.execPath, [INGEST, '--articles', join(dir, 'articles.json'), '--places', join(dir, 'places.geojson'), '--out', out, '--no-judge'], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr, events: existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { events: EventRecord[] }).events : [] };
}

const sentence = (place: string) => TEXT.split('\n\n').find((s) => s.toLowerCase().includes(place))!;

describe('corrections.json, applied by every ingest', () => {
  it('keeps a wrong event off the map, a moved one moved, a re-dated one re-dated, and marks them checked', () => {
    const dir = createCorrected([
      { action: 'wrong', reason: 'not-an-event', article: 'a', place: 'basra', quote: sentence('basra'), at: AT },
      { action: 'move', to: 'tikrit', article: 'a', place: 'mosul', quote: MOSUL, at: AT },
      { action: 'date', from: { start: '2014-06-22', end: '2014-06-22' }, to: { start: '2014-06-20', end: '2014-06-21' }, article: 'a', place: 'tikrit', quote: sentence('tikrit'), at: AT },
    ]);
    const run = ingest(dir);
    expect(run.status).toBe(0);
    expect(run.events.map((e) => [e.place, e.start, e.end, e.checked])).toEqual([
      ['tikrit', '2014-06-20', '2014-06-21', true],
      ['tikrit', '2014-06-23', '2014-06-23', true],
    ]);
    expect(run.stderr).toContain('corrections: 2 of 2 events checked by a person (2 of them corrected), 0 unchecked, 1 removed as wrong');
    expect(ingest(dir).events).toEqual(run.events); // and so again, run after run
  });

  it('marks a confirmed event checked, the latest correction of an event winning', () => {
    const dir = createCorrected([
      { action: 'wrong', reason: 'wrong-date', article: 'a', place: 'mosul', quote: MOSUL, at: '2026-12-06T13:00:00Z' },
      { action: 'right', article: 'a', place: 'mosul', quote: `  ${MOSUL.replace(' ', '\n')}`, at: AT },
    ]);
    const mosul = ingest(dir).events.find((e) => e.place === 'mosul')!;
    expect(mosul.checked).toBe(true);
  });

  it('reports by name a correction whose sentence is gone from its article, and applies the rest', () => {
    const dir = createCorrected([
      { action: 'wrong', reason: 'not-an-event', article: 'a', place: 'mosul', quote: 'Militants shelled Mosul on Tuesday.', at: AT },
      { action: 'move', to: 'atlantis', article: 'a', place: 'basra', quote: sentence('basra'), at: AT },
    ]);
    const run = ingest(dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`${join(dir, 'corrections.json')}: corrections[0].quote: the sentence is no longer in "a" (its text changed): the correction was not applied`);
    expect(run.stderr).toContain(`corrections[1].to: "atlantis" is no place of this corpus: the event of a stays at basra`);
    expect(run.events.map((e) => e.place).sort()).toEqual(['basra', 'mosul', 'tikrit']);
  });

  it('that is malformed stops the ingest, naming the file and the field, with nothing written', () => {
    const dir = createCorrected([{ action: 'move', article: 'a', place: 'mosul', quote: MOSUL, at: AT } as unknown as Correction]);
    const run = ingest(dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`${join(dir, 'corrections.json')}: corrections[0].to: is missing`);
    expect(run.events).toEqual([]);
    expect(ingest(createCorrected('{"format": "datelines-corrections 1", "version": 1, "corrections": [')).stderr).toMatch(/corrections\.json: \(json\): invalid JSON/);
  });
});
