import { sql, type RawBuilder } from 'kysely';

/** Escapes LIKE's wildcards so a typed "%" or "_" matches itself. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** `column LIKE '%text%'`: for short lists where a word in the middle should match. */
export function contains(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`;
}
