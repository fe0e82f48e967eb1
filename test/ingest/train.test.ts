import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCHMARKS, BENCHMARK_FOLDER } from '../../src/ingest/geoparse/benchmarks.ts';
import { MODEL_FILE } from '../../src/ingest/geoparse/model-file.ts';
import { JUDGE_FILE } from '../../src/ingest/judge/model-file.ts';
import { loadGazetteer } from '../../src/ingest/gazetteer/gazetteer.ts';
import { fieldPoint } from '../../src/ingest/geoparse/geoparse.ts';
import { areaPoints, bestThreshold } from '../../src/ingest/geoparse/train.ts';

const TRAIN = join(process.cwd(), 'build/cli/ingest/cli/train-cli.js');
const present = BENCHMARKS.every((b) => existsSync(join(BENCHMARK_FOLDER, b.file)));

describe.skipIf(!present)('npm run train (on the benchmarks in ../shared/geoparse)', () => {
  it('rebuilds the weights files in the repository byte for byte: the geoparser and the judge', { timeout: 180_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-train-'));
    const result = spawnSync(process.execPath, [TRAIN, '--models', dir], { encoding: 'utf8' });
    expect(result.stderr).toContain('706 documents');
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'geoparse.json'), 'utf8')).toBe(readFileSync(MODEL_FILE, 'utf8'));
    expect(readFileSync(join(dir, 'judge.json'), 'utf8')).toBe(readFileSync(JUDGE_FILE, 'utf8'));
  });
});

describe('npm run train', () => {
  it('with no benchmark in the folder named says there is nothing to learn from, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-train-'));
    const out = join(dir, 'geoparse.json');
    const result = spawnSync(process.execPath, [TRAIN, '--geoparse', dir, '--models', dir], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${dir}: (folder): holds none of lgl.json, trnews.json: nothing to learn the geoparser from`);
    expect(result.stderr).not.toContain('    at ');
    expect(existsSync(out)).toBe(false);
  });
});

describe('the threshold a model is given', () => {
  it('is the one that gives the best F1 on the scored examples', () => {
    const scored = [0.9, 0.8, 0.7, 0.3, 0.2].map((p, i) => ({ p, label: i < 3 }));
    const t = bestThreshold(scored);
    expect(t).toBeGreaterThan(0.3);
    expect(t).toBeLessThanOrEqual(0.7);
  });
});

describe("the areas' points a model learns", () => {
  const gazetteer = loadGazetteer();
  const canada = gazetteer.byRef('country:CA')!;

  it('are the median of the gold points where toponyms agree, far enough from the embedded point to matter', () => {
    const learned = areaPoints(new Map([['country:CA', [[60.1, -113.6], [60.12, -113.66], [60.08, -113.62], [34.4, -100.9]]]]), gazetteer);
    expect(Object.keys(learned)).toEqual(['country:CA']);
    expect(learned['country:CA'][0]).toBeCloseTo(60.09, 1);
    expect(learned['country:CA'][1]).toBeCloseTo(-113.63, 1);
  });

  it('are not learned from one toponym, from toponyms that disagree, or where they agree with the embedded point', () => {
    const [lat, lon] = fieldPoint(gazetteer, canada);
    const areas = new Map<string, [number, number][]>([
      ['country:CA', [[60.1, -113.6]]],
      ['country:AU', [[-25, 135], [-30, 120], [-20, 145]]],
      ['country:US', []],
      ['admin1:CA.01', []],
    ]);
    expect(areaPoints(areas, gazetteer)).toEqual({});
    expect(areaPoints(new Map([['country:CA', [[lat, lon], [lat + 0.01, lon]]]]), gazetteer)).toEqual({});
    expect(areaPoints(new Map([['country:XX', [[1, 1], [1, 1]]]]), gazetteer)).toEqual({});
  });
});
