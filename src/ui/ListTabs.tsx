import type { JSX } from 'solid-js';
import type { ListView } from '../core/url-state.ts';

const TABS: { view: ListView; label: string }[] = [
  { view: 'places', label: 'Places' },
  { view: 'events', label: 'Events by date' },
];

const tabId = (view: ListView) => `list-tab-${view}`;

/** Gives the focus to a list's tab (when the list has nothing of its own to take it). */
export function focusListTab(view: ListView): void {
  document.getElementById(tabId(view))?.focus();
}

/**
 * The two lists beside the map, as tabs: the places, busiest first, and the window's events by date. Arrow keys move
 * between the tabs (and choose), as in any tab list; the chosen list is the tab panel below.
 */
export function ListTabs(props: { view: ListView; onView(view: ListView): void; children: JSX.Element }) {
  const onKeyDown = (e: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.view === props.view);
    const next = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const view = TABS[(next + TABS.length) % TABS.length].view;
    props.onView(view);
    queueMicrotask(() => focusListTab(view));
  };
  return (
    <div class="list-tabs-box">
      <div class="list-tabs" role="tablist" aria-label="Lists" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            type="button"
            role="tab"
            id={tabId(t.view)}
            aria-selected={props.view === t.view}
            aria-controls="list-panel"
            tabIndex={props.view === t.view ? 0 : -1}
            onClick={() => props.onView(t.view)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div class="list-panel" id="list-panel" role="tabpanel" aria-labelledby={tabId(props.view)}>
        {props.children}
      </div>
    </div>
  );
}
