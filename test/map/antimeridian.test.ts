import { describe, expect, it } from 'vitest';
import { unwrapRing } from '../../src/map/antimeridian.ts';

describe('rings across the antimeridian', () => {
  it('keeps every edge short when a ring crosses the dateline eastwards', () => {
    const ring = [[179, 0], [-179, 0], [-179, 1], [179, 1], [179, 0]];
    expect(unwrapRing(ring)).toEqual([[179, 0], [181, 0], [181, 1], [179, 1], [179, 0]]);
  });

  it('does the same westwards', () => {
    expect(unwrapRing([[-179, 0], [179, 0], [179, 1], [-179, 1], [-179, 0]])).toEqual([[-179, 0], [-181, 0], [-181, 1], [-179, 1], [-179, 0]]);
  });

  it('leaves a ring that does not cross untouched', () => {
    const ring = [[40, 30], [45, 30], [45, 35], [40, 30]];
    expect(unwrapRing(ring)).toEqual(ring);
  });
});
