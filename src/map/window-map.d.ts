import type { Map } from 'maplibre-gl';

declare global {
  interface Window {
    /** The app's MapLibre map (CONTRACT.md): for tests and for people in the devtools console. */
    map?: Map;
  }
}
