import { For, Show, createSignal } from 'solid-js';
import type { PlaceCandidate } from '../core/model.ts';
import { useReview } from '../state/review-store.ts';
import { ReviewDialog } from './ReviewDialog.tsx';

/**
 * Accept, Choose another and Reject for a place the gazetteer found, in review mode only: keep it (it joins the
 * curated places), keep one of its runners-up instead, or record that its name is no place in this corpus (its
 * events leave the map). The terminal's `npm run places` decisions, made beside the sentences that named it.
 */
export function PlaceReview(props: { place: string; name: string; candidates: readonly PlaceCandidate[]; describe(c: PlaceCandidate): string }) {
  const review = useReview();
  if (!review) return null;
  const [choosing, setChoosing] = createSignal(false);
  return (
    <div class="review-buttons" role="group" aria-label={`Review the place ${props.name}`}>
      <button type="button" class="review-action right" disabled={review.busy()} onClick={() => void review.settle(props.place, 'accept')}>Accept</button>
      <button type="button" class="review-action" disabled={review.busy() || props.candidates.length === 0} aria-haspopup="dialog" onClick={() => setChoosing(true)} title={props.candidates.length ? undefined : 'The gazetteer has no other place of this name'}>
        Choose another
      </button>
      <button type="button" class="review-action" disabled={review.busy()} onClick={() => void review.settle(props.place, 'reject')}>Reject</button>
      <Show when={choosing()}>
        <ReviewDialog title={`Which ${props.name} do the articles mean?`} onClose={() => setChoosing(false)}>
          <ul class="review-results" aria-label="Other places of this name">
            <For each={props.candidates}>
              {(c) => (
                <li>
                  <button type="button" class="review-result" onClick={() => (setChoosing(false), void review.settle(props.place, 'choose', c.ref))}>
                    {props.describe(c)}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </ReviewDialog>
      </Show>
    </div>
  );
}
