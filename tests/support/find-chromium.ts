import { accessSync, constants, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

/** What the finder may look at; tests pass a made-up machine. */
export interface Machine {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** Whether a program file is there and may be run. */
  isProgram(path: string): boolean;
}

export type ChromiumSearch = { found: true; path: string } | { found: false; message: string };

export const noChromiumMessage =
  'The end-to-end tests need Chromium or Google Chrome: install it (Debian: apt-get install chromium; ' +
  'Ubuntu: snap install chromium; macOS/Windows: install Google Chrome) or set FIELDBOOK_CHROMIUM to its path.';

const usualPlaces = [
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const windowsInstallRoots = ['ProgramFiles', 'ProgramFiles(x86)', 'LOCALAPPDATA'];

function onPath(machine: Machine, program: string): string[] {
  const windows = machine.platform === 'win32';
  const path = windows ? win32 : posix;
  const folders = (machine.env.PATH ?? machine.env.Path ?? '').split(path.delimiter).filter(Boolean);
  return folders.map((folder) => path.join(folder, windows ? `${program}.exe` : program));
}

/** Every place a browser may be, in the order they are tried. */
export function chromiumCandidates(machine: Machine): string[] {
  const windowsPlaces = windowsInstallRoots
    .map((name) => machine.env[name])
    .filter((root): root is string => Boolean(root))
    .map((root) => win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  return [
    '/usr/bin/chromium',
    ...onPath(machine, 'chromium-browser'),
    ...onPath(machine, 'chromium'),
    ...usualPlaces,
    ...windowsPlaces,
  ];
}

/**
 * The browser the end-to-end tests drive: FIELDBOOK_CHROMIUM when set (and
 * then only it, so a wrong setting is reported rather than quietly passed
 * over), else the first Chromium or Google Chrome in the usual places.
 */
export function findChromium(machine: Machine = thisMachine()): ChromiumSearch {
  const chosen = machine.env.FIELDBOOK_CHROMIUM;
  if (chosen) {
    return machine.isProgram(chosen)
      ? { found: true, path: chosen }
      : { found: false, message: `FIELDBOOK_CHROMIUM is set to "${chosen}", but there is no program there: set it to the path of Chromium or Google Chrome, or unset it.` };
  }
  const path = chromiumCandidates(machine).find((candidate) => machine.isProgram(candidate));
  return path ? { found: true, path } : { found: false, message: noChromiumMessage };
}

function thisMachine(): Machine {
  return {
    env: process.env,
    platform: process.platform,
    isProgram(path) {
      try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
  };
}
