import { AppError } from '#platform/errors/index.ts';

/**
 * Most products one import request may carry. Each is one transaction (two requests for an update),
 * written a few at a time: 500 finish in a few seconds on DynamoDB, well inside API Gateway's 30 s
 * integration timeout and the function's own timeout. Bigger catalogs are split into several files.
 */
export const IMPORT_MAX_PRODUCTS = 500;

/**
 * 413 `too_many_products`: the file holds more products than one request may. Readers stop at the
 * first product past the cap, so the detail says "more than", never a count of the whole file.
 */
export class TooManyProductsError extends AppError {
  constructor() {
    super({
      status: 413,
      code: 'too_many_products',
      title: 'Payload too large',
      detail: `The file holds more than ${IMPORT_MAX_PRODUCTS} products; one import takes at most ${IMPORT_MAX_PRODUCTS}: split it`,
    });
  }
}
