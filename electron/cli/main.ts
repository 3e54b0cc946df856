/**
 * `fieldbook` on the command line, e.g. `npx tsx electron/cli/main.ts demo --data /tmp/x`.
 * Only wires the process to runCli: parsing and commands live next door so
 * they can be read and tested without a process.
 */
import { runCli } from './run';

// Progress overwrites one line in place, so only a person at a terminal sees
// it; a log file or a test gets just the summary.
const showProgress = process.stderr.isTTY === true;
let progressOnScreen = false;
const clearProgress = () => {
  if (progressOnScreen) process.stderr.write('\r\x1b[K');
  progressOnScreen = false;
};

process.exitCode = await runCli(process.argv.slice(2), {
  line: (text) => {
    clearProgress();
    process.stdout.write(`${text}\n`);
  },
  error: (text) => {
    clearProgress();
    process.stderr.write(`${text}\n`);
  },
  progress: showProgress
    ? (text) => {
        process.stderr.write(`\r${text}\x1b[K`);
        progressOnScreen = true;
      }
    : undefined,
});
clearProgress();
