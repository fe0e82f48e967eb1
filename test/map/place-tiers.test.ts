import { describe, expect, it } from 'vitest';
import { PLACE_TIERS, PLACE_TILE_SETS, placeTier } from '../../src/map/place-tiers.ts';

describe('the tier of a populated place', () => {
  it('puts a capital in the first tier however few people GeoNames counts', () => {
    expect(placeTier('PPLC', 0)).toBe(0);
    expect(placeTier('PPLC', 500)).toBe(0);
  });

  it('puts a place of exactly a tier’s population in that tier, one fewer in the next', () => {
    expect(placeTier('PPL', 1_000_000)).toBe(0);
    expect(placeTier('PPL', 999_999)).toBe(1);
    expect(placeTier('PPL', 10_000)).toBe(3);
    expect(placeTier('PPL', 9_999)).toBe(4);
  });

  it('lifts a seat whose population is unknown (0) to its seat’s tier', () => {
    expect(placeTier('PPLA', 0)).toBe(1);
    expect(placeTier('PPLA2', 0)).toBe(2);
  });

  it('keeps a seat that is larger than its code says in the tier of its population', () => {
    expect(placeTier('PPLA2', 2_000_000)).toBe(0);
  });

  it('puts an unknown feature code of unknown population in the last tier', () => {
    expect(placeTier('', 0)).toBe(PLACE_TIERS.length - 1);
  });

  it('shows larger tiers from lower zooms, and larger', () => {
    for (let i = 1; i < PLACE_TIERS.length; i++) {
      expect(PLACE_TIERS[i].minZoom).toBeGreaterThan(PLACE_TIERS[i - 1].minZoom);
      expect(PLACE_TIERS[i].textSize).toBeLessThan(PLACE_TIERS[i - 1].textSize);
    }
  });

  it('cuts every tier into exactly one tile set, of tiles no finer than the zoom it shows from', () => {
    const sets = Object.values(PLACE_TILE_SETS);
    PLACE_TIERS.forEach((tier, index) => {
      const holding = sets.filter((set) => (set.tiers as readonly number[]).includes(index));
      expect(holding, `tier ${index}`).toHaveLength(1);
      expect(holding[0].zoom, `tier ${index}`).toBeLessThanOrEqual(tier.minZoom);
    });
  });
});
