import * as maplibregl from 'maplibre-gl';
import { embeddedFile, isStandalone } from '../data/embedded.ts';

const PROTOCOL = 'datelines';

/**
 * Where the map finds its basemap's files: beside the page, or, in a standalone copy (src/data/embedded.ts), inside
 * it, through a protocol of its own that MapLibre asks on the page's thread, its worker's requests included.
 */
export function basemapBase(): string {
  if (!isStandalone()) return document.baseURI;
  if (!registered) {
    registered = true;
    maplibregl.addProtocol(PROTOCOL, async (params) => {
      const path = decodeURIComponent(new URL(params.url).pathname.replace(/^\//, ''));
      const bytes = embeddedFile(path);
      if (!bytes) throw new Error(`${path}: not in this standalone copy`);
      if (params.type === 'json') return { data: JSON.parse(new TextDecoder().decode(bytes)) as object };
      if (params.type === 'string') return { data: new TextDecoder().decode(bytes) };
      return { data: bytes.buffer };
    });
  }
  return `${PROTOCOL}://copy/`;
}

let registered = false;
