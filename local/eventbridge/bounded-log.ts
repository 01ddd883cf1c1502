/** An append-only list that keeps only the newest `limit` items, so a long session cannot grow it forever. */
export interface BoundedLog<T> {
  push(item: T): void;
  list(): T[];
}

export const boundedLog = <T>(limit: number): BoundedLog<T> => {
  const items: T[] = [];
  return {
    push: (item) => {
      items.push(item);
      if (items.length > limit) items.splice(0, items.length - limit);
    },
    list: () => [...items],
  };
};
