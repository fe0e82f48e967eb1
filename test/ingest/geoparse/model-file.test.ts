import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../src/ingest/geoparse/features.ts';
import { MODEL_FILE, MODEL_FORMAT, modelTrainedOn, readModelFile } from '../../../src/ingest/geoparse/model-file.ts';
import { gazetteerName } from '../../../src/ingest/learn/weights-file.ts';

/** A weights file in a fresh folder: the committed one, changed by `edit`. */
function createModelFile(edit: (text: string) => string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'datelines-model-')), 'geoparse.json');
  writeFileSync(file, edit(readFileSync(MODEL_FILE, 'utf8')));
  return file;
}

describe('the geoparser weights file', () => {
  it('in the repository is read, for this code and this gazetteer, with one model per training set', () => {
    const models = readModelFile();
    expect(models.format).toBe(MODEL_FORMAT);
    expect(models.features).toBe(FEATURES);
    expect(models.gazetteer).toBe(gazetteerName());
    expect(Object.keys(models.models).sort()).toEqual(['lgl', 'lgl+trnews', 'trnews']);
  });

  it('that is missing is named, with the command that rebuilds it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'datelines-model-')), 'geoparse.json');
    expect(() => readModelFile(file)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ file, message: expect.stringContaining('npm run train') })] }));
  });

  it('that is cut short is refused, naming the file', () => {
    const file = createModelFile((text) => text.slice(0, text.length / 2));
    expect(() => readModelFile(file)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ file })] }));
  });

  it('of another format, another feature set or another gazetteer is refused, saying which', () => {
    const cases: [string, (m: Record<string, unknown>) => void][] = [
      ['format', (m) => (m.format = 'datelines-geoparse-model 0')],
      ['features', (m) => (m.features = 'geoparse-features 0')],
      ['gazetteer', (m) => (m.gazetteer = 'gazetteer-0.tsv')],
    ];
    for (const [field, change] of cases) {
      const file = createModelFile((text) => {
        const m = JSON.parse(text) as Record<string, unknown>;
        change(m);
        return JSON.stringify(m);
      });
      expect(() => readModelFile(file)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ file, field, message: expect.stringContaining('npm run train') })] }));
    }
  });

  it('with a weight that is not a number is refused, naming the field', () => {
    const file = createModelFile((text) => {
      const m = JSON.parse(text) as { models: Record<string, { threshold: unknown }> };
      m.models.lgl.threshold = 'high';
      return JSON.stringify(m);
    });
    expect(() => readModelFile(file)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ file, field: 'models.lgl.threshold' })] }));
  });

  it('without the model asked for says so', () => {
    expect(() => modelTrainedOn(readModelFile(), 'gdelt')).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ field: 'models.gdelt' })] }));
  });
});
