// `npm start`: build, then open the Electron app. Where the Electron binary
// is missing and cannot be fetched, say so in one line and point to the
// browser version instead of printing a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronFolder = dirname(require.resolve('electron/package.json'));

function installedBinary() {
  const pathFile = join(electronFolder, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronFolder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function fetchBinary() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  console.log('Fetching the Electron binary (first start only)…');
  // Its own installer; quiet, because a failure is reported in one line below.
  spawnSync(process.execPath, [join(electronFolder, 'install.js')], { stdio: 'ignore' });
  return installedBinary();
}

const binary = installedBinary() ?? fetchBinary();
if (!binary) {
  console.error('The Electron app cannot open: its binary is not installed on this machine. Run `npm run web` to use Fieldbook in a browser instead.');
  process.exit(1);
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawnSync(binary, ['.'], { stdio: 'inherit' });
process.exit(app.status ?? 0);
