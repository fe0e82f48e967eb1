import type { Place } from '../../core/model.ts';

/** A place named in a text: `text.slice(start, end)` is one of the place's aliases. */
export interface Mention {
  place: string;
  start: number;
  end: number;
}

interface AliasEntry {
  alias: string;
  place: string;
}

/**
 * Finds place names by alias: whole words only, the longest alias first (so "Tal Afar" is one mention, not
 * "Afar"), never overlapping. Case-aware: an alias matches as written, or in capitals as a dateline writes it
 * ("BAGHDAD -"); "ana" in lowercase prose is not the town of Ana.
 */
export function createMentionFinder(places: readonly Place[]): (text: string) => Mention[] {
  const entries: AliasEntry[] = [];
  for (const place of places) {
    for (const alias of new Set([place.name, ...place.aliases])) {
      entries.push({ alias, place: place.id });
      if (alias.toUpperCase() !== alias) entries.push({ alias: alias.toUpperCase(), place: place.id });
    }
  }
  entries.sort((a, b) => b.alias.length - a.alias.length || a.alias.localeCompare(b.alias));
  if (entries.length === 0) return () => []; // an empty pattern would match everywhere
  const byAlias = new Map(entries.map((e) => [e.alias, e.place]));
  const pattern = new RegExp(entries.map((e) => escapeRegExp(e.alias)).join('|'), 'gu');

  return (text) => {
    const mentions: Mention[] = [];
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (isWordChar(text[start - 1]) || isWordChar(text[end])) {
        // The longest alias here sits inside a longer word; a shorter alias starting here may still fit.
        const shorter = longestWholeWordAlias(text, start, entries);
        if (shorter) mentions.push(shorter);
        continue;
      }
      mentions.push({ place: byAlias.get(match[0])!, start, end });
    }
    return mentions;
  };
}

function longestWholeWordAlias(text: string, start: number, entries: AliasEntry[]): Mention | null {
  if (isWordChar(text[start - 1])) return null;
  for (const { alias, place } of entries) {
    if (text.startsWith(alias, start) && !isWordChar(text[start + alias.length])) {
      return { place, start, end: start + alias.length };
    }
  }
  return null;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
