/**
 * The picture of the map (Save picture): the map as drawn, and under it a band that says what it shows — the name,
 * the window's dates and the count, the kinds of event in their colours, and the attribution. The layout is worked
 * out here from text widths, so that the same state gives the same pixels; compose.ts draws it.
 */
export interface PictureText {
  /** "Datelines · 20–26 Jun 2014 · 20 of 48 events" */
  heading: string;
  /** The kinds of event shown, each with its colour. */
  keys: readonly { label: string; color: string }[];
  /** "Basemap: Natural Earth · Places: GeoNames · Sources: AFP, Reuters …" */
  attribution: string;
}

export interface PlacedText {
  text: string;
  x: number;
  y: number;
  /** A swatch of this colour before the text (a kind of event). */
  color?: string;
  /** Smaller, muted: the attribution. */
  small?: boolean;
}

/** CSS px at scale 1: the band's padding, line heights and the swatch. */
export const PICTURE_METRICS = { pad: 12, line: 20, smallLine: 16, swatch: 10, gap: 14 } as const;

/**
 * Where each piece of text goes in a band `width` px wide, lines wrapped where the next key or word would not fit;
 * `measure` gives a text's width (the canvas's, in the bundled font). Returns the pieces and the band's height.
 */
export function layoutBand(text: PictureText, width: number, measure: (text: string, small: boolean) => number): { pieces: PlacedText[]; height: number } {
  const { pad, line, smallLine, swatch, gap } = PICTURE_METRICS;
  const pieces: PlacedText[] = [{ text: text.heading, x: pad, y: pad + line * 0.75 }];
  let y = pad + line;
  let x = pad;
  y += line * 0.75;
  for (const key of text.keys) {
    const w = swatch + 4 + measure(key.label, false);
    if (x > pad && x + w > width - pad) {
      x = pad;
      y += line;
    }
    pieces.push({ text: key.label, x, y, color: key.color });
    x += w + gap;
  }
  y += line * 0.25;
  // The attribution, wrapped by words.
  let current = '';
  const lines: string[] = [];
  for (const word of text.attribution.split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (current && measure(next, true) > width - 2 * pad) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  for (const l of lines) {
    y += smallLine;
    pieces.push({ text: l, x: pad, y, small: true });
  }
  return { pieces, height: Math.ceil(y + pad) };
}
