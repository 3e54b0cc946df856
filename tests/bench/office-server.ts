import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcedureInput, ProcedureName } from '../../shared/contract';
import { callerFor } from '../../electron/demo/call';
import { loadDemoData } from '../../electron/demo/load-demo';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { openCoreInFolder } from '../../electron/host/open-core';
import { addStaff } from '../../electron/core/staff/accounts';
import { asStaff } from '../../electron/core/staff/caller';
import { startServeProcess } from '../support/office-server';
import { StaffClient } from '../support/staff-client';
import { percentile, timeMs, type Figure } from './report';

/**
 * The office server under 20 staff at once: each signed in as a coordinator
 * in its own session and connection, issuing a mix of the day's calls
 * (half roster reads, a fifth searches of people, a fifth bookings, a tenth
 * reports) back to back for 60 s against one `fieldbook serve` process over
 * HTTPS (one kept-alive connection per client, as a browser tab keeps), on the demo data. Each kind's p95 is printed beside the same call
 * made in-process through the dispatcher on the same data, one at a time.
 * BENCH_SERVER_SECONDS shortens the run for a quick look.
 */

const CLIENTS = 20;
const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 60);
const PASSWORD = 'bench-coordinator-passphrase';

type Kind = 'roster' | 'search' | 'booking' | 'report';
const MIX: Kind[] = ['roster', 'roster', 'roster', 'roster', 'roster', 'search', 'search', 'booking', 'booking', 'report'];
const SEARCHES = ['sio', 'cla', 'wój', 'pat', 'ahm', 'o’b', 'khan', 'smi', 'jon', 'lee'];

interface Workload {
  sessionIds: string[];
  personIds: string[];
}

function callFor(kind: Kind, work: Workload, n: number): { name: ProcedureName; input: unknown } {
  const sessionId = work.sessionIds[n % work.sessionIds.length]!;
  if (kind === 'roster') return { name: 'signIn.roster', input: { sessionId } satisfies ProcedureInput<'signIn.roster'> };
  if (kind === 'search') return { name: 'people.page', input: { query: SEARCHES[n % SEARCHES.length]!, pageSize: 50 } satisfies ProcedureInput<'people.page'> };
  if (kind === 'booking') {
    return { name: 'bookings.bookPeople', input: { sessionId, personIds: [work.personIds[(n * 7919) % work.personIds.length]!] } satisfies ProcedureInput<'bookings.bookPeople'> };
  }
  const startYear = new Date().getMonth() < 3 ? new Date().getFullYear() - 1 : new Date().getFullYear();
  return { name: 'reports.run', input: { kind: 'training', period: { kind: 'financialYear', startYear }, filters: {} } satisfies ProcedureInput<'reports.run'> };
}

export async function benchOfficeServer(): Promise<Figure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'fieldbook-bench-server-'));
  try {
    // The demo office, with 20 coordinators.
    const core = openCoreInFolder(folder);
    const call = callerFor(createDispatcher(core.handlers));
    await loadDemoData(createDispatcher(core.handlers), { today: new Date(), seed: 7 });
    const sessions = await call('sessions.list', { query: '', limit: 200 });
    const people = await call('people.page', { query: '', pageSize: 200 });
    const work: Workload = { sessionIds: sessions.map((session) => session.id), personIds: people.rows.map((person) => person.id) };
    for (let i = 1; i <= CLIENTS; i++) {
      await core.exclusive(() => addStaff(core.context, { name: `Coordinator ${i}`, email: `coordinator${i}@example.org`, role: 'coordinator', password: PASSWORD, mustChangePassword: false }));
    }
    await core.close();

    const server = await startServeProcess(folder);
    const latencies: Record<Kind, number[]> = { roster: [], search: [], booking: [], report: [] };
    const errors: Record<Kind, number> = { roster: 0, search: 0, booking: 0, report: 0 };
    let clients: StaffClient[] = [];
    try {
      clients = await Promise.all(
        Array.from({ length: CLIENTS }, async (_, i) => {
          const client = new StaffClient(server);
          const signedIn = await client.signIn(`coordinator${i + 1}@example.org`, PASSWORD);
          if (!signedIn.result.ok) throw new Error(`Coordinator ${i + 1} could not sign in: ${signedIn.result.error?.message}`);
          return client;
        }),
      );
      const until = performance.now() + SECONDS * 1000;
      await Promise.all(
        clients.map(async (client, c) => {
          // Bounded: at most this many calls per client, whatever the clock says.
          for (let n = c; n < c + 100_000 && performance.now() < until; n++) {
            const kind = MIX[n % MIX.length]!;
            const { name, input } = callFor(kind, work, n);
            const started = performance.now();
            const answer = await client.call(name, input).catch(() => null);
            latencies[kind].push(performance.now() - started);
            if (!answer?.result.ok) errors[kind]++;
          }
        }),
      );
    } finally {
      for (const client of clients) client.close();
      await server.stop();
    }

    // The same calls in-process, one at a time, on the same data (as a coordinator, so the role check runs too).
    const reopened = openCoreInFolder(folder);
    const dispatch = createDispatcher(reopened.handlers);
    const caller = { staffId: 'bench', name: 'Bench', role: 'coordinator' as const, address: 'in-process' };
    const inProcess: Record<Kind, number[]> = { roster: [], search: [], booking: [], report: [] };
    try {
      for (let n = 0; n < 400; n++) {
        const kind = MIX[n % MIX.length]!;
        const { name, input } = callFor(kind, work, n + 1_000_000);
        inProcess[kind].push(await timeMs(() => asStaff(caller, () => dispatch(name, input))));
      }
    } finally {
      await reopened.close();
    }

    const total = Object.values(latencies).reduce((sum, list) => sum + list.length, 0);
    console.log(`Office server: ${CLIENTS} clients, ${SECONDS} s, ${total.toLocaleString('en-GB')} calls (${(total / SECONDS).toFixed(0)} a second); errors: ${Object.entries(errors).map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
    return (Object.keys(latencies) as Kind[]).map((kind) => ({
      name: `office server, ${CLIENTS} staff: ${kind} (${latencies[kind].length} calls, ${errors[kind]} errors)`,
      value: percentile(latencies[kind], 95),
      statistic: 'p95' as const,
      unit: 'ms' as const,
      baseline: { label: 'same call in-process', value: percentile(inProcess[kind], 95) },
    }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
