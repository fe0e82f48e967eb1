import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../../../src/core/model.ts';
import { MODEL_DECIDES, articleCategory, categoryFeatures, judgedCategory, predictCategory, type CategoryModel } from '../../../src/ingest/judge/category.ts';
import { readJudgeFile } from '../../../src/ingest/judge/model-file.ts';

/** A model that says `kind` whenever a feature is present, and nothing else. */
function saying(kind: Category, feature: string): CategoryModel {
  return Object.fromEntries(CATEGORIES.map((c) => [c, { bias: -3, weights: c === kind ? { [feature]: 6 } : {} }])) as unknown as CategoryModel;
}

describe('the kind of event, judged over the sentence', () => {
  it('sees the rules\' kind, the article\'s commonest kind, the sentence\'s words and the clause that names the place', () => {
    const sentence = 'Rescuers pulled survivors from the rubble in Amatrice, officials said.';
    const f = categoryFeatures({ sentence, mention: { start: sentence.indexOf('Amatrice'), end: sentence.indexOf('Amatrice') + 8 }, rule: 'statement', article: 'disaster' });
    expect(f).toMatchObject({ 'rule=statement': 1, 'article=disaster': 1, 'w=rescuer': 1, 'w=survivor': 1, 'w=rubble': 1, 'clause=rubble': 1 });
    expect(f['w=the']).toBeUndefined(); // a stop word
    expect(f['w=in']).toBeUndefined(); // too short
    expect(Object.keys(f).some((k) => k.startsWith('clause=official'))).toBe(false); // "officials said" is another clause
  });

  it('takes the article\'s commonest kind from the rules over its sentences', () => {
    const sentences = (text: string) => text.split(/(?<=\.) /).map((s) => ({ text: s }));
    expect(articleCategory(sentences('An earthquake struck at dawn. Aftershocks followed. Officials said it was bad.'))).toBe('disaster');
    expect(articleCategory(sentences('Nothing of note.'))).toBeNull();
  });

  it('gives the likeliest kind, and overrules the rules only where they fall back or hear speech', () => {
    const model = saying('humanitarian', 'w=rescuer');
    const f = { 'w=rescuer': 1 };
    expect(predictCategory(model, f).category).toBe('humanitarian');
    expect([...MODEL_DECIDES].sort()).toEqual(['other', 'statement']);
    expect(judgedCategory(model, 'other', () => f)).toBe('humanitarian');
    expect(judgedCategory(model, 'statement', () => f)).toBe('humanitarian');
    // "overran": a verb list that knows it stands, and the sentence's features are not even worked out
    expect(judgedCategory(model, 'capture', () => { throw new Error('features asked for'); })).toBeNull();
  });

  it('is learned into the judge\'s weights file, one model per kind', () => {
    const { category } = readJudgeFile();
    expect(Object.keys(category!.models).sort()).toEqual([...CATEGORIES].sort());
  });
});
