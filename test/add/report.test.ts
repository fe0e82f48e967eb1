import { describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../../src/ingest/add/report.ts';

/** A stream that keeps what is written to it. */
function createStream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (text: string) => writes.push(text) };
}

describe('the progress line', () => {
  it('on a terminal, rewrites one line in place, at most once a percent, and wipes it when done', () => {
    const stream = createStream(true);
    const progress = createProgress(stream);
    for (let done = 0; done <= 1000; done++) progress.update({ stage: 'reading', done, total: 1000 });
    progress.update({ stage: 'writing', done: 0, total: 2 });
    progress.clear();
    expect(stream.writes).toHaveLength(101 + 1 + 1);
    expect(stream.writes[0]).toBe('\rreading 0 of 1,000 files\x1b[K');
    expect(stream.writes[100]).toBe('\rreading 1,000 of 1,000 files\x1b[K');
    expect(stream.writes[101]).toBe('\rwriting 0 of 2 texts\x1b[K');
    expect(stream.writes[102]).toBe('\r\x1b[K');
    expect(stream.writes.join('')).not.toContain('\n');
  });

  it('writes nothing to a stream that is not a terminal (a pipe, a file)', () => {
    const stream = createStream(false);
    const progress = createProgress(stream);
    progress.update({ stage: 'reading', done: 1, total: 2 });
    progress.clear();
    expect(stream.writes).toEqual([]);
  });

  it('says what it counts', () => {
    expect(progressLine({ stage: 'reading', done: 1234, total: 10000 })).toBe('reading 1,234 of 10,000 files');
    expect(progressLine({ stage: 'writing', done: 0, total: 0 })).toBe('writing 0 of 0 texts');
  });
});
