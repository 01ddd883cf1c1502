// Pure: the outbox uses it to choose which item of a transaction can carry its events for free, and the
// tests and benches to price writes.

/**
 * The size DynamoDB bills an item at, by its documented rules: attribute names and strings in UTF-8
 * bytes, a number 1 byte plus 1 per two significant digits, null and booleans 1 byte, a list or map
 * 3 bytes plus 1 byte per element, binary its bytes. Write capacity is this size in 1 KB steps, on the table and on every
 * index that projects the item.
 */
export const itemSize = (item: Record<string, unknown>): number =>
  Object.entries(item).reduce(
    (sum, [name, value]) => (value === undefined ? sum : sum + bytes(name) + valueSize(value)),
    0,
  );

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

const valueSize = (value: unknown): number => {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return bytes(value);
  if (value instanceof Uint8Array) return value.byteLength;
  if (typeof value === 'number') {
    const digits = String(Math.abs(value))
      .replace(/[.-]|e.*$/g, '')
      .replace(/^0+|0+$/g, '').length;
    return 1 + Math.ceil(Math.max(digits, 1) / 2);
  }
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0);
  if (typeof value === 'object')
    return (
      3 +
      Object.entries(value as Record<string, unknown>).reduce(
        (sum, [name, v]) => (v === undefined ? sum : sum + 1 + bytes(name) + valueSize(v)),
        0,
      )
    );
  throw new Error(`No DynamoDB size for ${typeof value}`);
};

/** Write capacity units of one write of an item of `size` bytes (on demand: 1 per started KB). */
export const writeUnits = (size: number): number => Math.max(1, Math.ceil(size / 1024));
