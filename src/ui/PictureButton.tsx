import { createSignal } from 'solid-js';
import { CATEGORY_LABELS } from '../core/category-labels.ts';
import { formatDay } from '../core/day.ts';
import { formatRange, formatShown } from '../core/format.ts';
import { CATEGORIES } from '../core/model.ts';
import { categoryColor } from '../core/scales.ts';
import type { Dataset } from '../data/dataset.ts';
import type { MapControls } from '../map/MapCanvas.tsx';
import type { createAppState } from '../state/app-state.ts';
import { download } from './download.ts';
import { composePicture } from './picture/compose.ts';
import type { PictureText } from './picture/layout.ts';

const MAX_OUTLETS = 8;

/** What the picture's band says of the view: its dates and count, the kinds shown, and whose data it is. */
export function pictureText(data: Dataset, state: ReturnType<typeof createAppState>): PictureText {
  const w = state.timeWindow();
  const kinds = state.filters().categories ?? CATEGORIES;
  const outlets = data.outlets.length > MAX_OUTLETS ? `${data.outlets.slice(0, MAX_OUTLETS).join(', ')} and ${data.outlets.length - MAX_OUTLETS} more` : data.outlets.join(', ');
  return {
    heading: `Datelines · ${formatRange(w.from, w.to)} · ${formatShown(state.shown(), data.eventCount)}`,
    keys: kinds.map((c) => ({ label: CATEGORY_LABELS[c], color: categoryColor(c) })),
    attribution: `Basemap: Natural Earth. Places: GeoNames and curated places. Sources: ${outlets || 'none'}.`,
  };
}

/** "Save picture": a PNG of the map as it is now, with its dates, count, kinds and attribution drawn in. */
export function PictureButton(props: { data: Dataset; state: ReturnType<typeof createAppState>; controls: MapControls | null }) {
  const [busy, setBusy] = createSignal(false);
  const save = async () => {
    if (!props.controls) return;
    setBusy(true);
    try {
      const map = await props.controls.snapshot();
      const picture = await composePicture(map, pictureText(props.data, props.state), window.devicePixelRatio || 1);
      const blob = await new Promise<Blob | null>((resolve) => picture.toBlob(resolve, 'image/png'));
      const w = props.state.timeWindow();
      if (blob) download(blob, `datelines-${formatDay(w.from)}-${formatDay(w.to)}.png`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="picture-button" disabled={!props.controls || busy()} aria-busy={busy()} onClick={() => void save()}>
      Save picture
    </button>
  );
}
