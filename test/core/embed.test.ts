import { describe, expect, it } from 'vitest';
import { embedSnippet, withEmbed } from '../../src/core/embed.ts';
import { parseHash } from '../../src/core/url-state.ts';

describe('embedding', () => {
  it('gives the same view in embed mode, and back out of it', () => {
    const address = 'https://maps.example/datelines/#from=2014-06-20&to=2014-06-26&place=baghdad&cat=meeting&map=5/33.3/44.4';
    const embedded = withEmbed(address, true);
    expect(embedded).toBe('https://maps.example/datelines/#from=2014-06-20&to=2014-06-26&place=baghdad&cat=meeting&map=5/33.3/44.4&embed=1');
    expect(parseHash(new URL(embedded).hash)).toMatchObject({ embed: true, place: 'baghdad', categories: ['meeting'] });
    expect(withEmbed(embedded, false)).toBe(address);
    expect(withEmbed('http://127.0.0.1:4173/', true)).toBe('http://127.0.0.1:4173/#embed=1');
    expect(parseHash('#embed=yes').embed).toBeUndefined();
  });

  it('writes an <iframe> whose attributes nothing in the view or the title can break out of', () => {
    const snippet = embedSnippet('https://maps.example/#q=%22%3E%3Cscript%3E', 'Datelines: "Iraq" <b>&</b>');
    expect(snippet.startsWith('<iframe src="https://maps.example/#q=')).toBe(true);
    expect(snippet).toContain('title="Datelines: &quot;Iraq&quot; &lt;b&gt;&amp;&lt;/b&gt;"');
    expect(snippet).not.toMatch(/<(?!iframe|\/iframe)/);
    expect(snippet.match(/"/g)!.length % 2).toBe(0);
    expect(snippet).toContain('&amp;embed=1"');
  });
});
