/**
 * The first index in [from, to) at which `before` is false, for a `before` that is true on a prefix of the range
 * and false after it (sorted data: "starts before the offset"); `to` when it is true throughout. By bisection.
 */
export function firstIndex(from: number, to: number, before: (index: number) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
