import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

/**
 * A duplicate the office merged into another person keeps its own rows
 * (terms, sign-ins); for membership they all count for the person kept, at
 * the end of the chain of merges.
 */
export interface MergedPeople {
  /** The person kept for this one (itself when never merged). */
  keptFor(personId: string): string;
  /** Everyone whose rows count for the kept person, the kept person included. */
  countingFor(keptId: string): string[];
}

export async function mergedPeople(db: Kysely<Schema> | Transaction<Schema>): Promise<MergedPeople> {
  // Merges are rare, so the whole map is small.
  const rows = await db.selectFrom('people').select(['id', 'merged_into']).where('merged_into', 'is not', null).execute();
  const into = new Map(rows.map((row) => [row.id, row.merged_into as string]));
  const keptFor = (personId: string): string => {
    let current = personId;
    // A cycle would be a damaged file; the bound stops at it rather than looping.
    for (let step = 0; step <= into.size && into.has(current); step += 1) current = into.get(current)!;
    return current;
  };
  const counting = new Map<string, string[]>();
  for (const id of into.keys()) {
    const kept = keptFor(id);
    counting.set(kept, [...(counting.get(kept) ?? [kept]), id]);
  }
  return { keptFor, countingFor: (keptId) => counting.get(keptId) ?? [keptId] };
}
