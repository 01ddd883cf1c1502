import { z } from 'zod';
import { lineText } from '#platform/text/schema.ts';
import { categoryId } from './schemas.ts';

/** Most categories the store keeps: the whole tree is one Query and one response. */
export const MAX_CATEGORIES = 500;

/** A category as stored and as the back office sees it. */
export const categorySchema = z.object({
  id: z.string().max(64),
  name: z.string().max(100),
  parentId: z.string().max(64).nullable(),
  position: z.number().int(),
  productCount: z.number().int().default(0),
  childCount: z.number().int().default(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().positive(),
});
export type Category = z.infer<typeof categorySchema>;

/** A node of the category tree the store shows. */
export interface CategoryNode {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly children: CategoryNode[];
}

/** The tree as the store receives it (`GET /categories`). */
export const categoryNodeSchema: z.ZodType<CategoryNode> = z.object({
  id: z.string().max(64),
  name: z.string().max(100),
  position: z.number().int(),
  get children() {
    return z.array(categoryNodeSchema).max(MAX_CATEGORIES);
  },
});
export const categoryTreeSchema = z.object({ items: z.array(categoryNodeSchema).max(MAX_CATEGORIES) });

const position = z.number().int().min(0).max(10_000);

/** `POST /admin/categories`: the id is the admin's choice (a slug), so URLs stay readable. */
export const createCategoryInput = z.strictObject({
  id: categoryId,
  name: lineText().trim().min(1).max(100),
  parentId: categoryId.nullable().default(null),
  position: position.default(0),
});
export type CreateCategoryInput = z.infer<typeof createCategoryInput>;

/** `PATCH /admin/categories/{categoryId}`: rename, move (re-parent) or reorder. */
export const updateCategoryInput = z.strictObject({
  version: z.number().int().positive(),
  name: lineText().trim().min(1).max(100).optional(),
  parentId: categoryId.nullable().optional(),
  position: position.optional(),
});
export type UpdateCategoryInput = z.infer<typeof updateCategoryInput>;
