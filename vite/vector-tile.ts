/**
 * Mapbox Vector Tile 2.1 (https://github.com/mapbox/vector-tile-spec/tree/master/2.1), points only: what the build
 * needs to cut labelled points into tiles MapLibre fetches by zoom. Written here rather than taken from
 * `@maplibre/vt-pbf` because the whole of it for points is a protobuf writer of four messages.
 */
export interface TilePoint {
  /** Position inside the tile, in tile units: 0 ≤ x, y < extent (x east, y south). */
  x: number;
  y: number;
  properties: Readonly<Record<string, string | number>>;
}

export const TILE_EXTENT = 4096; // tile units across a tile, MVT's default

/** One layer of points as an encoded tile; empty input gives an empty tile (zero bytes, a valid tile with no layer). */
export function encodePointTile(layerName: string, points: readonly TilePoint[], extent: number = TILE_EXTENT): Uint8Array {
  if (points.length === 0) return new Uint8Array(0);
  const keys = new Map<string, number>();
  const strings = new Map<string, number>(); // value indexes, strings and numbers apart so that "12" and 12 stay two values
  const numbers = new Map<number, number>();
  const values = new ProtobufWriter(); // the Value messages, as the layer's field 4, in index order
  const layer = new ProtobufWriter();
  layer.uint32Field(15, 2); // version
  layer.stringField(1, layerName);
  for (const point of points) {
    const tags: number[] = [];
    for (const key in point.properties) {
      const value = point.properties[key];
      const indexes: Map<string | number, number> = typeof value === 'string' ? strings : numbers;
      let index = indexes.get(value);
      if (index === undefined) {
        index = strings.size + numbers.size;
        indexes.set(value, index);
        values.valueField(4, value);
      }
      let keyIndex = keys.get(key);
      if (keyIndex === undefined) keys.set(key, (keyIndex = keys.size));
      tags.push(keyIndex, index);
    }
    layer.pointFeature(2, tags, [commandInteger(1, 1), zigzag(Math.round(point.x)), zigzag(Math.round(point.y))]); // MoveTo(1)
  }
  for (const key of keys.keys()) layer.stringField(3, key);
  layer.append(values);
  layer.uint32Field(5, extent);
  const tile = new ProtobufWriter();
  tile.bytesField(3, layer.finish());
  return tile.finish();
}

const UTF8 = new TextEncoder();

function packedLength(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + varintLength(v), 0);
}

function varintLength(value: number): number {
  let bytes = 1;
  for (let v = value; v >= 0x80; v = Math.floor(v / 0x80)) bytes++;
  return bytes;
}

function commandInteger(id: number, count: number): number {
  return (id & 0x7) | (count << 3);
}

function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

/** The protobuf wire format, the few field kinds a vector tile uses, into a buffer that grows as needed. */
class ProtobufWriter {
  private buffer = new Uint8Array(256);
  private length = 0;

  uint32Field(field: number, value: number): void {
    this.varint((field << 3) | 0);
    this.varint(value);
  }

  doubleField(field: number, value: number): void {
    this.varint((field << 3) | 1);
    this.reserve(8);
    new DataView(this.buffer.buffer).setFloat64(this.length, value, true);
    this.length += 8;
  }

  stringField(field: number, value: string): void {
    this.bytesField(field, UTF8.encode(value));
  }

  bytesField(field: number, value: Uint8Array): void {
    this.varint((field << 3) | 2);
    this.varint(value.length);
    this.reserve(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
  }

  /** A Value message as field `field`: a string, a non-negative integer (uint_value), or any other number (double_value). */
  valueField(field: number, value: string | number): void {
    this.varint((field << 3) | 2);
    if (typeof value === 'string') {
      const bytes = UTF8.encode(value);
      this.varint(1 + varintLength(bytes.length) + bytes.length);
      this.bytesField(1, bytes);
    } else if (Number.isInteger(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER) {
      this.varint(1 + varintLength(value));
      this.uint32Field(5, value);
    } else {
      this.varint(9);
      this.doubleField(3, value);
    }
  }

  /** Another writer's bytes, as they are. */
  append(other: ProtobufWriter): void {
    const bytes = other.finish();
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** A Feature message (tags, type POINT, geometry) as field `field`, written in place: lengths are counted first. */
  pointFeature(field: number, tags: readonly number[], geometry: readonly number[]): void {
    const tagsLength = packedLength(tags);
    const geometryLength = packedLength(geometry);
    const length = 1 + varintLength(tagsLength) + tagsLength + 2 + 1 + varintLength(geometryLength) + geometryLength;
    this.varint((field << 3) | 2);
    this.varint(length);
    this.varint((2 << 3) | 2); // tags, packed
    this.varint(tagsLength);
    for (const v of tags) this.varint(v);
    this.uint32Field(3, 1); // type: POINT
    this.varint((4 << 3) | 2); // geometry, packed
    this.varint(geometryLength);
    for (const v of geometry) this.varint(v);
  }

  /** A non-negative integer up to 2^53, seven bits a byte, least significant first. */
  varint(value: number): void {
    this.reserve(8);
    let v = value;
    while (v >= 0x80) {
      this.buffer[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buffer[this.length++] = v;
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}
