/** How far (px) other things cover the map from each of its edges: a legend, a bottom sheet. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const MIN_VISIBLE = 60; // px of map left between the paddings, however much is covered

/**
 * Camera padding: `pad` px clear of what covers the map. The top and left take at most 40% of the map, the
 * bottom and right what is left but MIN_VISIBLE px: a map mostly under a bottom sheet still shows its place in
 * the strip above it.
 */
export function clearOf(insets: Insets, pad: number, width: number, height: number): Insets {
  const first = (inset: number, size: number) => Math.round(Math.min(Math.max(0, inset) + pad, size * 0.4));
  const second = (inset: number, size: number, other: number) => Math.round(Math.max(0, Math.min(Math.max(0, inset) + pad, size - other - MIN_VISIBLE)));
  const top = first(insets.top, height);
  const left = first(insets.left, width);
  return { top, left, bottom: second(insets.bottom, height, top), right: second(insets.right, width, left) };
}
