import { describe, expect, it } from 'vitest';
import { findChromium, noChromiumMessage, type Machine } from '../support/find-chromium';

/** A made-up computer: its environment, and the only program files it has. */
function machine(platform: NodeJS.Platform, programs: string[], env: Record<string, string> = {}): Machine {
  const present = new Set(programs);
  return { platform, env, isProgram: (path) => present.has(path) };
}

const linuxPath = { PATH: '/usr/local/bin:/usr/bin:/bin' };

describe('finding a browser for the end-to-end tests', () => {
  it('uses FIELDBOOK_CHROMIUM before anything installed', () => {
    const computer = machine('linux', ['/opt/my-chromium/chrome', '/usr/bin/chromium'], { ...linuxPath, FIELDBOOK_CHROMIUM: '/opt/my-chromium/chrome' });
    expect(findChromium(computer)).toEqual({ found: true, path: '/opt/my-chromium/chrome' });
  });

  it('says so when FIELDBOOK_CHROMIUM names no program, rather than quietly using another browser', () => {
    const search = findChromium(machine('linux', ['/usr/bin/chromium'], { FIELDBOOK_CHROMIUM: '/opt/gone/chrome' }));
    expect(search).toEqual({ found: false, message: expect.stringContaining('FIELDBOOK_CHROMIUM is set to "/opt/gone/chrome"') });
  });

  it("prefers Debian's Chromium, then chromium-browser and chromium on PATH", () => {
    const everything = ['/usr/bin/chromium', '/usr/local/bin/chromium-browser', '/bin/chromium', '/usr/bin/google-chrome'];
    expect(findChromium(machine('linux', everything, linuxPath))).toEqual({ found: true, path: '/usr/bin/chromium' });
    expect(findChromium(machine('linux', everything.slice(1), linuxPath))).toEqual({ found: true, path: '/usr/local/bin/chromium-browser' });
    expect(findChromium(machine('linux', everything.slice(2), linuxPath))).toEqual({ found: true, path: '/bin/chromium' });
  });

  it('finds Google Chrome or Chromium where Linux installs put them', () => {
    for (const place of ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium']) {
      expect(findChromium(machine('linux', [place], linuxPath))).toEqual({ found: true, path: place });
    }
  });

  it('finds Google Chrome or Chromium in the Applications folder on macOS', () => {
    for (const place of ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium']) {
      expect(findChromium(machine('darwin', [place], { PATH: '/usr/bin:/bin' }))).toEqual({ found: true, path: place });
    }
  });

  it('finds Google Chrome under Program Files, Program Files (x86) or the local app data folder on Windows', () => {
    const env = {
      Path: 'C:\\Windows\\system32;C:\\Windows',
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\amira\\AppData\\Local',
    };
    for (const place of [
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\amira\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    ]) {
      expect(findChromium(machine('win32', [place], env))).toEqual({ found: true, path: place });
    }
    expect(findChromium(machine('win32', ['C:\\Windows\\chromium.exe'], env))).toEqual({ found: true, path: 'C:\\Windows\\chromium.exe' });
  });

  it('says in one sentence how to install a browser when there is none', () => {
    const search = findChromium(machine('linux', ['/usr/bin/firefox'], linuxPath));
    expect(search).toEqual({ found: false, message: noChromiumMessage });
    expect(noChromiumMessage).toMatch(/^The end-to-end tests need Chromium or Google Chrome: .*apt-get install chromium.*FIELDBOOK_CHROMIUM[^.]*\.$/);
  });
});
