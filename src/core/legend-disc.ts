import { formatCount } from './format.ts';

/** A disc of nearby places as the map draws it: its events in the window and how many places it holds. */
export interface DrawnDisc {
  events: number;
  places: number;
}

/**
 * The disc the legend takes as its example among those drawn: the one with most events in the window (then most
 * places), so that its number is one a reader can find on the map; null when none is drawn.
 */
export function exampleDisc(discs: readonly DrawnDisc[]): DrawnDisc | null {
  let best: DrawnDisc | null = null;
  for (const d of discs) if (!best || d.events > best.events || (d.events === best.events && d.places > best.places)) best = d;
  return best && { events: best.events, places: best.places };
}

/** The legend's line on discs, with the numbers of `disc` when there is one (see exampleDisc). */
export function discKeyText(disc: DrawnDisc | null): string {
  if (!disc) return 'Nearby places: a disc numbered with their events in the window, how many places it holds beside it; pale, none. Click to open.';
  if (disc.events === 0) return `Nearby places: a disc with how many places it holds beside it (“${disc.places} places”), pale: none has an event in the window. Click to open.`;
  return `Nearby places: ${formatCount(disc.events)} ${disc.events === 1 ? 'event' : 'events'} in the window, at the “${disc.places} places” beside it; pale, none. Click to open.`;
}
