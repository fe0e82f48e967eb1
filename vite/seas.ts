import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { formatProblem } from '../src/core/problem.ts';

/** A sea's label as `basemap-data/seas.json` gives it (see basemap-data/README.md). */
export interface Sea {
  name: string;
  lngLat: [number, number];
  minZoom: number; // map zoom from which the label shows
  maxZoom: number; // map zoom from which it no longer shows
}

export const SEAS_FILE = fileURLToPath(new URL('../basemap-data/seas.json', import.meta.url));

const ZOOM = v.pipe(v.number(), v.minValue(0), v.maxValue(24));
const SEA = v.pipe(
  v.strictObject({
    name: v.pipe(v.string(), v.nonEmpty()),
    lngLat: v.tuple([v.pipe(v.number(), v.minValue(-180), v.maxValue(180)), v.pipe(v.number(), v.minValue(-85), v.maxValue(85))]),
    minZoom: ZOOM,
    maxZoom: ZOOM,
  }),
  v.check((sea) => sea.minZoom < sea.maxZoom, 'minZoom must be below maxZoom'),
);

/** The seas of `file`, checked: an error names the file and the field of every problem, one a line. */
export function readSeas(file: string = SEAS_FILE): Sea[] {
  const result = v.safeParse(v.array(SEA), JSON.parse(readFileSync(file, 'utf8')));
  if (result.success) return result.output;
  throw new Error(result.issues.map((issue) => formatProblem({ file, field: v.getDotPath(issue) ?? '(top)', message: issue.message })).join('\n'));
}
