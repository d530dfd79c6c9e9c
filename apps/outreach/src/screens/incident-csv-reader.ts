import {
  type ColumnMapping,
  type FieldError,
  type IncidentRowInput,
  mapIncidentColumns,
  toIncidentRowInput,
} from '@vi/domain';
import Papa from 'papaparse';

export interface IncidentCsv {
  rows: IncidentRowInput[];
  /** Missing required columns: when present the file cannot be checked. */
  columnErrors: FieldError[];
}

/** Bytes per chunk: a 10,000-row police list (~1 MB) reports progress a few times a second. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Reads the police list in chunks so a large file shows progress and the page stays
 * responsive. Papa Parse detects the delimiter (police exports use ; as often as ,) and
 * the header row; the domain maps the header to our fields and the rows to text inputs.
 */
export function readIncidentCsv(
  file: File | string,
  onProgress: (fraction: number, rowsSoFar: number) => void,
): Promise<IncidentCsv> {
  const size = typeof file === 'string' ? file.length : file.size;
  return new Promise((resolve, reject) => {
    const rows: IncidentRowInput[] = [];
    let mapping: ColumnMapping | null = null;
    Papa.parse<Record<string, string>>(file, {
      header: true,
      skipEmptyLines: 'greedy',
      chunkSize: CHUNK_BYTES,
      transformHeader: (header) => header.trim(),
      chunk: (results, parser) => {
        if (!mapping) {
          mapping = mapIncidentColumns(results.meta.fields ?? []);
          if (mapping.errors.length > 0) {
            parser.abort();
            return;
          }
        }
        for (const record of results.data) rows.push(toIncidentRowInput(record, mapping));
        onProgress(size > 0 ? Math.min(1, results.meta.cursor / size) : 1, rows.length);
      },
      complete: () => {
        const columnErrors = mapping ? mapping.errors : mapIncidentColumns([]).errors;
        onProgress(1, rows.length);
        resolve({ rows: columnErrors.length > 0 ? [] : rows, columnErrors });
      },
      error: (error: Error) => reject(error),
    });
  });
}

/** Offers text as a file download (the rejected rows), without a server round trip. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A BOM makes spreadsheet programs read the Danish letters as UTF-8.
  const blob = new Blob(['\uFEFF', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
