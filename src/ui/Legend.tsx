import { For } from 'solid-js';
import { CATEGORIES } from '../core/model.ts';
import { CATEGORY_LABELS } from '../core/category-labels.ts';
import { categoryColor } from '../core/scales.ts';

/** What the colours and sizes of the marks mean. */
export function Legend() {
  return (
    <section class="legend" aria-label="Legend">
      <ul>
        <For each={[...CATEGORIES]}>
          {(c) => (
            <li>
              <span class="dot" style={{ background: categoryColor(c) }} aria-hidden="true" />
              {CATEGORY_LABELS[c]}
            </li>
          )}
        </For>
      </ul>
      <p class="muted">Colour: the commonest kind of event at the place. Area: number of events. Pale: dates uncertain. Dark disc: several places — click to open. “?”: placed by the gazetteer, not yet checked by a person.</p>
    </section>
  );
}
