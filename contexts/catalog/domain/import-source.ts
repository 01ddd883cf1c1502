import { AppError, UnsupportedMediaTypeError, ValidationError } from '#platform/errors/index.ts';
import { csvProducts } from './import-csv.ts';
import type { SourceRow } from './source-row.ts';

/**
 * Most products one import request may carry. Each is one transaction (two requests for an update),
 * written a few at a time: 500 finish in a few seconds on DynamoDB, well inside API Gateway's 30 s
 * integration timeout and the function's own timeout. Bigger catalogs are split into several files.
 */
export const IMPORT_MAX_PRODUCTS = 500;

/**
 * Body limit of the import route: 500 products of a few KiB each. A text body crosses API Gateway
 * as-is, any other media type base64-encoded (4/3 larger): 2 MiB stays far below Lambda's 6 MB payload.
 */
export const IMPORT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** The media types the import reads: JSON Lines and CSV. */
export const IMPORT_MEDIA_TYPES = ['application/x-ndjson', 'application/jsonl', 'text/csv'] as const;

/** 413 `too_many_products`: the file holds more products than one request may. */
export class TooManyProductsError extends AppError {
  constructor(count: number) {
    super({
      status: 413,
      code: 'too_many_products',
      title: 'Payload too large',
      detail: `The file holds ${count} products; one import takes at most ${IMPORT_MAX_PRODUCTS}: split it`,
    });
  }
}

const jsonLines = (body: string): SourceRow[] =>
  body.split('\n').flatMap((line, i): SourceRow[] => {
    if (line.trim() === '') return [];
    try {
      return [{ row: i + 1, value: JSON.parse(line) as unknown }];
    } catch {
      const issue = { path: `line ${i + 1}`, message: 'not a JSON value' };
      return [
        { row: i + 1, error: new ValidationError('The line is not valid JSON', [issue], 'invalid_json') },
      ];
    }
  });

/**
 * The products of an import body by its media type (415 `unsupported_media_type` for any other),
 * refusing the whole file if it holds more than IMPORT_MAX_PRODUCTS (nothing is written then).
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
  if (rows.length > IMPORT_MAX_PRODUCTS) throw new TooManyProductsError(rows.length);
  if (rows.length === 0)
    throw new ValidationError(
      'The file holds no products',
      [{ path: 'body', message: 'empty' }],
      'empty_import',
    );
  return rows;
};
