import { For, Show } from 'solid-js';
import { sureness } from '../core/confidence.ts';

/** "likely (0.72)": how sure the judge was of an event, in words and its probability to two decimals. */
export function confidenceLabel(confidence: number): string {
  return `${sureness(confidence)} (${confidence.toFixed(2)})`;
}

/** "likely (0.72): + the event the rules draw; − quoted speech": the words, then the reasons with their signs. */
export function confidenceText(confidence: number, reasons: readonly string[] = []): string {
  return reasons.length > 0 ? `${confidenceLabel(confidence)}: ${reasons.join('; ')}` : confidenceLabel(confidence);
}

/** Whether an event is under the data's default threshold: shown only because the reader lowered the minimum. */
export function isBelowDefault(confidence: number | null | undefined, threshold: number | null): boolean {
  return confidence !== null && confidence !== undefined && threshold !== null && confidence < threshold;
}

export interface ConfidenceNoteProps {
  confidence: number;
  /** The judge's reasons, each "+ …" (for) or "− …" (against). */
  reasons?: readonly string[];
  /** The data's default threshold (null: none): an event under it is marked unsure. */
  threshold: number | null;
}

/**
 * How sure the judge was of one event and why, in the Sources panel: "likely (0.72): + the event the rules draw;
 * + date stated in the sentence", the reasons for in one colour and against in another (their signs say it too).
 * An event under the default threshold says so first.
 */
export function ConfidenceNote(props: ConfidenceNoteProps) {
  const below = () => isBelowDefault(props.confidence, props.threshold);
  return (
    <p class="confidence" classList={{ 'below-default': below() }}>
      <Show when={below()}>
        <span class="unsure-tag">Unsure: under the default {props.threshold!.toFixed(2)}</span>{' '}
      </Show>
      <span class="sureness">{confidenceLabel(props.confidence)}</span>
      <Show when={props.reasons?.length}>
        {': '}
        <For each={props.reasons}>
          {(reason, i) => (
            <>
              <span class={reason.startsWith('−') || reason.startsWith('-') ? 'reason against' : 'reason for'}>{reason}</span>
              {i() < props.reasons!.length - 1 ? '; ' : ''}
            </>
          )}
        </For>
      </Show>
    </p>
  );
}
