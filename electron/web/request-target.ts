export interface RequestTarget {
  /** The path with its percent-escapes decoded once, so every rule sees what the file system or router would. */
  path: string;
  query: URLSearchParams;
}

/**
 * Reads the path and query of a request line ("/index%2ehtml?token=..."),
 * or null when it is not a plain path (an absolute URL, `*`) or a
 * percent-escape is malformed ("/%E0%A4%A"): the caller answers 400.
 *
 * It does not resolve "." or ".." segments: the static files are looked up
 * by exact name, so a path spelled any other way simply names no file.
 */
export function parseRequestTarget(raw: string): RequestTarget | null {
  const queryStart = raw.indexOf('?');
  const rawPath = queryStart === -1 ? raw : raw.slice(0, queryStart);
  if (!rawPath.startsWith('/')) return null;
  try {
    return {
      path: decodeURIComponent(rawPath),
      query: new URLSearchParams(queryStart === -1 ? '' : raw.slice(queryStart + 1)),
    };
  } catch {
    return null;
  }
}
