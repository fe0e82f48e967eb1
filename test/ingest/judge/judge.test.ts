import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../src/ingest/judge/features.ts';
import { judge, type JudgeModel } from '../../../src/ingest/judge/judge.ts';
import { JUDGE_FILE, JUDGE_FORMAT, readJudgeFile } from '../../../src/ingest/judge/model-file.ts';

function createJudge(weights: Record<string, number>, means: Record<string, number> = {}): JudgeModel {
  return { model: { bias: 0, weights }, threshold: 0.5, floor: 0.1, means };
}

describe('the judge', () => {
  it('gives the probability of its model, to two decimals', () => {
    expect(judge(createJudge({ speech: -2 }), { speech: 1 }).confidence).toBe(0.12);
    expect(judge(createJudge({ speech: -2 }), {}).confidence).toBe(0.5);
  });

  it('gives as reasons the features that moved the candidate furthest from a typical one, in words, for or against', () => {
    const j = createJudge({ speech: -2, 'rule=frame': 1.5, rulesDate: 1, quoted: -0.2 }, { rulesDate: 0.9, 'rule=frame': 0.5 });
    const { reasons } = judge(j, { speech: 1, 'rule=frame': 1, rulesDate: 1, quoted: 1 });
    expect(reasons).toEqual(['− reported speech', '+ the place is where the sentence says it happened', '− quoted speech']);
  });

  it('says a common feature is missing when its absence weighed', () => {
    const { reasons } = judge(createJudge({ rulesDate: 2 }, { rulesDate: 0.8 }), {});
    expect(reasons).toEqual(['− not the date the rules read']);
  });
});

describe("the judge's weights file", () => {
  it('in the repository is read, for this code', () => {
    const file = readJudgeFile();
    expect([file.format, file.features]).toEqual([JUDGE_FORMAT, FEATURES]);
    expect(file.trainedOn.stories).toBeGreaterThanOrEqual(24);
    expect(file.threshold).toBeGreaterThan(file.floor);
  });

  it('that is missing, cut short or of another feature set is refused, naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-judge-'));
    const missing = join(dir, 'none.json');
    expect(() => readJudgeFile(missing)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ file: missing, message: expect.stringContaining('npm run train') })] }));
    const cut = join(dir, 'cut.json');
    const text = readFileSync(JUDGE_FILE, 'utf8');
    writeFileSync(cut, text.slice(0, 200));
    expect(() => readJudgeFile(cut)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ file: cut })] }));
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ ...JSON.parse(text), features: 'judge-features 0' }));
    expect(() => readJudgeFile(other)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ file: other, field: 'features' })] }));
    const kinds = join(dir, 'kinds.json');
    const parsed = JSON.parse(text);
    writeFileSync(kinds, JSON.stringify({ ...parsed, category: { ...parsed.category, features: 'category-features 0' } }));
    expect(() => readJudgeFile(kinds)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ file: kinds, field: 'category.features' })] }));
  });
});
