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
  /**
   * For each row, the row number Excel shows for it in the file (the header is row 1). Blank
   * lines are skipped as rows but still counted, so a worker finds the row where Excel shows it.
   */
  sourceRows: number[];
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
    const sourceRows: number[] = [];
    let mapping: ColumnMapping | null = null;
    // Excel's row of the next record: the header is row 1. A quoted cell with a line break
    // stays one record, and one Excel row, so records are counted, not lines.
    let excelRow = 2;
    Papa.parse<Record<string, string>>(file, {
      header: true,
      // Blank lines come through as records so they can be counted (see excelRow), then dropped.
      skipEmptyLines: false,
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
        for (const record of results.data) {
          const row = excelRow;
          excelRow += 1;
          const blank = Object.values(record as Record<string, unknown>).every(
            (cell) => cell == null || (typeof cell === 'string' && cell.trim() === ''),
          );
          if (blank) continue;
          rows.push(toIncidentRowInput(record, mapping));
          sourceRows.push(row);
        }
        onProgress(size > 0 ? Math.min(1, results.meta.cursor / size) : 1, rows.length);
      },
      complete: () => {
        const columnErrors = mapping ? mapping.errors : mapIncidentColumns([]).errors;
        onProgress(1, rows.length);
        const failed = columnErrors.length > 0;
        resolve({ rows: failed ? [] : rows, sourceRows: failed ? [] : sourceRows, columnErrors });
      },
      error: (error: Error) => reject(error),
    });
  });
}

/**
 * Offers text as a file download (the rejected rows, the template), without a server round
 * trip. The text is the whole file: the CSV writers in @vi/domain put in the byte-order mark
 * Excel needs to read UTF-8.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
