import { formatDay, parseDay, type Day } from './day.ts';
import { FILTERS, filterOfUrlKey, forEachFilter, type EventFilters, type FilterKey } from './event-filters.ts';
import { ID_PATTERN } from './model.ts';

/**
 * What the URL hash holds: `#from=2014-06-20&to=2014-06-30&place=tal-afar&map=6/35.1/41.2`, and the filters:
 * `cat=attack,capture` (categories), `outlet=…` (an outlet's name), `article=…` (an article's id), `q=…` (the
 * text search), the names and the query percent-encoded; `sure=0.3` (the minimum confidence, when not the data's
 * default); `list=events` (the chronological list is shown); `embed=1` (embed mode: the map alone);
 * `story=<id>&step=<n>` (a story open at step n, from 1). Every part is optional; parsing never throws and drops
 * whatever it cannot read (an unknown category among known ones, too), so a mangled link still opens the app.
 */
export interface UrlState extends UrlFilters {
  from?: Day;
  to?: Day;
  place?: string;
  /** The minimum confidence, 0–1 in hundredths (`sure=0.3`, `sure=0.05`, `sure=1`): events under it are hidden. */
  sure?: number;
  /** The chronological list shows beside the map instead of the list of places (`list=events`). */
  list?: ListView;
  view?: MapView;
  /** Embed mode (`embed=1`): the map alone, for an `<iframe>` on another page (see src/core/embed.ts). */
  embed?: true;
  /** The story open (its id) and its step, 1-based (see src/core/story.ts). */
  story?: string;
  step?: number;
  /** The `from` and `to` values that are no day (`from=2014-13-45`), as the link wrote them: said, then ignored. */
  unreadDays?: { key: 'from' | 'to'; text: string }[];
}

/**
 * The filters a link names (see FILTERS, which reads and writes them), each only when on: the categories in
 * CATEGORIES order, each once, never empty; the query trimmed, never empty, at most MAX_QUERY characters.
 */
export type UrlFilters = { [K in FilterKey]?: NonNullable<EventFilters[K]> };

/** The lists beside the map: the places, or the window's events by date. */
export type ListView = 'places' | 'events';

const MAX_SAID = 40; // characters of an unreadable value repeated to the reader

export interface MapView {
  zoom: number; // 0–24
  lat: number; // −85.06–85.06 (Web Mercator's limit)
  lng: number; // −180–180
}

const MAX_LAT = 85.051129;

export function parseHash(hash: string): UrlState {
  const state: UrlState = {};
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq);
    const value = safeDecode(part.slice(eq + 1));
    if (value === null) continue;
    if (key === 'from' || key === 'to') {
      const day = parseDay(value);
      if (day !== null) state[key] = day;
      else if (value !== '') (state.unreadDays ??= []).push({ key, text: value.length > MAX_SAID ? `${value.slice(0, MAX_SAID)}…` : value });
    } else if (key === 'place') {
      if (ID_PATTERN.test(value) && value.length <= 100) state.place = value;
    } else if (filterOfUrlKey(key)) {
      readFilter(state, filterOfUrlKey(key)!.key, value);
    } else if (key === 'sure') {
      if (/^(0(\.\d{1,2})?|1(\.0{1,2})?|\.\d{1,2})$/.test(value)) state.sure = Number(value);
    } else if (key === 'list') {
      if (value === 'events' || value === 'places') state.list = value;
    } else if (key === 'embed') {
      if (value === '1') state.embed = true;
    } else if (key === 'story') {
      if (ID_PATTERN.test(value) && value.length <= 100) state.story = value;
    } else if (key === 'step') {
      if (/^\d{1,4}$/.test(value) && Number(value) >= 1) state.step = Number(value);
    } else if (key === 'map') {
      const view = parseView(value);
      if (view) state.view = view;
    }
  }
  if (state.from !== undefined && state.to !== undefined && state.from > state.to) [state.from, state.to] = [state.to, state.from];
  return state;
}

/** The hash for a state, parts in a fixed order; the map view is written with MapLibre's own precision. */
export function serializeHash(state: UrlState): string {
  const parts: string[] = [];
  if (state.from !== undefined) parts.push(`from=${formatDay(state.from)}`);
  if (state.to !== undefined) parts.push(`to=${formatDay(state.to)}`);
  if (state.place) parts.push(`place=${state.place}`);
  forEachFilter((f) => {
    const value = urlFilterValue(state, f.key);
    if (f.isOn(value)) parts.push(`${f.urlKey}=${f.serialize(value)}`);
  });
  if (state.sure !== undefined) parts.push(`sure=${formatSure(state.sure)}`);
  if (state.list === 'events') parts.push('list=events');
  if (state.view) parts.push(`map=${formatView(state.view)}`);
  if (state.embed) parts.push('embed=1');
  if (state.story) parts.push(`story=${state.story}`, `step=${state.step ?? 1}`);
  return parts.length ? `#${parts.join('&')}` : '';
}

/** A minimum confidence as the hash writes it: at most two decimals, no trailing zeros (0.3, 0.47, 1). */
export function formatSure(sure: number): string {
  return String(Math.round(Math.min(1, Math.max(0, sure)) * 100) / 100);
}

/** `zoom/lat/lng` as MapLibre's hash writes it: zoom to 2 decimals, coordinates to a precision that grows with zoom. */
export function formatView({ zoom, lat, lng }: MapView): string {
  const precision = Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
  const m = 10 ** precision;
  const round = (x: number) => Math.round(x * m) / m;
  return `${Math.round(zoom * 100) / 100}/${round(lat)}/${round(lng)}`;
}

function parseView(value: string): MapView | null {
  const parts = value.split('/');
  if (parts.length < 3) return null;
  const [zoom, lat, lng] = parts.slice(0, 3).map((p) => (/^-?\d+(\.\d+)?$/.test(p) ? Number(p) : NaN));
  if (![zoom, lat, lng].every(Number.isFinite)) return null;
  if (zoom < 0 || zoom > 24 || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { zoom, lat: Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)), lng };
}

/** A filter's value as a link gives it: `off` where the link names none. */
export function urlFilterValue<K extends FilterKey>(state: UrlFilters, key: K): EventFilters[K] {
  return (state[key] ?? FILTERS.find((f) => f.key === key)!.off) as EventFilters[K];
}

/** The filters of a state in the form a link writes them: each key there, undefined where it is off. */
export function urlFilters(filters: EventFilters): UrlFilters {
  const url: UrlFilters = {};
  forEachFilter((f) => {
    const value = filters[f.key];
    (url as Record<FilterKey, unknown>)[f.key] = !f.isOn(value) ? undefined : f.key === 'query' ? String(value).trim() : value;
  });
  return url;
}

function readFilter<K extends FilterKey>(state: UrlState, key: K, text: string): void {
  const filter = FILTERS.find((f) => f.key === key) as unknown as { parse(text: string): EventFilters[K]; isOn(value: EventFilters[K]): boolean };
  const value = filter.parse(text);
  if (filter.isOn(value)) (state as Record<FilterKey, unknown>)[key] = value;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
