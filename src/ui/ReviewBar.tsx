import { Show } from 'solid-js';
import type { ReviewStore } from '../state/review-store.ts';

/**
 * The strip above the app in review mode: that edits go to the corpus, what the last one did (said aloud), Undo,
 * and when another tab changed the corpus, Reload.
 */
export function ReviewBar(props: { review: ReviewStore }) {
  const review = props.review;
  return (
    <section class="review-bar" aria-label="Review">
      <strong class="review-mode">Review mode</strong>
      <p class="review-message" role="status" aria-live="polite" classList={{ 'review-said': review.busy() || review.message() !== null, 'review-error': review.message()?.kind !== 'done' && review.message() !== null }}>
        {review.busy() ? 'Saving and ingesting again…' : (review.message()?.text ?? 'What you decide is saved to the corpus (corrections.json) and kept by every ingest.')}
      </p>
      <Show when={review.message()?.kind === 'reload'}>
        <button type="button" class="review-action" onClick={() => location.reload()}>Reload</button>
      </Show>
      <button type="button" class="review-action" disabled={review.busy()} onClick={() => void review.undo()}>Undo</button>
    </section>
  );
}
