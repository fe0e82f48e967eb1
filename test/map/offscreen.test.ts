import { describe, expect, it } from 'vitest';
import { offscreenByEdge } from '../../src/map/offscreen.ts';

const box = { left: 0, top: 0, right: 400, bottom: 300 };

describe('events off the map, by the edge they lie beyond', () => {
  it('counts nothing for places inside the box, on its edge included', () => {
    const none = offscreenByEdge([{ x: 10, y: 10, events: 3 }, { x: 400, y: 300, events: 2 }], box);
    expect(Object.values(none).every((e) => e.events === 0 && e.places === 0)).toBe(true);
  });

  it('puts each place beyond the edge the line from the centre crosses, events and places apart', () => {
    const off = offscreenByEdge([
      { x: 900, y: 150, events: 4 }, // far right
      { x: 450, y: 160, events: 1 }, // just right
      { x: 200, y: -50, events: 2 }, // above
      { x: -10, y: 600, events: 5 }, // below and a little left: the bottom edge is crossed first
      { x: -300, y: 140, events: 1 }, // left
    ], box);
    expect(off).toEqual({ right: { events: 5, places: 2 }, top: { events: 2, places: 1 }, bottom: { events: 5, places: 1 }, left: { events: 1, places: 1 } });
  });

  it('ignores places with no event in the window, and points that could not be projected', () => {
    const off = offscreenByEdge([{ x: 900, y: 150, events: 0 }, { x: Number.NaN, y: 10, events: 3 }], box);
    expect(off.right).toEqual({ events: 0, places: 0 });
  });
});
