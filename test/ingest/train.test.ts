import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCHMARKS, BENCHMARK_FOLDER } from '../../src/ingest/geoparse/benchmarks.ts';
import { MODEL_FILE } from '../../src/ingest/geoparse/model-file.ts';
import { JUDGE_FILE } from '../../src/ingest/judge/model-file.ts';
import { bestThreshold } from '../../src/ingest/geoparse/train.ts';

const TRAIN = join(process.cwd(), 'build/cli/ingest/train-cli.js');
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
