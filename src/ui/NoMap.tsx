import type { JSX } from 'solid-js';

/** Shown instead of the map when it cannot be drawn: the reason, and (as children) the window's events as a list. */
export function NoMap(props: { reason: string; children: JSX.Element }) {
  return (
    <section class="no-map" aria-label="Events in the time window">
      <p class="notice" role="alert">
        <strong>The map cannot be shown.</strong> {props.reason} The events of the time window are listed here instead, by date; choose one to read its sources.
      </p>
      {props.children}
    </section>
  );
}
