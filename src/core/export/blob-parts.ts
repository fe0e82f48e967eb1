/**
 * Draws an export's chunks (csvParts, geojsonParts, annotationParts) into the parts of a Blob, handing the thread back
 * (`pause`) whenever it has worked for `sliceMs`, so that a million events never freeze the page and never meet in
 * one string. `onProgress` hears how many chunks are done after each pause.
 */
export async function collectParts(
  parts: Iterable<string>,
  options: { pause(): Promise<void>; onProgress?(chunks: number): void; sliceMs?: number; now?(): number },
): Promise<string[]> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const now = options.now ?? (() => performance.now());
  const collected: string[] = [];
  let sliceStarted = now();
  for (const part of parts) {
    collected.push(part);
    if (now() - sliceStarted >= sliceMs) {
      options.onProgress?.(collected.length);
      await options.pause();
      sliceStarted = now();
    }
  }
  options.onProgress?.(collected.length);
  return collected;
}

const SLICE_MS = 12; // of work between pauses: under a frame
