import { describe, expect, it } from 'vitest';
import { discKeyText, exampleDisc } from '../../src/core/legend-disc.ts';

describe('exampleDisc', () => {
  it('is null when the map draws no disc', () => {
    expect(exampleDisc([])).toBeNull();
  });

  it('takes the disc with most events, then the one with most places', () => {
    expect(exampleDisc([{ events: 3, places: 2 }, { events: 9, places: 2 }, { events: 9, places: 4 }, { events: 1, places: 7 }])).toEqual({ events: 9, places: 4 });
  });

  it('takes a pale disc (no event in the window) when every disc is pale', () => {
    expect(exampleDisc([{ events: 0, places: 2 }, { events: 0, places: 3 }])).toEqual({ events: 0, places: 3 });
  });
});

describe('discKeyText', () => {
  it('gives the numbers of the disc it is given', () => {
    expect(discKeyText({ events: 12, places: 3 })).toBe('Nearby places: 12 events in the window, at the “3 places” beside it; pale, none. Click to open.');
    expect(discKeyText({ events: 1, places: 2 })).toMatch(/^Nearby places: 1 event in the window, at the “2 places”/);
    expect(discKeyText({ events: 1500, places: 40 })).toMatch(/^Nearby places: 1,500 events/);
  });

  it('says a pale disc has no event, without inventing one', () => {
    expect(discKeyText({ events: 0, places: 5 })).toBe('Nearby places: a disc with how many places it holds beside it (“5 places”), pale: none has an event in the window. Click to open.');
  });

  it('writes no number at all when no disc is drawn', () => {
    expect(discKeyText(null)).not.toMatch(/\d/);
  });
});
