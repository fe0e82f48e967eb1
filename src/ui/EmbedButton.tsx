import { Show, createSignal } from 'solid-js';
import { embedSnippet } from '../core/embed.ts';

/**
 * "Embed": the `<iframe>` snippet of the view as it is now (window, place, view, filters), shown to select and
 * copied to the clipboard where the page may write it.
 */
export function EmbedButton() {
  const [snippet, setSnippet] = createSignal<string | null>(null);
  const [copied, setCopied] = createSignal(false);
  let dialog!: HTMLDialogElement;
  const open = () => {
    setSnippet(embedSnippet(location.href, `Datelines: ${document.title}`));
    setCopied(false);
    dialog.showModal();
    navigator.clipboard?.writeText(snippet()!).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <>
      <button type="button" class="embed-button" onClick={open}>
        Embed
      </button>
      <dialog class="review-dialog embed-dialog" ref={dialog} aria-labelledby="embed-title">
        <h2 id="embed-title">Embed this view</h2>
        <p>Paste this into a page to show the map as it is now: the same dates, place, view and filters.</p>
        <textarea readonly rows={4} aria-label="Embed code" value={snippet() ?? ''} onFocus={(e) => e.currentTarget.select()} />
        <p role="status">
          <Show when={copied()} fallback="Select the code and copy it.">
            Copied to the clipboard.
          </Show>
        </p>
        <div class="review-dialog-actions">
          <button type="button" class="review-action" onClick={() => dialog.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
