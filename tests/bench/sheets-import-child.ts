import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openCoreInFolder } from '../../electron/host/open-core';
import { sheetCourses } from './sheets';

/**
 * Previews or imports one attendance sheet in an office data folder through
 * the core's procedures (`sheets.preview` / `sheets.import`, as the screens
 * and `fieldbook import-sheet` call them), and prints how long it took and
 * the process's peak memory. Run as its own process so the memory figure is
 * this one call's alone. The file is read and base64-encoded (what the
 * procedures carry) before the clock starts; decoding it is timed.
 */
const [mode, officeFolder, sheetPath] = process.argv.slice(2) as ['preview' | 'import', string, string];
const core = openCoreInFolder(officeFolder);
const file = { kind: 'attendance' as const, fileName: basename(sheetPath), contentBase64: readFileSync(sheetPath).toString('base64') };
// The office confirms the sheet's new courses, as on screen; the list is known before the import's clock starts.
const confirmedCourses = mode === 'import' ? sheetCourses() : [];
const input = { ...file, confirmedCourses };
const started = performance.now();
const preview = await core.handlers[mode === 'import' ? 'sheets.import' : 'sheets.preview'](input);
const ms = performance.now() - started;
await core.close();
// maxRSS is in kilobytes.
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  JSON.stringify({
    ms,
    maxRssMb,
    imported: preview.imported,
    rowsRead: preview.rowsRead,
    refused: preview.refusedCount,
    people: preview.people.new,
    matched: preview.people.matched,
    likelyDuplicates: preview.people.likelyDuplicateCount,
    organisations: preview.organisations.new.length,
    sessions: preview.sessions.new,
    signIns: preview.signIns.new,
  }),
);
