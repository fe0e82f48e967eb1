import { describe, expect, it } from 'vitest';
import { KIND_LABELS } from '../../src/core/kind-labels.ts';
import { PLACE_KINDS } from '../../src/core/model.ts';

describe('the labels of place kinds', () => {
  it('name every place kind, and nothing else', () => {
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...PLACE_KINDS].sort());
  });

  it('are words for people, not the kind ids', () => {
    for (const kind of PLACE_KINDS) {
      expect(KIND_LABELS[kind].trim()).not.toBe('');
      expect(KIND_LABELS[kind]).not.toBe(kind);
    }
  });
});
