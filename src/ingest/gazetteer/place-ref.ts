/**
 * What a mention, a candidate and an event point at until the ingest's output is assembled: a curated place's id
 * ("mosul", the contract's id pattern, which has no colon) or a gazetteer entry's ref ("geonames:99072",
 * "admin1:UA.08", "admin2:US.37077", "country:UA"). Both stay strings, so that they key maps and cross threads and
 * queues as they are; the types tell a gazetteer ref apart, and `isGazetteerRef` is the one test of which is which.
 */
export const GAZETTEER_SCHEMES = ['geonames', 'admin1', 'admin2', 'country'] as const;
export type GazetteerScheme = (typeof GAZETTEER_SCHEMES)[number];
export type GazetteerRef = `${GazetteerScheme}:${string}`;
/** A curated place's id or a gazetteer entry's ref. */
export type PlaceRef = string;

/** Whether `ref` names a gazetteer entry (else it is a curated place's id). */
export function isGazetteerRef(ref: PlaceRef): ref is GazetteerRef {
  const colon = ref.indexOf(':');
  return colon > 0 && colon < ref.length - 1 && (GAZETTEER_SCHEMES as readonly string[]).includes(ref.slice(0, colon));
}

/** A gazetteer ref's scheme and code: "geonames:99072" → geonames, "99072". */
export function refParts(ref: GazetteerRef): { scheme: GazetteerScheme; code: string } {
  const colon = ref.indexOf(':');
  return { scheme: ref.slice(0, colon) as GazetteerScheme, code: ref.slice(colon + 1) };
}
