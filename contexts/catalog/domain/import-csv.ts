import { parse } from 'csv-parse/sync';
import { AppError, type FieldIssue, ValidationError } from '#platform/errors/index.ts';
import { IMPORT_MAX_PRODUCTS, TooManyProductsError } from './import-limits.ts';
import { currencyCode } from './schemas.ts';
import type { SourceRow } from './source-row.ts';

type Cells = Record<string, string>;

/** Columns that describe the product; on a product's later lines they may stay empty. */
const PRODUCT_COLUMNS = [
  'id',
  'version',
  'slug',
  'title',
  'description',
  'categories',
  'images',
  'tax_class',
];
const VARIANT_COLUMNS = ['sku', 'variant_title', 'weight_grams', 'barcode'];
const PREFIXES = ['attribute.', 'option.', 'price.'];

const headerError = (errors: FieldIssue[]) =>
  new ValidationError('The CSV header is not valid', errors, 'invalid_csv_header');

/** Checks the header once, so a misspelt column fails the file instead of silently dropping data. */
const checkHeader = (header: string[]): string[] => {
  const names = header.map((h) => h.trim());
  const errors: FieldIssue[] = [];
  names.forEach((name, i) => {
    const known =
      PRODUCT_COLUMNS.includes(name) ||
      VARIANT_COLUMNS.includes(name) ||
      PREFIXES.some((p) => name.startsWith(p) && name.length > p.length);
    if (!known) errors.push({ path: `column ${i + 1}`, message: `unknown column "${name}"` });
    else if (name.startsWith('price.') && !currencyCode.safeParse(name.slice(6)).success)
      errors.push({ path: `column ${i + 1}`, message: `unknown currency "${name.slice(6)}"` });
    if (names.indexOf(name) !== i) errors.push({ path: `column ${i + 1}`, message: `"${name}" repeats` });
  });
  if (!names.includes('slug')) errors.push({ path: 'header', message: 'a "slug" column is required' });
  if (errors.length > 0) throw headerError(errors);
  return names;
};

/** A whole number stays a number; anything else stays text, so validation names the cell. */
const numberOrText = (text: string): number | string => (/^-?\d+$/.test(text) ? Number(text) : text);
const list = (text: string) =>
  text
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
const prefixed = (cells: Cells, prefix: string) =>
  Object.entries(cells)
    .filter(([k, v]) => k.startsWith(prefix) && v !== '')
    .map(([k, v]) => [k.slice(prefix.length), v] as const);

/** The product's fields from its first line; a later line may repeat them but not contradict them. */
const productFields = (lines: readonly { line: number; cells: Cells }[]) => {
  const first = lines[0]!.cells;
  const errors: FieldIssue[] = [];
  for (const { line, cells } of lines.slice(1))
    for (const [k, v] of Object.entries(cells))
      if ((PRODUCT_COLUMNS.includes(k) || k.startsWith('attribute.')) && v !== '' && v !== first[k])
        errors.push({ path: `line ${line}.${k}`, message: `differs from the product's first line` });
  if (errors.length > 0)
    throw new ValidationError("The product's lines disagree", errors, 'inconsistent_product_lines');
  const text = (k: string) => (first[k] ? { [k]: first[k] } : {});
  const attributes = Object.fromEntries(prefixed(first, 'attribute.'));
  return {
    ...(first.id ? { id: first.id } : {}),
    ...(first.version ? { version: numberOrText(first.version) } : {}),
    slug: first.slug,
    ...text('title'),
    ...text('description'),
    ...(first.categories ? { categoryIds: list(first.categories) } : {}),
    ...(first.images ? { images: list(first.images) } : {}),
    ...(first.tax_class ? { taxClass: first.tax_class } : {}),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  };
};

const variantOf = (cells: Cells) => {
  const options = Object.fromEntries(prefixed(cells, 'option.'));
  return {
    sku: cells.sku,
    title: cells.variant_title || Object.values(options).join(' / ') || cells.sku,
    options,
    prices: Object.fromEntries(prefixed(cells, 'price.').map(([c, v]) => [c, numberOrText(v)])),
    ...(cells.weight_grams ? { weightGrams: numberOrText(cells.weight_grams) } : {}),
    ...(cells.barcode ? { barcode: cells.barcode } : {}),
  };
};

/** Declared options: each `option.<name>` column any variant fills, values in order of appearance. */
const optionsOf = (variants: readonly { options: Record<string, string> }[]) => {
  const options = new Map<string, Set<string>>();
  for (const v of variants)
    for (const [name, value] of Object.entries(v.options)) {
      const values = options.get(name) ?? new Set<string>();
      values.add(value);
      options.set(name, values);
    }
  return [...options].map(([name, values]) => ({ name, values: [...values] }));
};

type Line = { line: number; cells: Cells };

/**
 * Reads the file record by record into products: a product's lines gathered under its slug in a Map
 * (linear however many lines a product has), a line without a slug kept apart as a failed product. The
 * first product past IMPORT_MAX_PRODUCTS ends the reading with a 413: the rest is never parsed. A
 * malformed file (an unclosed quote, a ragged line) is a 400 for the whole file.
 */
const readProducts = (body: string) => {
  const bySlug = new Map<string, Line[]>();
  const slugless: Line[] = [];
  const take = (cells: Cells, { lines }: { lines: number }) => {
    // `lines` is the line a record ends on; a quoted cell may span lines.
    const line = lines - Object.values(cells).join('').split('\n').length + 1;
    const slug = cells.slug ?? '';
    const known = slug === '' ? undefined : bySlug.get(slug);
    if (known) known.push({ line, cells });
    else if (bySlug.size + slugless.length === IMPORT_MAX_PRODUCTS) throw new TooManyProductsError();
    else if (slug === '') slugless.push({ line, cells });
    else bySlug.set(slug, [{ line, cells }]);
    return null; // gathered here, so the parser keeps no array of its own
  };
  try {
    parse(body, { columns: checkHeader, bom: true, trim: true, skip_empty_lines: true, on_record: take });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : 'unreadable';
    throw new ValidationError('The CSV cannot be read', [{ path: 'body', message }], 'invalid_csv');
  }
  return { bySlug, slugless };
};

const productRow = (lines: readonly Line[]): SourceRow => {
  const row = lines[0]!.line;
  try {
    const variants = lines.filter((l) => l.cells.sku).map((l) => variantOf(l.cells));
    const options = optionsOf(variants);
    return { row, value: { ...productFields(lines), ...(options.length ? { options } : {}), variants } };
  } catch (error) {
    return { row, error: error as ValidationError };
  }
};

/**
 * The products of a CSV import: one line per variant, lines of a product grouped by `slug` (product
 * columns filled on its first line at least). See docs/catalog.md for the columns.
 */
export const csvProducts = (body: string): SourceRow[] => {
  const { bySlug, slugless } = readProducts(body);
  const rows: SourceRow[] = slugless.map(({ line }) => {
    const issue = { path: `line ${line}.slug`, message: 'required' };
    return { row: line, error: new ValidationError('The line has no slug', [issue]) };
  });
  for (const lines of bySlug.values()) rows.push(productRow(lines));
  return rows.sort((a, b) => a.row - b.row);
};
