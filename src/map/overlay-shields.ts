/** A box on the map's container, px from its top left: something drawn over the map (an off-screen count pill). */
export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A square shield, px on the map's container: its centre and its side. */
export interface ShieldSquare {
  x: number;
  y: number;
  size: number;
}

/**
 * Squares that together cover each box grown by `pad` px on every side, for label placement to keep clear of (the
 * shield image is square, so a long box takes a row or a column of them, their side its width or height, the last one
 * flush with its far edge). A box of no area gives none.
 */
export function shieldSquares(boxes: readonly ScreenBox[], pad: number): ShieldSquare[] {
  const squares: ShieldSquare[] = [];
  for (const b of boxes) {
    const left = b.left - pad;
    const top = b.top - pad;
    const width = b.right + pad - left;
    const height = b.bottom + pad - top;
    if (!(width > 2 * pad) || !(height > 2 * pad)) continue;
    const size = Math.min(width, height);
    const along = Math.max(width, height);
    const count = Math.ceil(along / size);
    for (let i = 0; i < count; i++) {
      const offset = Math.min(size * i, along - size) + size / 2;
      squares.push(width >= height ? { x: left + offset, y: top + size / 2, size } : { x: left + size / 2, y: top + offset, size });
    }
  }
  return squares;
}
