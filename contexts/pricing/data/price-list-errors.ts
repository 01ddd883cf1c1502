import { NotFoundError } from '#platform/errors/index.ts';

/** 404 `price_list_not_found`: no such list (or it was deleted meanwhile). */
export const priceListNotFound = (id: string) =>
  new NotFoundError(`Price list ${id} does not exist`, 'price_list_not_found');
