import { Show, createEffect, on } from 'solid-js';
import { formatRange } from '../core/format.ts';
import type { Story } from '../core/story.ts';
import type { StoryReader } from './create-story-reader.ts';
import { createMapOverlay } from '../map/overlays.ts';

/**
 * The caption card of an open story: a region named after the story, its step's title and caption (announced as
 * they change), "Step k of n", Previous and Next. With the focus in the card, ←/→ and PageUp/PageDown step and
 * Escape closes. The card takes the focus when it opens and keeps it as the steps move the map.
 */
export function StoryCard(props: { story: Story; step: number; stepsTaken: number; onPrevious(): void; onNext(): void; onClose(): void }) {
  let card!: HTMLElement;
  const overlay = createMapOverlay('left');
  const step = () => props.story.steps[props.step - 1];
  const count = () => props.story.steps.length;
  // A step that opens a place gives the Sources panel the focus (once its sources show, in a microtask); the
  // reader steps on from the card, so the card takes it back once the step has been taken.
  createEffect(
    on(
      () => props.stepsTaken,
      () => requestAnimationFrame(() => card.isConnected && card.focus({ preventScroll: true })),
      { defer: true },
    ),
  );
  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const back = e.key === 'ArrowLeft' || e.key === 'PageUp';
    const forward = e.key === 'ArrowRight' || e.key === 'PageDown';
    if (e.key === 'Escape') props.onClose();
    else if (back && props.step > 1) props.onPrevious();
    else if (forward && props.step < count()) props.onNext();
    else if (!back && !forward) return;
    e.preventDefault();
    e.stopPropagation(); // the page's Escape closes a place; here it closes the story only
  };
  return (
    <section class="story-card" role="region" aria-label={`Story: ${props.story.title}`} tabindex="-1" ref={(el) => ((card = el), overlay(el), queueMicrotask(() => el.focus({ preventScroll: true })))} on:keydown={onKey}>
      <header class="story-head">
        <h2>{props.story.title}</h2>
        <button type="button" class="story-close" aria-label="Close story" onClick={() => props.onClose()}>
          ×
        </button>
      </header>
      <div class="story-step" aria-live="polite" aria-atomic="true">
        <p class="story-count">
          Step {props.step} of {count()} · {formatRange(step().from, step().to)}
        </p>
        <Show when={step().title}>{(title) => <h3>{title()}</h3>}</Show>
        <p class="story-caption">{step().caption}</p>
      </div>
      <nav class="story-nav" aria-label="Story steps">
        <button type="button" disabled={props.step <= 1} onClick={() => props.onPrevious()}>
          ← Previous
        </button>
        <button type="button" disabled={props.step >= count()} onClick={() => props.onNext()}>
          Next →
        </button>
      </nav>
    </section>
  );
}

/** The card of the story open, if one is. */
export function OpenStory(props: { reader: StoryReader }) {
  const r = props.reader;
  return <Show when={r.story()}>{(story) => <StoryCard story={story()} step={r.step()} stepsTaken={r.stepsTaken()} onPrevious={r.previous} onNext={r.next} onClose={r.close} />}</Show>;
}
