import { describe, expect, it } from 'vitest';
import { MONTH_ABBREVIATIONS, MONTH_NAMES, MONTH_NAME_SOURCE, MONTH_WORD_SOURCE } from '../../src/core/months.ts';

describe('month names', () => {
  it('run January to December, each abbreviated to its first three letters', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect(MONTH_NAMES[0]).toBe('January');
    expect(MONTH_NAMES[11]).toBe('December');
    expect(MONTH_ABBREVIATIONS).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
  });

  it('match as a full name only when the whole name is written', () => {
    const name = new RegExp(`^${MONTH_NAME_SOURCE}$`);
    for (const month of MONTH_NAMES) expect(name.test(month), month).toBe(true);
    for (const word of ['Jan', 'Sept', 'june', 'Mayor']) expect(name.test(word), word).toBe(false);
  });

  it('match as a month word written in full or cut short, the period left to the pattern around it', () => {
    const word = new RegExp(`^${MONTH_WORD_SOURCE}$`);
    for (const w of ['Jan', 'Sep', 'Sept', 'September', 'May', ...MONTH_NAMES]) expect(word.test(w), w).toBe(true);
    for (const w of ['Jan.', 'june', 'Ju', 'Monday']) expect(word.test(w), w).toBe(false);
  });
});
