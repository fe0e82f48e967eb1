import { describe, expect, it } from 'vitest';
import { clearOf } from '../../src/map/insets.ts';

const none = { top: 0, right: 0, bottom: 0, left: 0 };

describe('camera padding clear of what covers the map', () => {
  it('is the margin alone when nothing covers the map', () => {
    expect(clearOf(none, 40, 1000, 800)).toEqual({ top: 40, right: 40, bottom: 40, left: 40 });
  });

  it('adds a legend along the bottom to the margin', () => {
    expect(clearOf({ ...none, bottom: 96 }, 40, 1000, 800).bottom).toBe(136);
  });

  it('keeps a strip of map above a bottom sheet that covers most of it, so a place can be shown there', () => {
    // A phone: the map is 560 px tall, the sheet covers 480 of them.
    const padding = clearOf({ ...none, bottom: 480 }, 40, 390, 560);
    expect(padding.top).toBe(40);
    expect(padding.bottom).toBe(560 - 40 - 60);
    expect(560 - padding.top - padding.bottom).toBe(60);
  });

  it('never pads a side by a negative amount, and caps the top and left at 40% of the map', () => {
    expect(clearOf({ top: 900, right: -5, bottom: 900, left: 900 }, 10, 300, 300)).toEqual({ top: 120, right: 10, bottom: 120, left: 120 });
  });
});
