import { For, Show, createSignal, createUniqueId, onMount } from 'solid-js';
import { buildCitation, type CitedPlace } from '../core/citation.ts';
import type { FormattedCitation } from '../core/citation-format.ts';
import type { Article, MapEvent } from '../core/model.ts';
import { today } from '../core/permalink.ts';
import { SELECTED_TO_COPY, copyText } from './copy-text.ts';

const FORMS = [
  { key: 'text', label: 'Plain text' },
  { key: 'csl', label: 'CSL-JSON' },
  { key: 'bibtex', label: 'BibTeX' },
] as const;

/**
 * "Cite" beside a quote: a dialog with the citation of the sentence as plain text, CSL-JSON and BibTeX, each with a
 * Copy button. The citation names this exact view (the address as it is when the dialog opens) and today.
 * Citation.js is loaded when a citation is first asked for.
 */
export function CiteButton(props: { event: MapEvent; article: Article; place: CitedPlace; about: string }) {
  const [open, setOpen] = createSignal(false);
  return (
    <>
      <button type="button" class="link-button cite" aria-haspopup="dialog" aria-label={`Cite: ${props.about}`} onClick={() => setOpen(true)}>
        Cite
      </button>
      <Show when={open()}>
        <CiteDialog {...props} onClose={() => setOpen(false)} />
      </Show>
    </>
  );
}

function CiteDialog(props: { event: MapEvent; article: Article; place: CitedPlace; onClose(): void }) {
  let dialog!: HTMLDialogElement;
  const id = createUniqueId();
  const [formatted, setFormatted] = createSignal<FormattedCitation | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [said, setSaid] = createSignal('');
  const citation = buildCitation({ event: props.event, article: props.article, place: props.place, permalink: location.href, accessed: today() });
  onMount(() => {
    dialog.showModal();
    import('../core/citation-format.ts').then(
      (m) => setFormatted(m.formatCitation(citation)),
      (error: unknown) => setProblem(`The citation could not be prepared: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  const copy = (label: string, text: string, field: HTMLTextAreaElement) =>
    void copyText(text, field).then((how) => setSaid(how === 'copied' ? `${label} copied.` : `${label} ${SELECTED_TO_COPY}`));
  return (
    <dialog ref={dialog} class="review-dialog cite-dialog" aria-labelledby={`cite-${id}`} onClose={() => props.onClose()}>
      <h2 id={`cite-${id}`}>Cite this sentence</h2>
      <Show when={formatted()} fallback={<p class="muted" aria-busy={problem() === null}>{problem() ?? 'Preparing the citation…'}</p>}>
        {(f) => (
          <For each={FORMS}>
            {(form) => {
              let field!: HTMLTextAreaElement;
              return (
                <section class="cite-form">
                  <div class="cite-form-head">
                    <h3 id={`cite-${id}-${form.key}`}>{form.label}</h3>
                    <button type="button" class="review-action" aria-label={`Copy ${form.label === 'Plain text' ? 'plain text' : form.label}`} onClick={() => copy(form.label, f()[form.key], field)}>
                      Copy
                    </button>
                  </div>
                  <textarea ref={field} readOnly rows={form.key === 'text' ? 6 : 5} aria-labelledby={`cite-${id}-${form.key}`} dir="auto" spellcheck={false} value={f()[form.key]} />
                </section>
              );
            }}
          </For>
        )}
      </Show>
      <p class="cite-said muted" aria-live="polite">{said()}</p>
      <div class="review-dialog-actions">
        <button type="button" class="review-action" onClick={() => dialog.close()}>Close</button>
      </div>
    </dialog>
  );
}
