import { readdir } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';

/** Where the app's page is, among the static files; "/" is the same page. */
export const pagePath = '/index.html';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return contentTypes[extname(path)] ?? 'application/octet-stream';
}

/**
 * The built renderer's files, listed once when the host starts: URL path
 * ("/assets/app.js") to the file on disk. A request is served only when its
 * decoded path is exactly one of these names, so no spelling of a path (dot
 * segments, encoded slashes, backslashes, another letter case, Windows'
 * trailing dots) can reach a file outside the folder, or reach the page by a
 * second name that skips the token. Links (symbolic or not) are not followed.
 */
export async function listStaticFiles(folder: string): Promise<Map<string, string>> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch {
    throw new Error(`The screens have not been built yet (${folder} is missing): run \`npm run build\` first.`);
  }
  const files = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const onDisk = join(entry.parentPath, entry.name);
    files.set(`/${relative(folder, onDisk).split(sep).join('/')}`, onDisk);
  }
  return files;
}
