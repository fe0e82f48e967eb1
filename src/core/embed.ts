import { parseHash, serializeHash } from './url-state.ts';

/**
 * Embedding the map in another page: the address of the same view in embed mode (`embed=1` in the hash: the map,
 * the time bar and a place's sources, no top bar or lists), the address that opens it whole again, and the
 * `<iframe>` snippet a person copies. The one home of these; the Embed button and the embedded page's link use them.
 */

/** The same view, in embed mode (or out of it). */
export function withEmbed(address: string, embed: boolean): string {
  const at = address.indexOf('#');
  const base = at < 0 ? address : address.slice(0, at);
  const state = parseHash(at < 0 ? '' : address.slice(at));
  return `${base}${serializeHash({ ...state, embed: embed ? true : undefined })}`;
}

/** An HTML attribute's value, escaped: nothing in it can close the attribute or open a tag. */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The `<iframe>` of this view for another page: the embed-mode address, a title for screen readers (WCAG 4.1.2),
 * a size that fits an article's column, no border, loaded when scrolled near, and no referrer sent.
 */
export function embedSnippet(address: string, title: string): string {
  return `<iframe src="${attribute(withEmbed(address, true))}" title="${attribute(title)}" width="100%" height="520" style="border:0" loading="lazy" referrerpolicy="no-referrer" allowfullscreen></iframe>`;
}
