import { createUniqueId, onMount, type JSX } from 'solid-js';

/**
 * A modal dialog of the review (a reason, a place, a date, a runner-up): shown at once, its title its name; Escape
 * or Cancel closes it and the focus returns to the button that opened it.
 */
export function ReviewDialog(props: { title: string; children: JSX.Element; onClose(): void; ref?: (dialog: HTMLDialogElement) => void }) {
  let dialog!: HTMLDialogElement;
  const id = createUniqueId();
  onMount(() => dialog.showModal());
  return (
    <dialog
      ref={(el) => {
        dialog = el;
        props.ref?.(el);
      }}
      class="review-dialog"
      aria-labelledby={`review-dialog-${id}`}
      onClose={() => props.onClose()}
    >
      <h2 id={`review-dialog-${id}`}>{props.title}</h2>
      {props.children}
      <div class="review-dialog-actions">
        <button type="button" class="review-action" onClick={() => dialog.close()}>Cancel</button>
      </div>
    </dialog>
  );
}
