import type { Position } from 'geojson';

/**
 * Makes a ring (or a line) continuous in longitude: where consecutive points jump by more than 180°, it crossed the
 * antimeridian, and the rest of it is shifted by ±360° so that no edge spans the whole world. MapLibre draws
 * longitudes beyond ±180 on the neighbouring world copy, so the shape stays where it belongs.
 */
export function unwrapRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  let offset = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lng, lat] = ring[i];
    if (i > 0) {
      const previous = ring[i - 1][0];
      if (lng - previous > 180) offset -= 360;
      else if (previous - lng > 180) offset += 360;
    }
    out.push([lng + offset, lat]);
  }
  return out;
}
