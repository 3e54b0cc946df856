/**
 * A column of small integers that grows as rows are appended: the facts keep
 * a million rows, so each column is one typed array (4 bytes or 1 a row), not
 * a JavaScript array of numbers or an object a row.
 */
export class IntColumn<T extends Int32Array | Int8Array> {
  private data: T;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index]!;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** The filled part, for a tight loop (a view: valid until the next push). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }

  clear(): void {
    this.length = 0;
  }

  /** Bytes held, for the memory figure in docs/benchmarks.md. */
  get bytes(): number {
    return this.data.byteLength;
  }
}

export const int32Column = () => new IntColumn<Int32Array>((size) => new Int32Array(size));
export const int8Column = () => new IntColumn<Int8Array>((size) => new Int8Array(size));

/**
 * Ids given stable small numbers in the order first met: a row's number never
 * changes while the database is open, so rows of other tables can hold it.
 */
export class IdNumbers {
  private readonly numbers = new Map<string, number>();
  readonly ids: string[] = [];

  numberOf(id: string): number | undefined {
    return this.numbers.get(id);
  }

  /** The id's number, given it now if it has none. */
  add(id: string): number {
    let found = this.numbers.get(id);
    if (found === undefined) {
      found = this.ids.length;
      this.numbers.set(id, found);
      this.ids.push(id);
    }
    return found;
  }

  get size(): number {
    return this.ids.length;
  }
}
