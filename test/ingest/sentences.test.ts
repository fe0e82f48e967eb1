import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/ingest/text/sentences.ts';

describe('sentence splitting', () => {
  it('does not break after U.S., Mr. or Aug.', () => {
    const text = 'U.S. Secretary of State John Kerry met Mr. Abadi on Aug. 8 in Baghdad. Then he left.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'U.S. Secretary of State John Kerry met Mr. Abadi on Aug. 8 in Baghdad.',
      'Then he left.',
    ]);
  });

  it('gives offsets at which the sentence stands verbatim', () => {
    const text = 'Headline\n\n  First sentence here.  Second one!\nThird “quoted” one.';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('numbers paragraphs by line breaks, whether single or blank-line separated', () => {
    const text = 'One. Two.\nThree.\n\nFour.';
    expect(splitSentences(text).map((s) => [s.text, s.paragraph])).toEqual([['One.', 0], ['Two.', 0], ['Three.', 1], ['Four.', 2]]);
  });

  it('counts offsets in UTF-16 code units past emoji and accents', () => {
    const text = 'Hürriyet 📰 reports. Kerry met Maliki.';
    const [, second] = splitSentences(text);
    expect(text.slice(second.start, second.start + second.text.length)).toBe('Kerry met Maliki.');
  });
});
