import { Show, createEffect, on } from 'solid-js';
import type { ReviewStore } from '../state/review-store.ts';
import { PlaceHits } from './ReviewButtons.tsx';
import { ReviewDialog } from './ReviewDialog.tsx';

/**
 * The strip above the app in review mode: that edits go to the corpus, what the last one did (said aloud), Undo,
 * when another tab changed the corpus, Reload; and a Move by a click on the map (it outlives the panel the Move
 * began in): what to do, then the places near the point clicked.
 */
export function ReviewBar(props: { review: ReviewStore }) {
  const review = props.review;
  let said!: HTMLParagraphElement;
  // After an answer the data under the page changes: where the focus was lost with what held it (a row of the list of
  // events drawn again, a panel closed) and nothing took it back, the answer takes it.
  createEffect(
    on(review.message, (message) => {
      if (message) requestAnimationFrame(() => (document.activeElement === null || document.activeElement === document.body) && said.focus());
    }),
  );
  /** Moves the event picked for to the place chosen, the picking over (read before it ends: its view goes with it). */
  const choose = (event: string, to: string) => {
    review.stopPicking();
    void review.correct(event, { action: 'move', to });
  };
  return (
    <section class="review-bar" aria-label="Review">
      <strong class="review-mode">Review mode</strong>
      <p ref={said} tabIndex={-1} class="review-message" role="status" aria-live="polite" classList={{ 'review-said': review.busy() || review.message() !== null, 'review-error': review.message()?.kind !== 'done' && review.message() !== null }}>
        {review.busy() ? 'Saving and ingesting again…' : (review.message()?.text ?? (review.picking() ? '' : 'What you decide is saved to the corpus (corrections.json) and kept by every ingest.'))}
      </p>
      <Show when={review.message()?.kind === 'reload'}>
        <button type="button" class="review-action" onClick={() => location.reload()}>Reload</button>
      </Show>
      <Show when={review.picking()}>
        {(pick) => (
          <>
            <p class="review-picking" role="alert">Click the map where it happened: {pick().about}</p>
            <button type="button" class="review-action" onClick={() => review.stopPicking()}>Stop picking</button>
            <Show when={pick().at}>
              <ReviewDialog title={`Move to a place near the point clicked: ${pick().about}`} onClose={() => review.stopPicking()}>
                <Show when={pick().results} fallback={<p class="muted small">Looking for places near it…</p>}>
                  {(hits) => (
                    <Show when={hits().length > 0} fallback={<p>No place within 60 km of that point: click nearer one, or search by name.</p>}>
                      <PlaceHits hits={hits()} onChoose={(hit) => choose(pick().event, hit.to)} />
                    </Show>
                  )}
                </Show>
              </ReviewDialog>
            </Show>
          </>
        )}
      </Show>
      <button type="button" class="review-action" disabled={review.busy() || !review.undoable()} title={review.undoable() ? 'Take back the last change' : 'Nothing to take back yet: no change has been made'} onClick={() => void review.undo()}>Undo</button>
    </section>
  );
}
