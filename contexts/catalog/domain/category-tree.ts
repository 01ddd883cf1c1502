import type { Category, CategoryNode } from './category-schemas.ts';

const byPosition = (a: CategoryNode, b: CategoryNode) =>
  a.position - b.position || a.name.localeCompare(b.name);

/** The category tree from the flat list: roots and children ordered by position, then name. */
export const buildTree = (categories: readonly Category[]): CategoryNode[] => {
  const nodes = new Map<string, CategoryNode>(
    categories.map((c) => [c.id, { id: c.id, name: c.name, position: c.position, children: [] }]),
  );
  const roots: CategoryNode[] = [];
  for (const c of categories) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    // A dangling parent (should not happen: writes check it) shows the category as a root, not lost.
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: CategoryNode[]) => {
    list.sort(byPosition);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
};

/** True when making `parentId` the parent of `id` would put `id` under itself. */
export const wouldCycle = (categories: readonly Category[], id: string, parentId: string | null): boolean => {
  const parentOf = new Map(categories.map((c) => [c.id, c.parentId]));
  let at = parentId;
  // Bounded by the number of categories, so even corrupt data cannot loop forever.
  for (let steps = 0; at !== null && steps <= categories.length; steps++) {
    if (at === id) return true;
    at = parentOf.get(at) ?? null;
  }
  return false;
};
