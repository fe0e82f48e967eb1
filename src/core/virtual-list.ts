/**
 * The geometry of a virtualised list of rows of one height: which rows a view shows, where each is drawn, where to
 * scroll to bring one into view. Browsers cap an element's height (about 33 million px in Chromium), so a list
 * taller than `maxBox` scrolls through a box of that height, each pixel of scroll standing for `scale` pixels of list.
 */
export interface ListGeometry {
  /** The scroll box's height, px. */
  box: number;
  /** List pixels per scroll pixel (1 when the list fits in a box). */
  scale: number;
}

export function listGeometry(rows: number, rowHeight: number, viewHeight: number, maxBox: number): ListGeometry {
  const full = rows * rowHeight;
  if (full <= maxBox) return { box: full, scale: 1 };
  return { box: maxBox, scale: (full - viewHeight) / Math.max(1, maxBox - viewHeight) };
}

/** The rows [first, last) in view at list position `listTop` (px), and `overscan` more at each end. */
export function rowsInView(listTop: number, viewHeight: number, rowHeight: number, rows: number, overscan: number): [number, number] {
  const first = Math.max(0, Math.floor(listTop / rowHeight) - overscan);
  const last = Math.min(rows, Math.ceil((listTop + viewHeight) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

/** The list position (px) that shows row `row` whole, moving the least from `listTop`. */
export function listTopFor(row: number, listTop: number, viewHeight: number, rowHeight: number): number {
  const top = row * rowHeight;
  if (top < listTop) return top;
  if (top + rowHeight > listTop + viewHeight) return top + rowHeight - viewHeight;
  return listTop;
}
