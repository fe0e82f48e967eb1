import { For, Show, createSignal } from 'solid-js';
import { CATEGORIES, type Category } from '../core/model.ts';
import { CATEGORY_LABELS } from '../core/category-labels.ts';
import { discKeyText, type DrawnDisc } from '../core/legend-disc.ts';
import { categoryColor } from '../core/scales.ts';
import { createMapOverlay } from '../map/overlays.ts';

export interface LegendProps {
  /** The categories the filter shows; null: every one (no button pressed). */
  categories: readonly Category[] | null;
  /** A kind's button was pressed: add it to the filter, or take it away. */
  onToggle(category: Category): void;
  /** The data's default threshold (null or absent: its events carry no confidence, and no unsure mark is drawn). */
  threshold?: number | null;
  /** A disc the map draws now, the legend's worked example; null or absent: none is drawn, and no number is given. */
  disc?: DrawnDisc | null;
}

/**
 * What the colours, sizes and shapes on the map mean; each kind of event is also a toggle button of the category
 * filter (pressed: shown; none pressed: every kind shown). On a narrow screen it folds into its "Legend" button, so
 * that it covers no mark, and opens over the map's bottom when pressed; on a wide one the button is not shown and the
 * legend always open.
 */
export function Legend(props: LegendProps) {
  const [open, setOpen] = createSignal(false);
  const overlay = createMapOverlay('bottom');
  let toggle!: HTMLButtonElement;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open()) return;
    setOpen(false);
    toggle.focus();
  };
  return (
    <section ref={overlay} class="legend" classList={{ filtering: props.categories !== null, open: open() }} aria-label="Legend" onKeyDown={onKeyDown}>
      <button ref={toggle} type="button" class="legend-toggle" aria-expanded={open()} aria-controls="legend-body" onClick={() => setOpen(!open())}>
        Legend
        {props.categories ? <span class="muted"> · {props.categories.length} of {CATEGORIES.length} kinds shown</span> : null}
        <span class="legend-chevron" aria-hidden="true" />
      </button>
      <div class="legend-body" id="legend-body">
        <p class="legend-title" id="legend-kinds">Kinds of event <span class="muted">· click to show only some</span></p>
        <ul class="legend-kinds" aria-labelledby="legend-kinds">
          <For each={[...CATEGORIES]}>
            {(c) => (
              <li>
                <button type="button" aria-pressed={props.categories?.includes(c) ?? false} onClick={() => props.onToggle(c)}>
                  <span class="dot" style={{ background: categoryColor(c) }} aria-hidden="true" />
                  {CATEGORY_LABELS[c]}
                </button>
              </li>
            )}
          </For>
        </ul>
        <ul class="legend-keys">
          <li>
            <span class="key key-mark" aria-hidden="true" />
            <span>A place: colour, its commonest kind; area, how many events; pale, dates uncertain.</span>
          </li>
          <li>
            <span class="key key-cluster" classList={{ pale: props.disc?.events === 0 }} aria-hidden="true">
              {props.disc?.events ? String(props.disc.events) : '' /* as the map writes it on the disc */}
            </span>
            <span>{discKeyText(props.disc ?? null)}</span>
          </li>
          <li>
            <span class="key key-area" aria-hidden="true" />
            <span>An area (a province, or the country chosen): its events lie somewhere inside.</span>
          </li>
          <Show when={props.threshold != null}>
            <li>
              <span class="key key-unsure" aria-hidden="true" />
              <span>A ring, hollow: every event it shows is under the default confidence ({props.threshold!.toFixed(2)}).</span>
            </li>
          </Show>
          <li>
            <span class="key key-unreviewed" aria-hidden="true">?</span>
            <span>Placed by the gazetteer; no person has checked it yet.</span>
          </li>
        </ul>
      </div>
    </section>
  );
}
