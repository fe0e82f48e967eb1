import { For, Show, createResource, createSignal, createUniqueId } from 'solid-js';
import { formatDay, parseDay, type Day } from '../core/day.ts';
import { formatCount, formatLongDay, formatRange, parseTypedDay } from '../core/format.ts';
import { WRONG_REASONS, useReview, type EventDate, type PlaceHit, type ReviewStore } from '../state/review-store.ts';
import { ReviewDialog } from './ReviewDialog.tsx';

export interface ReviewButtonsProps {
  /** The event's id; null while it is not known yet (a row of the list whose line is still being fetched). */
  event: string | null;
  /** What the event's record says of its date, when the caller has it (the Sources panel); else it is asked for. */
  date?: EventDate;
  /** A few words naming the event, for the dialogs' titles. */
  about: string;
  /** The buttons' tab stop (the list of events keeps one row in the tab order). */
  tabIndex?: number;
}

/**
 * Right, Wrong, Move and Date for one event, in review mode only (nothing in the static build): Right confirms it;
 * Wrong asks why and takes it off the map; Move searches a place by name (the corpus's and the gazetteer's, with
 * country, population and distance from the article's other places); Date takes a day or a range, showing the
 * words that gave the old one. Each is saved to corrections.json, and the page follows the new data it makes.
 */
export function ReviewButtons(props: ReviewButtonsProps) {
  const review = useReview();
  if (!review) return null;
  const [open, setOpen] = createSignal<'wrong' | 'move' | 'date' | null>(null);
  const disabled = () => props.event === null || review.busy();
  const close = () => setOpen(null);
  return (
    <div class="review-buttons" role="group" aria-label={`Review: ${props.about}`}>
      <button type="button" class="review-action right" tabIndex={props.tabIndex} disabled={disabled()} onClick={() => void review.correct(props.event!, { action: 'right' })}>Right</button>
      <button type="button" class="review-action" tabIndex={props.tabIndex} disabled={disabled()} aria-haspopup="dialog" onClick={() => setOpen('wrong')}>Wrong</button>
      <button type="button" class="review-action" tabIndex={props.tabIndex} disabled={disabled()} aria-haspopup="dialog" onClick={() => setOpen('move')}>Move</button>
      <button type="button" class="review-action" tabIndex={props.tabIndex} disabled={disabled()} aria-haspopup="dialog" onClick={() => setOpen('date')}>Date</button>
      <Show when={open() === 'wrong'}>
        <ReviewDialog title={`Why is it wrong? ${props.about}`} onClose={close}>
          <div class="review-choices">
            <For each={WRONG_REASONS}>
              {(r) => (
                <button type="button" class="review-action" onClick={() => (close(), void review.correct(props.event!, { action: 'wrong', reason: r.reason }))}>
                  {r.label}
                </button>
              )}
            </For>
          </div>
        </ReviewDialog>
      </Show>
      <Show when={open() === 'move'}>
        <MoveDialog review={review} event={props.event!} about={props.about} onClose={close} />
      </Show>
      <Show when={open() === 'date'}>
        <DateDialog review={review} event={props.event!} about={props.about} date={props.date} onClose={close} />
      </Show>
    </div>
  );
}

/** Move: a place found by name, the nearest of the article's other places said beside each. */
function MoveDialog(props: { review: ReviewStore; event: string; about: string; onClose(): void }) {
  const [query, setQuery] = createSignal('');
  const [results] = createResource(query, (q) => (q.trim().length < 2 ? Promise.resolve([] as PlaceHit[]) : props.review.search(props.event, q)));
  return (
    <ReviewDialog title={`Move to another place: ${props.about}`} onClose={props.onClose}>
      <label class="review-field">
        Place name
        <input type="text" autocomplete="off" spellcheck={false} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      <p class="muted small" role="status" aria-live="polite">
        {results.loading ? 'Searching…' : results.error ? `The search failed: ${String(results.error.message ?? results.error)}` : query().trim().length < 2 ? 'Type two letters or more.' : found(results()?.length ?? 0)}
      </p>
      <PlaceHits hits={results.loading ? [] : (results() ?? [])} onChoose={(hit) => (props.onClose(), void props.review.correct(props.event, { action: 'move', to: hit.to }))} />
      <button type="button" class="review-action" onClick={() => (props.onClose(), props.review.startPicking(props.event, props.about))}>
        Click the map instead
      </button>
    </ReviewDialog>
  );
}

