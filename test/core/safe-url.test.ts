import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../src/core/safe-url.ts';

describe('links to articles', () => {
  it('keep http and https URLs', () => {
    expect(safeHttpUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
  });

  it('drop javascript:, data:, relative and broken URLs, whatever their case or padding', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', '/relative', '//evil.example', 'http//x', '', null]) {
      expect(safeHttpUrl(url)).toBeNull();
    }
  });
});
