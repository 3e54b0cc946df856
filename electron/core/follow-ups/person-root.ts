/** Each person's record kept after merges: a merged record's sign-ins and codes count as the kept one's. */
export const PERSON_ROOT = `root(id, root) AS (
  SELECT id, id FROM people WHERE merged_into IS NULL
  UNION ALL SELECT p.id, r.root FROM people p JOIN root r ON p.merged_into = r.id
)`;
