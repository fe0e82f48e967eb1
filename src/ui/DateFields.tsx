import { Show, createSignal, createUniqueId } from 'solid-js';
import type { Day } from '../core/day.ts';
import { formatLongDay, formatRange, parseTypedDay } from '../core/format.ts';
import type { TimeWindow } from '../core/time-window.ts';

export interface DateFieldsProps {
  id: string;
  hidden: boolean;
  window: TimeWindow;
  /** The days the data covers: a day typed outside them is refused. */
  extent: TimeWindow;
  /** A bound was typed: a day inside the extent. */
  onBound(bound: 'from' | 'to', day: Day): void;
}

/**
 * The window's two days as text fields in the app's own form ("11 Nov 2022", see formatLongDay), which read what a
 * person types as parseTypedDay does (also "2022-11-11", "Nov 11, 2022"). A day is taken on Enter or when the field
 * is left; what cannot be taken is said beside the fields, and the field shows the window's day again once left.
 */
export function DateFields(props: DateFieldsProps) {
  const [problem, setProblem] = createSignal<string | null>(null);
  const hintId = createUniqueId();
  const take = (bound: 'from' | 'to', input: HTMLInputElement) => {
    const typed = parseTypedDay(input.value);
    if ('problem' in typed) return setProblem(typed.problem);
    if (typed.day < props.extent.from || typed.day > props.extent.to) {
      return setProblem(`${formatLongDay(typed.day)} is outside the data’s days (${formatRange(props.extent.from, props.extent.to)})`);
    }
    setProblem(null);
    props.onBound(bound, typed.day);
    input.value = formatLongDay(props.window[bound]);
  };
  const field = (bound: 'from' | 'to', label: string) => (
    <label>
      {label}{' '}
      <input
        type="text"
        inputMode="text"
        autocomplete="off"
        spellcheck={false}
        size={11}
        value={formatLongDay(props.window[bound])}
        aria-describedby={hintId}
        aria-invalid={problem() !== null}
        onChange={(e) => take(bound, e.currentTarget)}
        onKeyDown={(e) => e.key === 'Enter' && take(bound, e.currentTarget)}
        onBlur={(e) => (e.currentTarget.value = formatLongDay(props.window[bound]))}
      />
    </label>
  );
  return (
    <div class="date-fields" id={props.id} hidden={props.hidden}>
      {field('from', 'From')}
      {field('to', 'To')}
      <p class="date-hint muted" id={hintId} aria-live="polite">
        <Show when={problem()} fallback={`As 11 Nov 2022 or 2022-11-11; the data covers ${formatRange(props.extent.from, props.extent.to)}.`}>
          {(p) => <span class="date-problem">{p()}.</span>}
        </Show>
      </p>
    </div>
  );
}
