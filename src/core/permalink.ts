import { MS_PER_DAY, type Day } from './day.ts';
import { serializeHash, type UrlState } from './url-state.ts';

/**
 * The address that opens an event's place in a view: the page's address (`base`, without a hash) and the view's hash
 * with that place selected; the map's own view left out, so the link shows the place wherever it lies.
 */
export function placePermalink(base: string, state: UrlState, place: string): string {
  return `${base}${serializeHash({ ...state, place, view: undefined })}`;
}

/** Today as a calendar day (UTC), for "accessed". */
export function today(now: number = Date.now()): Day {
  return Math.floor(now / MS_PER_DAY);
}
