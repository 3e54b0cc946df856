/** The page linking a name on sessions to a facilitator record: the name travels in the address. */
export const linkPath = (name: string) => `/facilitators/link/${encodeURIComponent(name)}`;

/** The name back from the address (the router may have decoded it already). */
export function nameFromPath(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}
