import { createSignal } from 'solid-js';
import { embedSnippet } from '../core/embed.ts';
import { SELECTED_TO_COPY, copyText } from './copy-text.ts';

/**
 * "Embed": the `<iframe>` snippet of the view as it is now (window, place, view, filters), shown to select and
 * copied to the clipboard where the page may write it.
 */
export function EmbedButton() {
  const [snippet, setSnippet] = createSignal<string | null>(null);
  const [said, setSaid] = createSignal('');
  let dialog!: HTMLDialogElement;
  let field!: HTMLTextAreaElement;
  const open = () => {
    const code = embedSnippet(location.href, `Map of events: ${document.title}`);
    setSnippet(code);
    setSaid('');
    dialog.showModal();
    void copyText(code, field).then((how) => setSaid(how === 'copied' ? 'Copied to the clipboard.' : `The code ${SELECTED_TO_COPY}`));
  };
  return (
    <>
      <button type="button" class="embed-button" onClick={open}>
        Embed
      </button>
      <dialog class="review-dialog embed-dialog" ref={dialog} aria-labelledby="embed-title">
        <h2 id="embed-title">Embed this view</h2>
        <p>Paste this into a page to show the map as it is now: the same dates, place, view and filters.</p>
        <textarea ref={field} readonly rows={4} aria-label="Embed code" value={snippet() ?? ''} onFocus={(e) => e.currentTarget.select()} />
        <p role="status">{said()}</p>
        <div class="review-dialog-actions">
          <button type="button" class="review-action" onClick={() => dialog.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
