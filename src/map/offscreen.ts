/** Which edge of the map a place off the map lies beyond, seen from the map's centre. */
export type Edge = 'top' | 'right' | 'bottom' | 'left';

/** Events beyond each edge of the map, and how many places hold them. */
export type Offscreen = Record<Edge, { events: number; places: number }>;

/**
 * The events of the window that the map does not show, by the edge they lie beyond: each place outside the
 * visible box (screen px, `box` already clear of what covers the map) counts towards the edge that the line from
 * the box's centre to it crosses. Places inside the box count nowhere.
 */
export function offscreenByEdge(places: readonly { x: number; y: number; events: number }[], box: { left: number; top: number; right: number; bottom: number }): Offscreen {
  const result: Offscreen = { top: { events: 0, places: 0 }, right: { events: 0, places: 0 }, bottom: { events: 0, places: 0 }, left: { events: 0, places: 0 } };
  const cx = (box.left + box.right) / 2;
  const cy = (box.top + box.bottom) / 2;
  const halfW = Math.max(1, (box.right - box.left) / 2);
  const halfH = Math.max(1, (box.bottom - box.top) / 2);
  for (const p of places) {
    if (p.events <= 0 || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    if (p.x >= box.left && p.x <= box.right && p.y >= box.top && p.y <= box.bottom) continue;
    // Scaled to a unit square, the larger coordinate says which edge the ray crosses.
    const dx = (p.x - cx) / halfW;
    const dy = (p.y - cy) / halfH;
    const edge: Edge = Math.abs(dx) >= Math.abs(dy) ? (dx > 0 ? 'right' : 'left') : dy > 0 ? 'bottom' : 'top';
    result[edge].events += p.events;
    result[edge].places += 1;
  }
  return result;
}
