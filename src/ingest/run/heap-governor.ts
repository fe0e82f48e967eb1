import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps a long ingest's heap near what it holds. Its events go to disk as they are read (event-spill.ts), so what
 * stays live grows slowly (about 200 MB for 10,000 articles), but V8 lets the heap grow to four times the live size
 * between full collections: 1.15 GB of RSS for those articles. Called after each article (and every so many events
 * as they are merged and written), the governor asks for a full collection once the heap has grown by HEADROOM_MB
 * since the last (docs/scale.md has what it costs).
 */
export const HEADROOM_MB = 64;

let collect: (() => void) | null = null;

export function createHeapGovernor(headroomMb = HEADROOM_MB): () => void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc'); // for the fresh context below; the process's own global stays as it was
    collect = runInNewContext('gc') as () => void;
  }
  const headroom = headroomMb * 2 ** 20;
  let after = v8.getHeapStatistics().used_heap_size;
  return () => {
    if (v8.getHeapStatistics().used_heap_size - after < headroom) return;
    collect!();
    after = v8.getHeapStatistics().used_heap_size;
  };
}
