/**
 * Draws an export's chunks (csvParts, geojsonParts, annotationParts) into a Blob, handing the thread back (`pause`)
 * whenever it has worked for `sliceMs`, so that a million events never freeze the page and never meet in one string.
 * At each pause the slice's chunks join the Blob (whose bytes live outside the JS heap), so the heap holds one slice
 * of text at a time. `onProgress` hears how many chunks are done after each pause.
 */
export async function collectBlob(
  parts: Iterable<string>,
  options: { type: string; pause(): Promise<void>; onProgress?(chunks: number): void; sliceMs?: number; now?(): number },
): Promise<Blob> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const now = options.now ?? (() => performance.now());
  let blob = new Blob([], { type: options.type });
  let slice: string[] = [];
  let chunks = 0;
  let sliceStarted = now();
  for (const part of parts) {
    slice.push(part);
    chunks++;
    if (now() - sliceStarted >= sliceMs) {
      blob = new Blob([blob, ...slice], { type: options.type });
      slice = [];
      options.onProgress?.(chunks);
      await options.pause();
      sliceStarted = now();
    }
  }
  options.onProgress?.(chunks);
  return new Blob([blob, ...slice], { type: options.type });
}

const SLICE_MS = 12; // of work between pauses: under a frame
