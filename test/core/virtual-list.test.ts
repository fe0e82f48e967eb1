import { describe, expect, it } from 'vitest';
import { listGeometry, listTopFor, rowsInView } from '../../src/core/virtual-list.ts';

describe('the geometry of a virtualised list', () => {
  it('scrolls a short list as it is, and a million rows through a capped box that still reaches the last row', () => {
    expect(listGeometry(100, 62, 600, 8_000_000)).toEqual({ box: 6200, scale: 1 });
    const { box, scale } = listGeometry(1_000_000, 62, 600, 8_000_000);
    expect(box).toBe(8_000_000);
    // Scrolled to the end of the box, the view shows the last row at its bottom.
    const end = (box - 600) * scale;
    expect(end + 600).toBeCloseTo(1_000_000 * 62, 3);
    expect(rowsInView(end, 600, 62, 1_000_000, 0)).toEqual([999_990, 1_000_000]);
  });

  it('draws the rows in view and the overscan, never past either end', () => {
    expect(rowsInView(0, 600, 62, 26, 6)).toEqual([0, 16]);
    expect(rowsInView(620, 600, 62, 26, 6)).toEqual([4, 26]);
    expect(rowsInView(0, 600, 62, 0, 6)).toEqual([0, 0]);
  });

  it('brings a row into view with the least scrolling', () => {
    expect(listTopFor(3, 0, 600, 62)).toBe(0); // already in view
    expect(listTopFor(20, 0, 600, 62)).toBe(21 * 62 - 600); // below: it lands at the bottom
    expect(listTopFor(2, 1000, 600, 62)).toBe(124); // above: it lands at the top
  });
});
