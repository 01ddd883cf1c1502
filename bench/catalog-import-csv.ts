// Reading a catalog CSV import into products (no I/O): the median time of `importSource` over a few runs
// for files of 500 products with more and more lines each, and for one product with many lines (a
// product's lines used to be regrouped by copying its list on every line: quadratic in its lines).
// Every file stays inside the route's 2 MiB body limit. Run: `npx tsx bench/catalog-import-csv.ts [runs]`.
// Prints a table; asserts nothing.
import { IMPORT_BODY_LIMIT_BYTES, importSource } from '#contexts/catalog/domain/import-source.ts';

const RUNS = Number(process.argv[2] ?? 5);
const HEADER = 'slug,title,description,sku,option.size,price.EUR';

/** A file of `products` products of `lines` lines each (one variant a line), lines of a product apart. */
const file = (products: number, lines: number) => {
  const rows: string[] = [HEADER];
  for (let l = 0; l < lines; l += 1)
    for (let p = 0; p < products; p += 1)
      rows.push(
        l === 0 ? `p-${p},Product ${p},Text,P${p}-${l},S${l},1000` : `p-${p},,,P${p}-${l},S${l},1000`,
      );
  return rows.join('\n');
};

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const time = (body: string) => {
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    const start = performance.now();
    importSource('text/csv', body);
    runs.push(performance.now() - start);
  }
  return median(runs);
};

const shapes: [number, number][] = [
  [500, 1],
  [500, 10],
  [500, 40],
  [500, 80],
  [1, 5_000],
  [1, 20_000],
  [1, 40_000],
];
console.log('products × lines each | lines  | KiB   | median ms');
for (const [products, lines] of shapes) {
  const body = file(products, lines);
  if (Buffer.byteLength(body) > IMPORT_BODY_LIMIT_BYTES) continue;
  const kib = Math.round(Buffer.byteLength(body) / 1024);
  const row = `${`${products} × ${lines}`.padEnd(21)} | ${String(products * lines).padEnd(6)} | ${String(kib).padEnd(5)} | ${time(body).toFixed(1)}`;
  console.log(row);
}
