import type { Day } from '../core/day.ts';
import { formatDay } from '../core/day.ts';
import { formatLongDay } from '../core/format.ts';
import { addMonthsClamped } from '../core/time-window.ts';

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
 * One handle of the time window: an ARIA slider whose value is a calendar day. Arrows move a day, PageUp/PageDown
 * a month, Home/End jump to the ends it may reach. Dragging is reported as pointer x; the parent maps it to a day.
 */
export function DateHandle(props: DateHandleProps) {
  const clamp = (d: Day) => Math.min(props.max, Math.max(props.min, d));
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, () => Day> = {
      ArrowLeft: () => props.value - 1,
      ArrowDown: () => props.value - 1,
      ArrowRight: () => props.value + 1,
      ArrowUp: () => props.value + 1,
      PageDown: () => addMonthsClamped(props.value, -1),
      PageUp: () => addMonthsClamped(props.value, 1),
      Home: () => props.min,
      End: () => props.max,
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    props.onChange(clamp(move()));
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