/** The places a Move search found, each a button that moves the event there. */
export function PlaceHits(props: { hits: readonly PlaceHit[]; onChoose(hit: PlaceHit): void }) {
  return (
    <ul class="review-results" aria-label="Places found">
      <For each={props.hits}>
        {(hit) => (
          <li>
            <button type="button" class="review-result" onClick={() => props.onChoose(hit)}>
              <strong>{hit.name}</strong> <span class="muted">{describeHit(hit)}</span>
            </button>
          </li>
        )}
      </For>
    </ul>
  );
}

function found(n: number): string {
  return n === 0 ? 'No place of that name: try another spelling.' : `${formatCount(n)} ${n === 1 ? 'place' : 'places'} found.`;
}

/** "town, IQ, 35,000 people · 60 km from Mosul · in this corpus": what tells places of one name apart. */
export function describeHit(hit: PlaceHit): string {
  const parts = [`${hit.kind}, ${hit.country}${hit.population ? `, ${formatCount(hit.population)} people` : ''}`];
  if (hit.fromPoint !== null) parts.push(`${formatCount(hit.fromPoint)} km from the point clicked`);
  if (hit.inArticle) parts.push('named in this article');
  if (hit.nearest) parts.push(hit.nearest.km === 0 ? `at ${hit.nearest.name}` : `${formatCount(hit.nearest.km)} km from ${hit.nearest.name}`);
  parts.push(hit.from === 'gazetteer' ? 'gazetteer' : hit.from === 'curated' ? 'curated' : 'found by the ingest');
  return parts.join(' · ');
}

/**
 * Date: a day or a range (first and last day, both included), the words that gave the old date shown. The days are
 * text in the app's own form ("21 Jun 2014", read as parseTypedDay reads the window's fields), not the browser's
 * date input, whose form follows the browser's locale (06/21/2014).
 */
function DateDialog(props: { review: ReviewStore; event: string; about: string; date?: EventDate; onClose(): void }) {
  const [record] = createResource(() => props.date ?? props.review.eventDate(props.event));
  const hint = createUniqueId();
  const [first, setFirst] = createSignal<string | null>(null);
  const [last, setLast] = createSignal<string | null>(null);
  const shown = (iso: string | undefined) => (iso && parseDay(iso) !== null ? formatLongDay(parseDay(iso)!) : '');
  const start = () => first() ?? shown(record()?.start);
  const end = () => last() ?? shown(record()?.end);
  const typed = (text: string) => parseTypedDay(text);
  const problem = () => {
    const a = typed(start());
    const b = typed(end());
    if ('problem' in a) return `First day: ${a.problem}.`;
    if ('problem' in b) return `Last day: ${b.problem}.`;
    return b.day < a.day ? 'The last day is before the first.' : null;
  };
  const day = (text: string) => {
    const t = typed(text);
    return 'day' in t ? t.day : null;
  };
  const old = () => {
    const r = record();
    if (!r) return '';
    const range = formatRange(parseDay(r.start) as Day, parseDay(r.end) as Day);
    return r.dateText ? `Now ${range}, from the words “${r.dateText}”.` : `Now ${range}, from no words of the quote (the sentences around it, or the day the article was published).`;
  };
  const field = (label: string, value: () => string, set: (text: string) => void) => (
    <label class="review-field">
      {label}
      <input type="text" inputMode="text" autocomplete="off" spellcheck={false} size={12} value={value()} aria-describedby={hint} aria-invalid={problem() !== null} onInput={(e) => set(e.currentTarget.value)} />
    </label>
  );
  return (
    <ReviewDialog title={`Change the date: ${props.about}`} onClose={props.onClose}>
      <p class="review-old-date">{record.loading ? 'Reading the event…' : old()}</p>
      <form
        class="review-date-form"
        onSubmit={(e) => {
          e.preventDefault();
          const a = day(start());
          const b = day(end());
          if (problem() || a === null || b === null) return;
          props.onClose();
          void props.review.correct(props.event, { action: 'date', start: formatDay(a), end: formatDay(b) });
        }}
      >
        {field('First day', start, setFirst)}
        {field('Last day', end, setLast)}
        <button type="button" class="review-action" onClick={() => setLast(start())}>One day</button>
        <p class="muted small" id={hint} aria-live="polite">
          {problem() ?? (day(start()) === day(end()) ? `One day: ${formatLongDay(day(start())!)}.` : 'A range: the event happened on one of these days.')} As 21 Jun 2014 or 2014-06-21.
        </p>
        <button type="submit" class="review-action primary" disabled={problem() !== null}>Save date</button>
      </form>
    </ReviewDialog>
  );
}
