/**
 * The basemap's populated places (the embedded gazetteer's towns and cities) in tiers by size: a tier's labels
 * appear from its `minZoom` on, larger tiers larger and placed first. The build (`vite/populated-places.ts`) cuts
 * each set of tiers into vector tiles of one zoom, which MapLibre fetches only for the view, and only once the map
 * is zoomed in far enough to show a label of theirs: none of it loads with the first view of the world or a region.
 */
export interface PlaceTier {
  /** A place is in the first tier whose population or feature code it reaches. */
  minPopulation: number; // people
  codes: readonly string[]; // GeoNames feature codes that put a place in this tier whatever its population (0 is "unknown")
  minZoom: number; // map zoom from which its labels show
  textSize: number; // px
}

export const PLACE_TIERS: readonly PlaceTier[] = [
  { minPopulation: 1_000_000, codes: ['PPLC'], minZoom: 6, textSize: 13 }, // capitals and millionaire cities
  { minPopulation: 250_000, codes: ['PPLA'], minZoom: 7, textSize: 12.5 }, // seats of first-level regions, large cities
  { minPopulation: 50_000, codes: ['PPLA2'], minZoom: 8, textSize: 12 }, // seats of second-level regions, towns
  { minPopulation: 10_000, codes: [], minZoom: 9, textSize: 11.5 },
  { minPopulation: 0, codes: [], minZoom: 10, textSize: 11 }, // the gazetteer's smallest: 1,000 people, or a seat
];

/** The tier (an index of PLACE_TIERS) of a place with this GeoNames feature code and population. */
export function placeTier(featureCode: string, population: number): number {
  const tier = PLACE_TIERS.findIndex((t) => population >= t.minPopulation || t.codes.includes(featureCode));
  return tier === -1 ? PLACE_TIERS.length - 1 : tier;
}

/**
 * The tile sets the places are cut into: `tiers` are the tiers each holds, `zoom` the zoom of its tiles. Every tile
 * of that zoom is written, an empty one as an empty file, so that no request for a tile in view fails; MapLibre
 * draws the tiles of higher zooms from these (overzoom).
 */
export const PLACE_TILE_SETS = {
  cities: { tiers: [0, 1], zoom: 3 }, // 64 tiles, 33 not empty: 4,849 places, at most 907 in one (15 kB gzip)
  towns: { tiers: [2, 3, 4], zoom: 6 }, // 4,096 tiles, 815 not empty: 120,023 places, at most 5,206 in one (72 kB gzip)
} as const;

export type PlaceTileSet = keyof typeof PLACE_TILE_SETS;

/** The folder of a tile set's files, relative to the page; a tile is `<folder><z>/<x>/<y>.pbf`. */
export function placeTileFolder(set: PlaceTileSet): string {
  return `basemap/${set}/`;
}

export const PLACE_TILE_TEMPLATE = '{z}/{x}/{y}.pbf'; // a tile's file in its folder, as MapLibre's `tiles` template

/** One tile's file, relative to the page. */
export function placeTileFile(set: PlaceTileSet, z: number, x: number, y: number): string {
  return placeTileFolder(set) + PLACE_TILE_TEMPLATE.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}

/** What each place carries in its tile. */
export interface PlaceTileProperties {
  name: string;
  tier: number;
  /** People, to two significant figures (labels of larger places win a collision); 0 when unknown. */
  population: number;
}

export const PLACE_TILE_LAYER = 'places'; // the layer inside every tile
