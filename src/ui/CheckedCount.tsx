import { Show } from 'solid-js';
import { formatCount } from '../core/format.ts';
import { useReview } from '../state/review-store.ts';

/** "✓ Checked by a person": an event a person confirmed or corrected (corrections.json). */
export function CheckedTag() {
  return <span class="checked-tag">✓ Checked by a person</span>;
}

/**
 * "31 of 40 events checked", beside the count of events shown: of the events shown at the default minimum
 * confidence, those a person checked. Said when any is, and always in review mode.
 */
export function CheckedCount(props: { checked: { count: number; of: number } }) {
  const reviewing = useReview() !== null;
  return (
    <Show when={reviewing || props.checked.count > 0}>
      <p class="checked-count">
        {formatCount(props.checked.count)} of {formatCount(props.checked.of)} events checked
      </p>
    </Show>
  );
}
