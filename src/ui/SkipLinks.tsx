/** Where each skip link goes: the first of its selectors that finds a shown element. */
const TARGETS: { label: string; selectors: string[] }[] = [
  { label: 'Skip to the map', selectors: ['.maplibregl-canvas', '.no-map .event-row button[tabindex="0"]', '.no-map'] },
  { label: 'Skip to the list', selectors: ['.sources h2', '.list-tabs [aria-selected="true"]', '.place-list button'] },
  { label: 'Skip to the time window', selectors: ['[role="slider"]', '.sources h2'] },
];

/**
 * The first stops of the Tab key, shown when focused: straight to the map, the list beside it (or the open place)
 * and the time window (or, on a phone where an open place hides it, the place). Buttons that move the focus, not
 * links: the URL hash holds the app's state.
 */
export function SkipLinks() {
  const go = (selectors: string[]) => () => {
    for (const selector of selectors) {
      const target = [...document.querySelectorAll<HTMLElement>(selector)].find((e) => e.getClientRects().length > 0);
      if (target) return target.focus();
    }
  };
  return (
    <div class="skip-links">
      {TARGETS.map((t) => (
        <button type="button" class="skip-link" onClick={go(t.selectors)}>
          {t.label}
        </button>
      ))}
    </div>
  );
}
