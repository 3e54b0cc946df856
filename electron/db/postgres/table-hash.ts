import { createHash } from 'node:crypto';

/**
 * A table's content hash, computed the same way from rows read out of SQLite
 * and out of PostgreSQL, so equal hashes say the copy holds the same rows.
 *
 * Each row becomes one line of its values in the table's column order, each
 * marked with its kind (text, number, bytes or null), so '1' and 1 or '' and
 * null never hash alike; the table's hash is the sum of its rows' SHA-256
 * (mod 2²⁵⁶). A sum does not depend on the order the rows are read in
 * (SQLite and PostgreSQL need not agree on one for tables without a key) and
 * still counts a repeated row twice.
 */
export class TableHash {
  private sum = 0n;
  rows = 0;

  add(values: readonly unknown[]): void {
    const line = JSON.stringify(values.map(canonicalValue));
    this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(line).digest('hex')}`)) & ((1n << 256n) - 1n);
    this.rows++;
  }

  get hex(): string {
    return this.sum.toString(16).padStart(64, '0');
  }
}

function canonicalValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return `t:${value}`;
  // SQLite's REAL and PostgreSQL's numeric both come back as JavaScript numbers, and bigint within ±2⁵³.
  if (typeof value === 'number' || typeof value === 'bigint') return `n:${String(value)}`;
  if (value instanceof Uint8Array) return `b:${Buffer.from(value).toString('hex')}`;
  throw new Error(`A value of an unexpected kind (${typeof value}) cannot be hashed.`);
}
