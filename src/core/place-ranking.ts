/**
 * The order of the place list: busiest in the window first, then by name. Places are numbers (their index in the
 * dataset's place list).
 */

/** Each place's position in name order (`localeCompare`; places of one name keep their order): `ranks[place]`. */
export function rankByName(names: readonly string[]): Int32Array {
  const ranks = new Int32Array(names.length);
  names
    .map((name, place) => [name, place] as const)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .forEach(([, place], rank) => (ranks[place] = rank));
  return ranks;
}

/**
 * The first `limit` of the candidates (every place, 0 to nameRanks.length − 1, when none are given) by count,
 * highest first, then by name rank. One pass that keeps the best in order: a place that does not beat the last kept
 * costs one comparison.
 */
export function busiestPlaces(count: (place: number) => number, nameRanks: Int32Array, limit: number, candidates?: readonly number[]): number[] {
  const n = candidates ? candidates.length : nameRanks.length;
  const best: number[] = [];
  const bestCount: number[] = [];
  /** Whether best[i] comes before place p, which has `placeCount` events. */
  const ahead = (i: number, p: number, placeCount: number) => bestCount[i] > placeCount || (bestCount[i] === placeCount && nameRanks[best[i]] < nameRanks[p]);
  for (let i = 0; i < n; i++) {
    const p = candidates ? candidates[i] : i;
    const placeCount = count(p);
    if (best.length === limit && ahead(best.length - 1, p, placeCount)) continue;
    let at = best.length;
    while (at > 0 && !ahead(at - 1, p, placeCount)) at--;
    best.splice(at, 0, p);
    bestCount.splice(at, 0, placeCount);
    if (best.length > limit) {
      best.pop();
      bestCount.pop();
    }
  }
  return best;
}
