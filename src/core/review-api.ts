/**
 * What the review server (src/review/) and the page's review store (src/state/review-store.ts) both speak of: the
 * shapes of its answers, defined once (docs/review.md describes the requests).
 */

/** One result of the place search for Move. */
export interface PlaceHit {
  /** What to send as `to`: a place id of the corpus, or a gazetteer ref (the place is then added to the curated file). */
  to: string;
  name: string;
  kind: string;
  country: string;
  population: number | null;
  /** Where it comes from: the curated file, the gazetteer by way of the last ingest, or the gazetteer itself. */
  from: 'curated' | 'found' | 'gazetteer';
  /** The nearest of the other places of the event's article (not this one), and how far (km, rounded); null when it has none. */
  nearest: { name: string; km: number } | null;
  /** Whether the article names this place for another of its events. */
  inArticle: boolean;
  /** How far it lies from the point clicked on the map (km, rounded); null for a search by name. */
  fromPoint: number | null;
}
