export { csvCell, csvParts } from './csv.ts';
export { geojsonParts } from './geojson.ts';
export { annotationParts, webAnnotation, type WebAnnotation } from './web-annotation.ts';
export { collectBlob } from './blob-parts.ts';
export { CHUNK_ROWS, EXPORT_COLUMNS, exportRow, type ExportColumn, type ExportRow } from './export-row.ts';
