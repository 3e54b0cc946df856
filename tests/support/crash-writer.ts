/**
 * The child process of the crash test (tests/integration/crash.test.ts):
 * opens the core on a data folder, as the app does, and signs in everyone
 * still only booked on today's session, one by one through the dispatcher.
 * It prints "signed <personId>" only after the call has come back ok, so every
 * printed line is a sign-in the user was told is saved. The parent kills it
 * with SIGKILL at a random moment.
 *
 *   node --import tsx tests/support/crash-writer.ts <data folder>
 */
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { openCoreInFolder } from '../../electron/host/open-core';
import { callerFor } from './temp-core';

const dataFolder = process.argv[2];
if (!dataFolder) {
  process.stderr.write('usage: crash-writer.ts <data folder>\n');
  process.exit(2);
}

const core = openCoreInFolder(dataFolder);
const dispatch = createDispatcher(core.handlers, (message, error) => process.stderr.write(`${message}: ${String(error)}\n`));
const call = callerFor(dispatch);

const [today] = await call('signIn.today', {});
if (!today) {
  process.stderr.write('No session today to sign people in to.\n');
  process.exit(1);
}
const sessionId = today.session.id;
const roster = await call('signIn.roster', { sessionId });

for (const entry of roster.entries) {
  if (entry.state !== 'booked') continue;
  const result = await dispatch('signIn.signIn', { sessionId, personId: entry.personId });
  if (!result.ok) {
    process.stderr.write(`failed ${entry.personId}: ${result.error.code}: ${result.error.message}\n`);
    process.exit(1);
  }
  // Writes to a pipe are synchronous on Linux: once this returns, the parent will read the line.
  process.stdout.write(`signed ${entry.personId}\n`);
}

process.stdout.write('done\n');
await core.close();
