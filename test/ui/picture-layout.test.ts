import { describe, expect, it } from 'vitest';
import { PICTURE_METRICS, layoutBand } from '../../src/ui/picture/layout.ts';

/** Every character 7 px wide (6 when small): widths a test can reason about. */
const measure = (text: string, small: boolean) => text.length * (small ? 6 : 7);

describe("the picture's band", () => {
  const text = {
    heading: 'Datelines · 20–26 Jun 2014 · 20 of 48 events',
    keys: ['Meeting', 'Statement', 'Captured', 'Recaptured', 'Attack', 'Airstrike'].map((label, i) => ({ label, color: `#00000${i}` })),
    attribution: 'Basemap: Natural Earth. Places: GeoNames and curated places. Sources: AFP, Reuters, TODAY, FRANCE 24.',
  };

  it('puts the heading first, then the kinds in their colours, wrapping where the next would pass the edge', () => {
    const { pieces } = layoutBand(text, 300, measure);
    expect(pieces[0]).toMatchObject({ text: text.heading, x: PICTURE_METRICS.pad });
    const keys = pieces.filter((p) => p.color);
    expect(keys.map((k) => k.text)).toEqual(text.keys.map((k) => k.label));
    for (const k of keys) expect(k.x + PICTURE_METRICS.swatch + 4 + measure(k.text, false)).toBeLessThanOrEqual(300 - PICTURE_METRICS.pad);
    expect(new Set(keys.map((k) => k.y)).size).toBeGreaterThan(1);
    expect(layoutBand(text, 2000, measure).pieces.filter((p) => p.color).every((k, _, all) => k.y === all[0].y)).toBe(true);
  });

  it('wraps the attribution by words within the width, and grows the band to hold it all', () => {
    const narrow = layoutBand(text, 300, measure);
    const wide = layoutBand(text, 2000, measure);
    const lines = narrow.pieces.filter((p) => p.small);
    expect(lines.map((l) => l.text).join(' ')).toBe(text.attribution);
    for (const l of lines) expect(measure(l.text, true)).toBeLessThanOrEqual(300 - 2 * PICTURE_METRICS.pad);
    expect(lines.length).toBeGreaterThan(1);
    expect(narrow.height).toBeGreaterThan(wide.height);
    expect(Math.max(...narrow.pieces.map((p) => p.y))).toBeLessThan(narrow.height);
  });
});
