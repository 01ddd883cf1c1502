import { createHash } from 'node:crypto';
import type { Category } from '#contexts/catalog/domain/category-schemas.ts';
import type { Product, Variant } from '#contexts/catalog/domain/schemas.ts';

/** A product as the seed writes it: every field of a product, variants included. */
export type SeedProduct = Product;

/** A parent category over two lines, so the demo tree has depth and products sit in two categories. */
const PARENTS: Readonly<Record<string, string>> = { apparel: 'clothing', footwear: 'clothing' };

interface Line {
  readonly category: string;
  readonly items: readonly string[];
  readonly options: Readonly<Record<string, readonly string[]>>;
  /** Base price in EUR cents; USD is derived with a fixed rate and rounded to .99/.49 endings. */
  readonly baseEur: number;
}

const LINES: readonly Line[] = [
  {
    category: 'apparel',
    items: [
      'Merino Crew Tee',
      'Linen Shirt',
      'Organic Hoodie',
      'Rain Shell Jacket',
      'Wool Beanie',
      'Cotton Chinos',
      'Denim Jacket',
      'Fleece Vest',
      'Thermal Leggings',
      'Polo Shirt',
      'Cargo Shorts',
    ],
    options: { size: ['S', 'M', 'L', 'XL'], colour: ['black', 'navy'] },
    baseEur: 3900,
  },
  {
    category: 'footwear',
    items: [
      'Trail Runner',
      'Leather Sneaker',
      'Hiking Boot',
      'Canvas Slip-On',
      'Wool Slipper',
      'Road Racer',
      'Chelsea Boot',
      'Sport Sandal',
      'Winter Boot',
      'Court Classic',
    ],
    options: { size: ['40', '41', '42', '43', '44'] },
    baseEur: 8900,
  },
  {
    category: 'home',
    items: [
      'Stoneware Mug',
      'Pour-Over Kettle',
      'Linen Napkins',
      'Oak Cutting Board',
      'Ceramic Vase',
      'Table Lamp',
      'Wool Throw',
      'Cast Iron Pan',
      'Glass Carafe',
      'Knife Set',
      'Espresso Cups',
    ],
    options: { colour: ['sand', 'slate'] },
    baseEur: 2400,
  },
  {
    category: 'outdoor',
    items: [
      'Daypack 22L',
      'Trekking Poles',
      'Two-Person Tent',
      'Down Sleeping Bag',
      'Camp Stove',
      'Headlamp',
      'Water Filter',
      'Insulated Bottle',
      'Camp Chair',
      'Hammock',
    ],
    options: { colour: ['olive', 'orange'] },
    baseEur: 5900,
  },
  {
    category: 'electronics',
    items: [
      'Wireless Earbuds',
      'USB-C Charger',
      'Portable Speaker',
      'Phone Stand',
      'Power Bank',
      'Smart Plug',
      'Bike Light',
      'Mechanical Keyboard',
      'Webcam HD',
      'Noise-Cancelling Headphones',
    ],
    options: { colour: ['black', 'white'] },
    baseEur: 4900,
  },
];

/** A stable id from a string, so reseeding writes the same items instead of duplicates. */
const stableId = (seed: string): string => {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Every combination of option values: size × colour → one variant each. */
const combinations = (options: Line['options']): Record<string, string>[] =>
  Object.entries(options).reduce<Record<string, string>[]>(
    (acc, [name, values]) => acc.flatMap((combo) => values.map((v) => ({ ...combo, [name]: v }))),
    [{}],
  );

/** USD at a fixed demo rate, ending in 99 cents like shelf prices. */
const usdFrom = (eur: number) => Math.round((eur * 1.08) / 100) * 100 - 1;

/**
 * The demo catalog: 52 products in five categories (two of them under a sixth, `clothing`), each with variants (one per option combination),
 * prices in EUR and USD as integer minor units, and creation times one hour apart. Deterministic.
 */
export const demoCatalog = (base = new Date('2026-01-01T00:00:00.000Z')): SeedProduct[] =>
  LINES.flatMap((line, li) =>
    line.items.map((title, i) => {
      const slug = slugify(title);
      const id = stableId(`product:${slug}`);
      const createdAt = new Date(base.getTime() + (li * 100 + i) * 3_600_000).toISOString();
      const step = (i % 5) * 500;
      const variants: Variant[] = combinations(line.options).map((options, vi) => {
        const eur = line.baseEur + step + (options.size === 'XL' ? 300 : 0);
        return {
          id: stableId(`variant:${slug}:${vi}`),
          sku: `${slug.slice(0, 12).toUpperCase()}-${Object.values(options).join('-').toUpperCase()}`,
          title: `${title} ${Object.values(options).join(' / ')}`,
          options,
          prices: { EUR: eur, USD: usdFrom(eur) },
          weightGrams: 200 + li * 150 + i * 10,
        };
      });
      const min = (c: 'EUR' | 'USD') =>
        Math.min(...variants.map((v) => v.prices[c] ?? Number.POSITIVE_INFINITY));
      return {
        id,
        slug,
        title,
        description: `${title}: part of our ${line.category} range, made to last and easy to love.`,
        status: 'active' as const,
        categoryIds: PARENTS[line.category] ? [line.category, PARENTS[line.category]!] : [line.category],
        images: [`https://images.example.com/products/${slug}.jpg`],
        priceFrom: { EUR: min('EUR'), USD: min('USD') },
        taxClass: 'standard' as const,
        attributes: { line: line.category },
        options: Object.entries(line.options).map(([name, values]) => ({ name, values: [...values] })),
        // The demo catalog is in the default channel only; a second channel names products itself.
        channelIds: [],
        createdAt,
        updatedAt: createdAt,
        version: 1,
        variants,
      };
    }),
  );

const title = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/** The demo category tree: the five lines, apparel and footwear under "clothing". Deterministic. */
export const demoCategories = (
  products: readonly SeedProduct[],
  at = '2026-01-01T00:00:00.000Z',
): Category[] => {
  const ids = [...LINES.map((l) => l.category), ...new Set(Object.values(PARENTS))];
  return ids.map((id, position) => ({
    id,
    name: title(id),
    parentId: PARENTS[id] ?? null,
    position,
    productCount: products.filter((p) => p.categoryIds.includes(id)).length,
    childCount: Object.values(PARENTS).filter((parent) => parent === id).length,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }));
};
