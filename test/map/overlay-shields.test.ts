import { describe, expect, it } from 'vitest';
import { shieldSquares } from '../../src/map/overlay-shields.ts';

/** The union of squares' extents, as a box. */
const extent = (squares: { x: number; y: number; size: number }[]) => ({
  left: Math.min(...squares.map((s) => s.x - s.size / 2)),
  right: Math.max(...squares.map((s) => s.x + s.size / 2)),
  top: Math.min(...squares.map((s) => s.y - s.size / 2)),
  bottom: Math.max(...squares.map((s) => s.y + s.size / 2)),
});

describe('shields over the boxes drawn on a map', () => {
  it('covers a wide box, grown by the padding, with a row of squares its height, no more than needed', () => {
    const squares = shieldSquares([{ left: 100, top: 10, right: 150, bottom: 30 }], 2);
    expect(squares.every((s) => s.size === 24 && s.y === 20)).toBe(true);
    expect(squares.length).toBe(Math.ceil(54 / 24));
    expect(extent(squares)).toEqual({ left: 98, right: 152, top: 8, bottom: 32 });
  });

  it('covers a square box with one square, a tall one with a column, and each box of several', () => {
    expect(shieldSquares([{ left: 0, top: 0, right: 20, bottom: 20 }], 0)).toEqual([{ x: 10, y: 10, size: 20 }]);
    expect(shieldSquares([{ left: 0, top: 0, right: 20, bottom: 20 }, { left: 50, top: 50, right: 60, bottom: 75 }], 0)).toEqual([
      { x: 10, y: 10, size: 20 },
      { x: 55, y: 55, size: 10 },
      { x: 55, y: 65, size: 10 },
      { x: 55, y: 70, size: 10 },
    ]);
  });

  it('gives none for a box of no area (a pill not drawn)', () => {
    expect(shieldSquares([{ left: 0, top: 0, right: 0, bottom: 0 }], 4)).toEqual([]);
    expect(shieldSquares([{ left: 5, top: 5, right: 40, bottom: 5 }], 4)).toEqual([]);
  });
});
