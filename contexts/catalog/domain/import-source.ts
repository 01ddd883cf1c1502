import { UnsupportedMediaTypeError, ValidationError } from '#platform/errors/index.ts';
import { csvProducts } from './import-csv.ts';
import { IMPORT_MAX_PRODUCTS, TooManyProductsError } from './import-limits.ts';
import type { SourceRow } from './source-row.ts';

/**
 * Body limit of the import route: 500 products of a few KiB each. A text body crosses API Gateway
 * as-is, any other media type base64-encoded (4/3 larger): 2 MiB stays far below Lambda's 6 MB payload.
 */
export const IMPORT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** The media types the import reads: JSON Lines and CSV. */
export const IMPORT_MEDIA_TYPES = ['application/x-ndjson', 'application/jsonl', 'text/csv'] as const;

/** One JSON Lines row: its value, or why it is not one (the rest of the file still counts). */
const jsonRow = (text: string, row: number): SourceRow => {
  try {
    return { row, value: JSON.parse(text) as unknown };
  } catch {
    const issue = { path: `line ${row}`, message: 'not a JSON value' };
    return { row, error: new ValidationError('The line is not valid JSON', [issue], 'invalid_json') };
  }
};

/**
 * The rows of a JSON Lines body, read line by line: the first row past the cap ends the reading with
 * a 413, so an oversized file costs no JSON.parse past row IMPORT_MAX_PRODUCTS + 1.
 */
const jsonLines = (body: string): SourceRow[] => {
  const rows: SourceRow[] = [];
  for (let start = 0, line = 1; start <= body.length; line += 1) {
    const end = body.indexOf('\n', start);
    const text = body.slice(start, end === -1 ? body.length : end);
    start = end === -1 ? body.length + 1 : end + 1;
    if (text.trim() === '') continue;
    if (rows.length === IMPORT_MAX_PRODUCTS) throw new TooManyProductsError();
    rows.push(jsonRow(text, line));
  }
  return rows;
};

/**
 * The products of an import body by its media type (415 `unsupported_media_type` for any other),
 * refusing the whole file if it holds more than IMPORT_MAX_PRODUCTS (the readers stop there; nothing is
 * written then).
 */
export const importSource = (contentType: string | undefined, body: string): SourceRow[] => {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  let rows: SourceRow[];
  if (mediaType === 'text/csv') rows = csvProducts(body);
  else if (mediaType === 'application/x-ndjson' || mediaType === 'application/jsonl') rows = jsonLines(body);
  else
    throw new UnsupportedMediaTypeError(
      `Send the products as ${IMPORT_MEDIA_TYPES.join(' or ')}, not ${mediaType || 'no content-type'}`,
    );
  if (rows.length === 0)
    throw new ValidationError(
      'The file holds no products',
      [{ path: 'body', message: 'empty' }],
      'empty_import',
    );
  return rows;
};
