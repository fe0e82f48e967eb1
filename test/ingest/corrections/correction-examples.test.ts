import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORRECTIONS_FORMAT, type Correction } from '../../../src/ingest/corrections/corrections.ts';
import { ingestFiles } from '../../../src/ingest/run/files.ts';
import { loadGazetteer } from '../../../src/ingest/gazetteer/gazetteer.ts';
import { correctionExamples } from '../../../src/ingest/judge/correction-examples.ts';
import { readJudgeFile } from '../../../src/ingest/judge/model-file.ts';
import { createTextCorpus } from '../../text-corpus.ts';

const MOSUL = 'Militants shelled Mosul on Monday.';
const BASRA = 'Protesters marched in Basra on Monday, a week after the vote.';
const TIKRIT = 'Troops entered Tikrit on Sunday.';
const AT = '2026-12-06T14:00:00Z';

function corpusWith(corrections: Correction[]) {
  const corpus = createTextCorpus([{ id: 'a', text: `${MOSUL}\n\n${BASRA}\n\n${TIKRIT}`, published: '2014-06-24' }]);
  writeFileSync(join(corpus.dir, 'corrections.json'), JSON.stringify({ format: CORRECTIONS_FORMAT, version: 1, corrections }));
  return corpus;
}

describe('corrections as the judge\'s examples (npm run train -- --with-corrections)', () => {
  const gazetteer = loadGazetteer();
  const judge = readJudgeFile();

  it('labels the reading the map showed right, every reading of a wrong event not one, and nothing nobody decided', () => {
    const corpus = corpusWith([
      { action: 'right', article: 'a', place: 'mosul', quote: MOSUL, at: AT },
      { action: 'wrong', reason: 'not-an-event', article: 'a', place: 'basra', quote: BASRA, at: AT },
    ]);
    const shown = ingestFiles({ ...corpus, out: join(corpus.dir, 'events.json') }).events;
    const { examples, used, unmatched } = correctionExamples(corpus, gazetteer, judge);
    expect([used, unmatched]).toEqual([2, 0]);
    const mosul = examples.filter((e) => e.candidate.place === 'mosul');
    expect(mosul.map((e) => [e.label, e.candidate.start])).toEqual([[true, shown.find((e) => e.place === 'mosul')!.start]]);
    const basra = examples.filter((e) => e.candidate.place === 'basra');
    expect(basra.length).toBeGreaterThan(0);
    expect(basra.every((e) => !e.label)).toBe(true);
    expect(examples.some((e) => e.candidate.place === 'tikrit')).toBe(false);
  });

  it('labels a re-dated event\'s reading of the new day right and the one shown not, and a moved one wrong where it was', () => {
    const corpus = corpusWith([
      { action: 'date', from: { start: '2014-06-22', end: '2014-06-22' }, to: { start: '2014-06-24', end: '2014-06-24' }, article: 'a', place: 'tikrit', quote: TIKRIT, at: AT },
      { action: 'move', to: 'tikrit', article: 'a', place: 'mosul', quote: MOSUL, at: AT },
    ]);
    const { examples } = correctionExamples(corpus, gazetteer, judge);
    const tikrit = examples.filter((e) => e.candidate.place === 'tikrit');
    expect(tikrit.filter((e) => e.label).map((e) => e.candidate.start)).toEqual(['2014-06-24']); // the publication day, a reading the ingest proposes
    expect(tikrit.filter((e) => !e.label).map((e) => e.candidate.start)).toEqual(['2014-06-22']);
    expect(examples.filter((e) => e.candidate.place === 'mosul').every((e) => !e.label)).toBe(true);
  });

  it('counts a correction whose sentence × place the rules no longer propose as unmatched, labelling nothing', () => {
    const corpus = corpusWith([{ action: 'right', article: 'a', place: 'baghdad', quote: MOSUL, at: AT }]);
    expect(correctionExamples(corpus, gazetteer, judge)).toEqual({ examples: [], used: 0, unmatched: 1 });
  });
});

describe('npm run train, asked for a corpus without --with-corrections', () => {
  it('says what is missing and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-train-'));
    const result = spawnSync(process.execPath, [join(process.cwd(), 'build/cli/ingest/cli/train-cli.js'), '--articles', 'data/articles.json', '--models', dir], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('add --with-corrections');
    expect(existsSync(join(dir, 'judge.json'))).toBe(false);
    expect(readFileSync('models/judge.json', 'utf8')).toContain('"trainedOn"');
  });
});
