import { Show } from 'solid-js';
import type { InputProblem } from '../core/problem.ts';

/**
 * What the top bar warns of: a filter that could not be applied, records of events.json left out, and what the
 * opening link asked for that the data cannot show (dismissable).
 */
export function Warnings(props: { filterProblem: string | null; problems: readonly InputProblem[]; ignored: readonly string[]; onDismissIgnored(): void }) {
  return (
    <>
      <Show when={props.filterProblem}>
        <p class="warning" role="alert">A filter could not be applied: {props.filterProblem}</p>
      </Show>
      <Show when={props.problems.length > 0}>
        <p class="warning" role="alert" title={props.problems.map((p) => `${p.field}: ${p.message}`).join('\n')}>
          {props.problems.length} {props.problems.length === 1 ? 'record was' : 'records were'} left out: {props.problems[0].field}: {props.problems[0].message}
          {props.problems.length > 1 ? ' …' : ''}
        </p>
      </Show>
      <Show when={props.ignored.length > 0}>
        <p class="warning ignored-in-link" role="alert">
          Ignored in the link: {props.ignored.join('; ')}.
          <button type="button" class="icon-button" aria-label="Dismiss" onClick={() => props.onDismissIgnored()}>✕</button>
        </p>
      </Show>
    </>
  );
}
