import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importBundle } from '../../electron/core/sync/office-import';
import { openCoreInFolder } from '../../electron/host/open-core';

/**
 * Imports one bundle into an office data folder, the way `fieldbook import`
 * does, and prints how long the import took and the process's peak memory.
 * Run as its own process so the memory figure is the import's alone.
 */
const [officeFolder, bundlePath] = process.argv.slice(2) as [string, string];
const core = openCoreInFolder(officeFolder);
const started = performance.now();
const outcome = await importBundle(core.context, readFileSync(bundlePath), { fileName: basename(bundlePath) });
const ms = performance.now() - started;
await core.close();
// maxRSS is in kilobytes.
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ ms, maxRssMb, status: outcome.status, changes: outcome.summary.changes }));
