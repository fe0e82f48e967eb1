import { For, Show, createSignal, onCleanup, onMount } from 'solid-js';
import type { Story } from '../core/story.ts';

/** The "Stories" button in the top bar and the list of stories it opens; none shows when the corpus has none. */
export function StoriesMenu(props: { stories: readonly Story[]; onOpen(id: string): void }) {
  const [expanded, setExpanded] = createSignal(false);
  let box!: HTMLDivElement;
  const onOutside = (e: PointerEvent) => expanded() && !box.contains(e.target as Node) && setExpanded(false);
  onMount(() => document.addEventListener('pointerdown', onOutside));
  onCleanup(() => document.removeEventListener('pointerdown', onOutside));
  return (
    <Show when={props.stories.length > 0}>
      <div
        class="stories-menu"
        ref={box}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && expanded()) {
            e.stopPropagation();
            setExpanded(false);
            box.querySelector('button')?.focus();
          }
        }}
      >
        <button type="button" aria-expanded={expanded()} aria-controls="stories-list" onClick={() => setExpanded(!expanded())}>
          Stories
        </button>
        <Show when={expanded()}>
          <ul id="stories-list" class="stories-list" aria-label="Stories">
            <For each={props.stories}>
              {(story) => (
                <li>
                  <button
                    type="button"
                    ref={(el) => story === props.stories[0] && queueMicrotask(() => el.focus())}
                    onClick={() => {
                      setExpanded(false);
                      props.onOpen(story.id);
                    }}
                  >
                    {story.title} <span class="muted">({story.steps.length} steps)</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </Show>
  );
}
