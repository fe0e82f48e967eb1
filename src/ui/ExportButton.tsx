import { Show, createSignal, createUniqueId, onCleanup, onMount } from 'solid-js';
import { buildCitation, type Citation } from '../core/citation.ts';
import { formatDay } from '../core/day.ts';
import { annotationParts, collectBlob, csvParts, geojsonParts } from '../core/export/index.ts';
import { formatCount, formatRange } from '../core/format.ts';
import { placePermalink, today } from '../core/permalink.ts';
import type { Dataset } from '../data/dataset.ts';
import { windowSources, type WindowSource } from '../data/window-sources.ts';
import type { AppState } from '../state/app-state.ts';
import { download } from './download.ts';

type Format = 'csv' | 'geojson' | 'annotations';
const FORMATS: readonly { format: Format; label: string; extension: string; type: string }[] = [
  { format: 'csv', label: 'CSV', extension: 'csv', type: 'text/csv;charset=utf-8' },
  { format: 'geojson', label: 'GeoJSON', extension: 'geojson', type: 'application/geo+json' },
  { format: 'annotations', label: 'Web Annotations', extension: 'jsonld', type: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"' },
];
const PROGRESS_AFTER_MS = 400; // an export that takes longer shows its progress

/** "Export": a dialog that downloads the events the live count counts (the window and the filters) as a file. */
export function ExportButton(props: { data: Dataset; state: AppState }) {
  const [open, setOpen] = createSignal(false);
  return (
    <>
      <button type="button" class="show-all export" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Export
      </button>
      <Show when={open()}>
        <ExportDialog data={props.data} state={props.state} onClose={() => setOpen(false)} />
      </Show>
    </>
  );
}

function ExportDialog(props: { data: Dataset; state: AppState; onClose(): void }) {
  let dialog!: HTMLDialogElement;
  const id = createUniqueId();
  const [busy, setBusy] = createSignal<Format | null>(null);
  const [progress, setProgress] = createSignal<{ label: string; value: number } | null>(null);
  const [said, setSaid] = createSignal('');
  let closed = false;
  onMount(() => dialog.showModal());
  onCleanup(() => (closed = true));
  const shown = () => props.state.shown();
  const shownWindow = () => props.state.timeWindow();

  const run = async (choice: (typeof FORMATS)[number]) => {
    const state = props.state;
    setBusy(choice.format);
    setSaid('');
    const started = performance.now();
    const report = (label: string, value: number) => performance.now() - started > PROGRESS_AFTER_MS && setProgress({ label, value });
    try {
      const sources = await windowSources(
        props.data,
        { window: state.timeWindow(), filters: state.filters(), minConfidence: state.minConfidence(), count: (n) => state.counts.count(n) },
        (done, of) => report(`Fetching the events of ${formatCount(done)} of ${formatCount(of)} places…`, of === 0 ? 1 : (done / of) * 0.5),
      );
      const base = `${location.origin}${location.pathname}${location.search}`;
      const url = state.urlState();
      const accessed = today();
      const citations = function* (): Generator<Citation> {
        for (const s of sources) yield buildCitation({ ...s, permalink: placePermalink(base, url, s.place.id), accessed });
      };
      const texts = choice.format === 'annotations' ? await articleTexts(props.data, sources, (done, of) => report(`Reading ${formatCount(done)} of ${formatCount(of)} articles…`, 0.5 + (done / of) * 0.2)) : new Map<string, string>();
      const parts =
        choice.format === 'csv' ? csvParts(citations()) : choice.format === 'geojson' ? geojsonParts(citations()) : annotationParts(citations(), sources.length, (a) => texts.get(a));
      const chunks = Math.max(1, Math.ceil(sources.length / 1000));
      const blob = await collectBlob(parts, {
        type: choice.type,
        pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
        onProgress: (n) => report(`Writing ${formatCount(Math.min(sources.length, n * 1000))} of ${formatCount(sources.length)} events…`, 0.7 + Math.min(1, n / chunks) * 0.3),
      });
      if (closed) return;
      download(blob, `datelines-${formatDay(url.from ?? shownWindow().from)}-${formatDay(url.to ?? shownWindow().to)}.${choice.extension}`);
      setSaid(`${choice.label} of ${formatCount(sources.length)} ${sources.length === 1 ? 'event' : 'events'} downloaded.`);
    } catch (error) {
      setSaid(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  return (
    <dialog ref={dialog} class="review-dialog export-dialog" aria-labelledby={`export-${id}`} onClose={() => props.onClose()}>
      <h2 id={`export-${id}`}>Export what you see</h2>
      <p>
        The {formatCount(shown())} {shown() === 1 ? 'event' : 'events'} of the time window ({formatRange(shownWindow().from, shownWindow().to)})
        {props.state.filtering() ? ' and the filters' : ''}, each with its quote, place, dates, source and a link back to it.
      </p>
      <div class="export-formats">
        {FORMATS.map((f) => (
          <button type="button" class="review-action" disabled={busy() !== null || shown() === 0 || props.state.filtersPending()} onClick={() => void run(f)}>
            Download {f.label}
          </button>
        ))}
      </div>
      <p class="muted small">CSV for a spreadsheet, GeoJSON for a GIS, W3C Web Annotations (JSON-LD) for annotation tools.</p>
      <Show when={progress()}>
        {(p) => (
          <div class="export-progress">
            <progress max={1} value={p().value} aria-label="Export progress" />
            <span class="muted small">{p().label}</span>
          </div>
        )}
      </Show>
      <p class="muted" aria-live="polite">{said()}</p>
      <div class="review-dialog-actions">
        <button type="button" class="review-action" onClick={() => dialog.close()}>Close</button>
      </div>
    </dialog>
  );
}

/** The texts of the articles some events quote, fetched a few at a time; an article that cannot be fetched is left out. */
async function articleTexts(data: Dataset, sources: readonly WindowSource[], onArticle: (done: number, of: number) => void): Promise<Map<string, string>> {
  const articles = [...new Map(sources.map((s) => [s.article.id, s.article])).values()];
  const texts = new Map<string, string>();
  let next = 0;
  const work = async () => {
    while (next < articles.length) {
      const article = articles[next++];
      const text = await data.articleText(article).catch(() => undefined);
      if (text !== undefined) texts.set(article.id, text);
      onArticle(texts.size, articles.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, articles.length) }, work));
  return texts;
}
