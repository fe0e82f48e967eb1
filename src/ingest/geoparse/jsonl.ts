import { closeSync, openSync, readSync } from 'node:fs';
import { collect, statRegularFile } from '../../io/read-files.ts';
import type { InputProblem } from '../../core/validate.ts';

const CHUNK_BYTES = 1 << 20; // read at a time

/**
 * The lines of a JSON Lines file, parsed, one at a time, with their numbers (from 1); blank lines are skipped.
 * A line longer than `maxLineBytes` is not held in memory: it is reported as a problem and skipped, as is a
 * line that is not JSON or not UTF-8. Only a regular file is read.
 */
export function* jsonLines(file: string, maxLineBytes: number, problems: InputProblem[]): Generator<{ line: number; value: unknown }> {
  if (collect(problems, () => statRegularFile(file)) === null) return;
  const fd = openSync(file, 'r');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let tooLong = false;
    let line = 1;
    const finish = function* (): Generator<{ line: number; value: unknown }> {
      const number = line++;
      if (tooLong) {
        problems.push({ file, field: `line ${number}`, message: `is over ${maxLineBytes} bytes: not read` });
      } else if (pendingBytes > 0) {
        let text: string;
        try {
          text = decoder.decode(Buffer.concat(pending, pendingBytes));
        } catch {
          problems.push({ file, field: `line ${number}`, message: 'is not valid UTF-8' });
          text = '';
        }
        if (text.trim() !== '') {
          try {
            yield { line: number, value: JSON.parse(text) };
          } catch (error) {
            problems.push({ file, field: `line ${number}`, message: `is not JSON (${(error as Error).message})` });
          }
        }
      }
      pending = [];
      pendingBytes = 0;
      tooLong = false;
    };
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      let from = 0;
      for (let at = buffer.indexOf(10, from); at !== -1 && at < read; at = buffer.indexOf(10, from)) {
        take(buffer.subarray(from, at));
        yield* finish();
        from = at + 1;
      }
      take(buffer.subarray(from, read));
    }
    yield* finish();

    function take(bytes: Buffer): void {
      if (tooLong || bytes.length === 0) return;
      if (pendingBytes + bytes.length > maxLineBytes) {
        tooLong = true;
        pending = [];
        pendingBytes = 0;
        return;
      }
      pending.push(Buffer.from(bytes)); // a copy: the buffer is read into again
      pendingBytes += bytes.length;
    }
  } finally {
    closeSync(fd);
  }
}
