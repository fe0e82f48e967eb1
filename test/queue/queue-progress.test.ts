import { describe, expect, it } from 'vitest';
import { queueProgressLine } from '../../src/ingest/queue/queue-progress.ts';

describe('the queued ingest progress line', () => {
  it('says done of total, the rate and the time left', () => {
    expect(queueProgressLine(1_200, 10_000, 3_000)).toBe('read 1,200 of 10,000 articles on the queue, 400/s, 22 s left');
  });

  it('gives no rate and no time left before any article is done', () => {
    expect(queueProgressLine(0, 10_000, 2_000)).toBe('read 0 of 10,000 articles on the queue');
  });

  it('says minutes, then hours, when much is left', () => {
    expect(queueProgressLine(100, 100_000, 10_000)).toBe('read 100 of 100,000 articles on the queue, 10/s, 2.8 h left');
    expect(queueProgressLine(1_000, 20_000, 10_000)).toBe('read 1,000 of 20,000 articles on the queue, 100/s, 3 min left');
  });

  it('says nothing is left when all are done', () => {
    expect(queueProgressLine(5, 5, 1_000)).toBe('read 5 of 5 articles on the queue, 5/s, 0 s left');
  });
});
