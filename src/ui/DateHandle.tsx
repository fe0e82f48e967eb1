import type { Day } from '../core/day.ts';
import { formatDay } from '../core/day.ts';
import { formatLongDay } from '../core/format.ts';
import { handleKeyTarget } from '../core/time-window.ts';

export interface DateHandleProps {
  label: 'Start date' | 'End date';
  value: Day;
  min: Day;
  max: Day;
  /** Horizontal position in px within the track, or null when the value is off the visible axis. */
  x: number | null;
  /** Which edge an off-axis handle is pinned to. */
  side: 'left' | 'right';
  onChange(day: Day): void;
  /** Called with the pointer's x (px in the track) while the handle is dragged. */
  onDrag(clientX: number): void;
}

/**
 * One handle of the time window: an ARIA slider whose value is a calendar day. Arrows move a day (with Shift a week),
 * PageUp/PageDown a month, Home/End jump to the ends it may reach (see handleKeyTarget). Dragging is reported as
 * pointer x; the parent maps it to a day.
 */
export function DateHandle(props: DateHandleProps) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const day = handleKeyTarget(e.key, e.shiftKey, props.value, { from: props.min, to: props.max });
    if (day === null) return;
    e.preventDefault();
    props.onChange(day);
  };
  const onPointerDown = (e: PointerEvent) => {
    const handle = e.currentTarget as HTMLElement;
    handle.setPointerCapture(e.pointerId);
    handle.focus();
    e.preventDefault();
    const move = (m: PointerEvent) => props.onDrag(m.clientX);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  return (
    <div
      class="date-handle"
      classList={{ 'off-axis': props.x === null, [props.side]: true }}
      role="slider"
      tabIndex={0}
      aria-label={props.label}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      aria-valuenow={props.value}
      aria-valuetext={formatDay(props.value)}
      title={`${props.label}: ${formatLongDay(props.value)}`}
      style={{ left: props.x === null ? undefined : `${props.x}px` }}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    >
      <span class="grip" aria-hidden="true" />
    </div>
  );
}
