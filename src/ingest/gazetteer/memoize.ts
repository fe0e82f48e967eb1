/**
 * A string function with its answers kept for the last `size` keys (all dropped when full: names recur within a
 * corpus, so the set refills with what is asked for now). For the hot paths of name lookup.
 */
export function memoize<T>(compute: (key: string) => T, size: number): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    if (kept.has(key)) return kept.get(key)!;
    const value = compute(key);
    if (kept.size >= size) kept.clear();
    kept.set(key, value);
    return value;
  };
}
