import { sureness } from '../core/confidence.ts';

export interface ConfidenceThresholdProps {
  /** The minimum confidence now, 0–1. */
  value: number;
  /** The data's threshold: the minimum by default. */
  defaultValue: number;
  /** A new minimum (null: back to the default). */
  onChange(min: number | null): void;
}

const STEP = 0.01; // the judge writes confidences to two decimals: every step can show or hide an event

/**
 * The minimum confidence: a slider 0–1 (arrows a hundredth, Page Up/Down a tenth, Home/End the ends), its value and
 * the words for it spoken, and "Default" to go back to the data's threshold when it has been moved. Events under it
 * are hidden from the map, the counts, the histogram and the lists.
 */
export function ConfidenceThreshold(props: ConfidenceThresholdProps) {
  let slider!: HTMLInputElement;
  const isDefault = () => Math.round(props.value * 100) === Math.round(props.defaultValue * 100);
  const valueText = () => `${props.value.toFixed(2)}, ${sureness(props.value)} and above${isDefault() ? ' (the default)' : ''}`;
  return (
    <div class="confidence-threshold">
      <label for="confidence-threshold">
        Minimum confidence
      </label>
      <input
        ref={slider}
        id="confidence-threshold"
        type="range"
        min="0"
        max="1"
        step={STEP}
        value={props.value}
        aria-valuetext={valueText()}
        onInput={(e) => props.onChange(Number(e.currentTarget.value))}
      />
      <output for="confidence-threshold" class="threshold-value" aria-hidden="true">
        {props.value.toFixed(2)}
      </output>
      {/* Always laid out, hidden at the default: its showing up must not shift the slider under a dragging pointer. */}
      <button type="button" class="threshold-default" classList={{ 'at-default': isDefault() }} aria-label={`Default minimum confidence (${props.defaultValue.toFixed(2)})`} onClick={() => (props.onChange(null), slider.focus())}>
        Default
      </button>
    </div>
  );
}
