/** Finds a definition entry built somewhere in the stack, by its definition name. */
export interface Lookup<T> {
  /** The entry the definition calls `name`; throws if there is none. */
  get(name: string): T;
}

/**
 * The entries of one kind built so far, across the root stack and every nested stack: what a construct
 * in one stack uses to reference an entry another stack built (CDK turns the reference into a nested
 * stack parameter or output).
 */
export class Built<T> implements Lookup<T> {
  private readonly byName = new Map<string, T>();
  private readonly kind: string;

  /** @param kind what the entries are, for the error on an unknown name (`state machine`) */
  constructor(kind: string) {
    this.kind = kind;
  }

  /** Records the entries one construct built. */
  add(entries: Iterable<readonly [string, T]>): void {
    for (const [name, entry] of entries) this.byName.set(name, entry);
  }

  get(name: string): T {
    const entry = this.byName.get(name);
    if (entry === undefined)
      throw new Error(`The definition refers to ${this.kind} "${name}", which it does not define.`);
    return entry;
  }

  /** Every entry with its definition name. */
  entries(): [string, T][] {
    return [...this.byName.entries()];
  }
}
