/** The queued ingest's progress line: "read 1,200 of 10,000 articles on the queue, 410/s, 21 s left" (`elapsedMs` since enqueueing began). */
export function queueProgressLine(done: number, total: number, elapsedMs: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0; // articles a second
  const left = rate > 0 ? `, ${duration((total - done) / rate)} left` : '';
  return `read ${n(done)} of ${n(total)} articles on the queue${rate > 0 ? `, ${n(Math.round(rate))}/s` : ''}${left}`;
}

/** Seconds as "45 s", "12 min", "3.5 h". */
function duration(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
