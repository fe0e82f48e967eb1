import { batch, createEffect, onCleanup } from 'solid-js';
import { parseHash, serializeHash, type UrlState } from '../core/url-state.ts';
import type { MapControls } from '../map/MapCanvas.tsx';
import type { AppState } from '../state/app-state.ts';
import type { StoryReader } from './create-story-reader.ts';

const REPLACE_AFTER_MS = 200; // how long the window rests before the address follows it

/**
 * Keeps the URL hash and the app's state in step. A new selected place adds a history entry (so Back returns to
 * the previous one); moving the window or the map replaces the current entry. Back and Forward apply the hash.
 */
export function createUrlSync(options: { state: () => UrlState; apply(state: UrlState): void }): void {
  let lastPlace = options.state().place;
  let pending: ReturnType<typeof setTimeout> | undefined;
  createEffect(() => {
    const state = options.state();
    const hash = serializeHash(state);
    clearTimeout(pending);
    if (hash === location.hash || (hash === '' && location.hash === '')) return;
    const url = `${location.pathname}${location.search}${hash}`;
    if (state.place !== lastPlace) {
      history.pushState(null, '', url);
      lastPlace = state.place;
    } else {
      // A window being scrubbed changes many times a second; the address follows once it rests (writing the
      // history costs more than the rest of a step).
      pending = setTimeout(() => history.replaceState(null, '', url), REPLACE_AFTER_MS);
    }
  });
  onCleanup(() => clearTimeout(pending));
  const onPop = () => {
    const state = parseHash(location.hash);
    lastPlace = state.place;
    batch(() => options.apply(state)); // one update, or the effect above would see a half-applied state and push it
  };
  window.addEventListener('popstate', onPop);
  onCleanup(() => window.removeEventListener('popstate', onPop));
}

/**
 * The page's hash: the app's state and the open story's step. A hash read from the address sets both, then moves
 * the map to its view, or reveals its place when it names no view.
 */
export function createPageUrlSync(state: AppState, stories: StoryReader, reveal: (id: string | null) => void, mapControls: () => MapControls | null): void {
  createUrlSync({
    state: () => ({ ...state.urlState(), ...stories.urlPart() }),
    apply(url) {
      stories.apply(url);
      state.apply(url);
      if (url.view) mapControls()?.jumpTo(url.view);
      else reveal(state.selected());
    },
  });
}
