import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { reportKinds, type ReportChoice, type ReportKind } from '../../shared/contract';
import { reportFacts } from '../../electron/core/reports/facts/report-facts';
import { reportScope } from '../../electron/core/reports/scope';
import { encodeHlc } from '../../electron/sync/hlc';
import { changeReportBySql } from '../support/change-by-sql';
import { percentile, timeMs, type Figure } from './report';
import { CONTRACT_YEAR_START, FIRST_DAY, LAST_DAY, SIZES, removeReportsData, reportsData, type ReportsData } from './reports-data';

/**
 * Reports over five years of one busy organisation (reports-data.ts): each
 * report kind through reports.run, the same path the app takes (checked
 * input, the core, checked output), for the City contract's 2024–25 year
 * and for all five years, beside one hand-written SQL aggregate of the
 * report's headline figure on the same database. Then the XLSX export of
 * the training report, and the membership report over 20,000 members.
 */

const REPORT_BUDGET_MS = 100;
const EXPORT_BUDGET_MS = 1000;
/** Each figure takes at least this many runs, and more while it has had less than SPREAD_MS of runs (up to MAX_RUNS). */
const MIN_RUNS = 5;
const MAX_RUNS = 40;
const SPREAD_MS = 8000;

async function samples(work: () => unknown): Promise<number[]> {
  await work(); // the first run prepares statements and warms the page cache; the app's first report does the same once
  const taken: number[] = [];
  let spent = 0;
  while (taken.length < MIN_RUNS || (spent < SPREAD_MS && taken.length < MAX_RUNS)) {
    const ms = await timeMs(work);
    taken.push(ms);
    spent += ms;
  }
  return taken;
}

interface Period {
  label: string;
  choice: Omit<ReportChoice, 'kind'>;
  /** The same period as SQL parameters for the baselines. */
  from: string;
  toNext: string;
  contractId: string | null;
}

function periods(data: ReportsData): Period[] {
  return [
    {
      label: `contract year ${CONTRACT_YEAR_START}–${String(CONTRACT_YEAR_START + 1).slice(2)}`,
      choice: { period: { kind: 'contractYear', contractId: data.contractId, startYear: CONTRACT_YEAR_START }, asOf: LAST_DAY, filters: { contractId: data.contractId } },
      from: `${CONTRACT_YEAR_START}-08-01`,
      toNext: `${CONTRACT_YEAR_START + 1}-08-01`,
      contractId: data.contractId,
    },
    {
      label: 'five years',
      choice: { period: { kind: 'custom', from: FIRST_DAY, to: LAST_DAY }, asOf: LAST_DAY, filters: {} },
      from: FIRST_DAY,
      toNext: '2026-08-01',
      contractId: null,
    },
  ];
}

/**
 * The hand-written aggregates: the headline figure of each report written
 * straight against the tables, as someone with a SQL prompt would. Each
 * follows merges to the end and counts a person's latest sign-in fact.
 */
const ATTENDED = `
  WITH RECURSIVE chain(id, root) AS (
    SELECT id, merged_into FROM people WHERE merged_into IS NOT NULL
    UNION SELECT c.id, p.merged_into FROM chain c JOIN people p ON p.id = c.root WHERE p.merged_into IS NOT NULL
  ),
  kept(id, root) AS (SELECT c.id, c.root FROM chain c JOIN people p ON p.id = c.root WHERE p.merged_into IS NULL),
  facts AS (
    SELECT si.session_id, si.person_id, si.kind, MAX(si.hlc) FROM sign_ins si JOIN sessions s ON s.id = si.session_id
    WHERE s.starts_at >= @from AND s.starts_at < @toNext AND s.status <> 'cancelled' AND (@contractId IS NULL OR s.contract_id = @contractId)
    GROUP BY si.session_id, si.person_id
  ),
  attended AS (SELECT DISTINCT session_id, COALESCE(k.root, f.person_id) AS person_id FROM facts f LEFT JOIN kept k ON k.id = f.person_id WHERE f.kind = 'sign_in')`;
const RESPONSES = `
  SELECT r.answers FROM evaluation_responses r JOIN sessions s ON s.id = r.session_id
  WHERE s.starts_at >= @from AND s.starts_at < @toNext AND s.status <> 'cancelled' AND (@contractId IS NULL OR s.contract_id = @contractId)`;

const baselines: Partial<Record<ReportKind, { label: string; sql: string }>> = {
  training: { label: 'COUNT(DISTINCT person) of attendance', sql: `${ATTENDED} SELECT COUNT(DISTINCT person_id) FROM attended` },
  confidence: {
    label: 'paired and increased over the responses',
    sql: `SELECT COUNT(*), SUM(json_extract(answers, '$.confidence.after') > json_extract(answers, '$.confidence.before')) FROM (${RESPONSES})
          WHERE json_type(answers, '$.confidence.before') = 'integer' AND json_type(answers, '$.confidence.after') = 'integer'`,
  },
  outcomes: {
    label: 'ratings and mean per question',
    sql: `SELECT a.key, COUNT(*), AVG(a.value) FROM (${RESPONSES}) x JOIN json_each(x.answers) a WHERE a.type = 'integer' GROUP BY a.key`,
  },
  change: {
    label: 'confidence paired before and after, and higher',
    sql: `WITH a AS (
            SELECT r.session_id, COALESCE(r.person_id, r.pairing_code) AS who, r.moment,
              CASE WHEN r.moment = 'after' THEN json_extract(r.answers, '$.confidence.after') ELSE json_extract(r.answers, '$.confidence') END AS v
            FROM evaluation_responses r JOIN sessions s ON s.id = r.session_id
            WHERE s.starts_at >= @from AND s.starts_at < @toNext AND s.status <> 'cancelled' AND (@contractId IS NULL OR s.contract_id = @contractId)
          )
          SELECT COUNT(*), SUM(after > before) FROM (
            SELECT MAX(CASE WHEN moment = 'before' THEN v END) AS before, MAX(CASE WHEN moment = 'after' THEN v END) AS after
            FROM a WHERE who IS NOT NULL AND typeof(v) = 'integer' GROUP BY session_id, who
          ) WHERE before IS NOT NULL AND after IS NOT NULL`,
  },
  equality: {
    label: 'people trained by ethnicity',
    sql: `${ATTENDED} SELECT COALESCE(e.ethnicity, 'not-answered'), COUNT(*) FROM (SELECT DISTINCT person_id FROM attended) t
          LEFT JOIN equality_answers e ON e.person_id = t.person_id GROUP BY 1`,
  },
};

async function reportFigures(data: ReportsData, kind: ReportKind, period: Period): Promise<Figure> {
  const choice = { kind, ...period.choice } as ReportChoice;
  const taken = await samples(() => data.call('reports.run', choice));
  const baseline = baselines[kind];
  let raw: number | undefined;
  if (baseline) {
    const statement: Statement = data.core.database.sqlite.prepare(baseline.sql);
    const params = { from: period.from, toNext: period.toNext, contractId: period.contractId };
    raw = percentile(await samples(() => statement.all(params)), 95);
  }
  return {
    name: `reports.run ${kind}, ${period.label}`,
    value: percentile(taken, 95),
    statistic: 'p95',
    unit: 'ms',
    budget: REPORT_BUDGET_MS,
    ...(baseline && raw !== undefined ? { baseline: { label: baseline.label, value: raw } } : {}),
  };
}

/** The hand-written count must agree with the report's, or the baseline is timing something else. */
async function checkTraining(data: ReportsData, period: Period): Promise<void> {
  const report = await data.call('reports.run', { kind: 'training', ...period.choice } as ReportChoice);
  const raw = data.core.database.sqlite.prepare(baselines.training!.sql).pluck().get({ from: period.from, toNext: period.toNext, contractId: period.contractId });
  if (report.data.peopleTrained !== raw) throw new Error(`The training report counts ${String(report.data.peopleTrained)} people trained; the SQL baseline counts ${String(raw)}.`);
  console.log(`  ${period.label}: ${String(report.data.peopleTrained)} people trained, ${String(report.data.attendances)} attendances, ${String(report.data.sessions)} sessions`);
}

async function exportFigure(data: ReportsData, period: Period): Promise<Figure> {
  const choice = { kind: 'training', ...period.choice } as ReportChoice;
  const taken = await samples(() => data.call('reports.export', { choice, format: 'xlsx' }));
  const byOrganisation = data.core.database.sqlite.prepare(`${ATTENDED} SELECT p.organisation_id, COUNT(DISTINCT a.person_id), COUNT(*) FROM attended a JOIN people p ON p.id = a.person_id GROUP BY 1`);
  const raw = await samples(() => byOrganisation.all({ from: period.from, toNext: period.toNext, contractId: period.contractId }));
  return {
    name: `reports.export training as XLSX (a sheet per table, by organisation included), ${period.label}`,
    value: percentile(taken, 95),
    statistic: 'p95',
    unit: 'ms',
    budget: EXPORT_BUDGET_MS,
    baseline: { label: 'people and attendances by organisation', value: percentile(raw, 95) },
  };
}

/**
 * The membership report: joining dates over the five years, as of their
 * last day, counted from the members' typed columns (facts/member-facts.ts).
 * The hand-written count of first terms in the period must agree with the
 * report's, or the baseline is timing something else. Then the report
 * straight after a new term (the terms read again and the members' columns
 * worked out again), timed once.
 */
async function membershipFigures(data: ReportsData): Promise<Figure[]> {
  const choice: ReportChoice = { kind: 'membership', period: { kind: 'custom', from: FIRST_DAY, to: LAST_DAY }, asOf: LAST_DAY, filters: { schemeId: data.schemeId } };
  const sqlite = data.core.database.sqlite;
  const joined = sqlite.prepare(
    `SELECT COUNT(*), COUNT(DISTINCT organisation_id) FROM (SELECT person_id, organisation_id, MIN(starts_on) AS first FROM membership_terms WHERE scheme_id = ? GROUP BY person_id)
     WHERE first BETWEEN ? AND ?`,
  );
  const report = (await data.call('reports.run', choice)).data as { joined: number; organisations: number; trained: number; renewed: number; lapsed: number };
  const [rawJoined, rawOrganisations] = joined.raw().get(data.schemeId, FIRST_DAY, LAST_DAY) as [number, number];
  if (report.joined !== rawJoined || report.organisations !== rawOrganisations) {
    throw new Error(`The membership report counts ${report.joined} joined from ${report.organisations} organisations; the SQL baseline counts ${rawJoined} from ${rawOrganisations}.`);
  }
  console.log(`  membership: ${report.joined} joined from ${report.organisations} organisations, ${report.trained} trained, ${report.renewed} renewals, ${report.lapsed} lapsed`);
  const taken = await samples(() => data.call('reports.run', choice));
  const raw = await samples(() => joined.all(data.schemeId, FIRST_DAY, LAST_DAY));
  // A new member's term, written as another process's import would write it: the trigger alone tells the facts.
  const personId = sqlite.prepare('SELECT id FROM people WHERE merged_into IS NULL AND id NOT IN (SELECT person_id FROM membership_terms) LIMIT 1').pluck().get() as string;
  sqlite
    .prepare(
      `INSERT INTO membership_terms (id, scheme_id, person_id, starts_on, ends_on, origin, organisation_id, created_at)
       VALUES ('e1ffffff-0000-7000-8000-000000000001', ?, ?, '2026-07-01', '2027-04-30', 'new', NULL, '2026-07-01T09:00:00.000Z')`,
    )
    .run(data.schemeId, personId);
  let after = 0;
  const afterJoin = await timeMs(async () => (after = ((await data.call('reports.run', choice)).data as { joined: number }).joined));
  if (after !== report.joined + 1) throw new Error(`After a new member joined the membership report counts ${after} joined, not ${report.joined + 1}.`);
  return [
    {
      name: `reports.run membership, ${SIZES.members.toLocaleString('en-GB')} members, five years of joining`,
      value: percentile(taken, 95),
      statistic: 'p95',
      unit: 'ms',
      budget: REPORT_BUDGET_MS,
      baseline: { label: 'joined and their organisations', value: percentile(raw, 95) },
    },
    { name: 'reports.run membership straight after a new term (terms read again, members worked out again)', value: afterJoin, statistic: 'total', unit: 'ms' },
  ];
}

const MB = 2 ** 20;
const heapNow = () => {
  // Run with NODE_OPTIONS=--expose-gc for a heap figure without garbage in it.
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
};

/**
 * The first report after opening the database builds the facts the reports
 * count from (facts/report-facts.ts): timed once, with the memory they hold.
 */
async function coldBuild(data: ReportsData, period: Period): Promise<Figure[]> {
  const heapBefore = heapNow();
  const ms = await timeMs(() => data.call('reports.run', { kind: 'training', ...period.choice } as ReportChoice));
  const heapAfter = heapNow();
  const facts = reportFacts(data.core.database.sqlite);
  return [
    { name: `first report after opening (the facts built from the database, then training, ${period.label})`, value: ms, statistic: 'total', unit: 'ms' },
    { name: 'memory the facts hold: typed columns', value: facts.columnBytes / MB, statistic: 'total', unit: 'MB' },
    { name: 'memory the facts hold: JavaScript heap and buffers grown by the first report', value: (heapAfter - heapBefore) / MB, statistic: 'total', unit: 'MB' },
  ];
}

/**
 * Never stale, at a cost: a report straight after a write. New sign-in facts
 * (the venue's write) are read on from the last row held, one session's
 * facts again; a merge reads people again; a cancelled session the sessions.
 * The writes are raw statements, as an import from another process would
 * make them, so the triggers alone tell the facts.
 */
async function afterWrites(data: ReportsData, period: Period): Promise<Figure[]> {
  const sqlite = data.core.database.sqlite;
  const choice = { kind: 'training', ...period.choice } as ReportChoice;
  const run = () => data.call('reports.run', choice);
  const deviceId = sqlite.prepare('SELECT id FROM device').pluck().get() as string;
  const sessionId = sqlite
    .prepare("SELECT id FROM sessions WHERE contract_id = ? AND starts_at >= ? AND status <> 'cancelled' ORDER BY starts_at LIMIT 1")
    .pluck()
    .get(period.contractId, period.from) as string;
  const insert = sqlite.prepare(
    "INSERT INTO sign_ins (id, session_id, person_id, kind, method, corrects_id, hlc, recorded_at, device_id) VALUES (?, ?, ?, 'sign_in', 'kiosk', NULL, ?, ?, ?)",
  );
  const people = sqlite.prepare('SELECT id FROM people WHERE merged_into IS NULL ORDER BY rowid DESC LIMIT 40').pluck().all() as string[];
  const before = (await run()).data.attendances as number;
  const taken: number[] = [];
  for (const [n, personId] of people.entries()) {
    const wallMs = Date.parse('2026-07-31T12:00:00Z') + n * 1000;
    insert.run(`f9000000-0000-7000-8000-${String(n).padStart(12, '0')}`, sessionId, personId, encodeHlc({ wallMs, counter: 0, deviceId }), new Date(wallMs).toISOString(), deviceId);
    taken.push(await timeMs(run));
  }
  const after = (await run()).data.attendances as number;
  if (after < before) throw new Error(`After ${people.length} new sign-ins the report counts ${after} attendances, fewer than the ${before} before.`);
  sqlite.prepare('UPDATE people SET merged_into = ? WHERE id = ?').run(people[0], people[1]);
  const merged = await timeMs(run);
  sqlite.prepare("UPDATE sessions SET status = 'cancelled' WHERE id = ?").run(sessionId);
  const cancelled = await timeMs(run);
  return [
    { name: `reports.run training, ${period.label}, straight after each new sign-in fact (${people.length} of them)`, value: percentile(taken, 95), statistic: 'p95', unit: 'ms', budget: REPORT_BUDGET_MS },
    { name: `reports.run training, ${period.label}, straight after a merge (people read again)`, value: merged, statistic: 'total', unit: 'ms' },
    { name: `reports.run training, ${period.label}, straight after a session is cancelled (sessions read again)`, value: cancelled, statistic: 'total', unit: 'ms' },
  ];
}

/**
 * The data set's answers are all at the end of the session, so the change
 * report above pairs nothing. Here every answer gains a "before" answer by
 * the same person (or, anonymous, the same pairing code given to both): its
 * confidence the "before today" rating the after answer gave (3 where it gave
 * none), its outcomes as rated after. Written with raw statements (the
 * answers' version moves, so the facts read every answer again: timed once),
 * then the change report for both periods with 600,000 answers and 300,000
 * pairs, beside the hand-written pairing in the same run.
 */
async function changeWithPairs(data: ReportsData, chosen: Period[]): Promise<Figure[]> {
  const sqlite = data.core.database.sqlite;
  // The SQL-read version the report replaced (tests/support/change-by-sql.ts), once, for the contract year.
  const year = chosen[0]!;
  const { period: resolved } = await data.call('reports.run', { kind: 'change', ...year.choice } as ReportChoice);
  const filters = year.choice.filters ?? {};
  const replaced = await timeMs(() => changeReportBySql({ ctx: data.core.context, period: resolved, filters, scope: reportScope(resolved, filters) }));
  const figures: Figure[] = [{ name: `the change report as it was read with SQL before (once), ${year.label}`, value: replaced, statistic: 'total', unit: 'ms' }];
  const written = await timeMs(() =>
    sqlite.transaction(() => {
      sqlite.prepare("UPDATE evaluation_responses SET pairing_code = 'pair-' || rowid WHERE person_id IS NULL AND moment = 'after'").run();
      sqlite
        .prepare(
          `INSERT INTO evaluation_responses (id, session_id, template_id, person_id, answers, language, submitted_on, moment, late, pairing_code)
           SELECT 'b' || substr(id, 2), session_id, template_id, person_id,
             json_set(answers, '$.confidence', COALESCE(json_extract(answers, '$.confidence.before'), 3)), language, submitted_on, 'before', 0, pairing_code
           FROM evaluation_responses WHERE moment = 'after'`,
        )
        .run();
    })(),
  );
  console.log(`  change: ${(written / 1000).toFixed(1)} s to write a before answer beside each of the 300,000`);
  const period = chosen[0]!;
  const first = await timeMs(() => data.call('reports.run', { kind: 'change', ...period.choice } as ReportChoice));
  figures.push({ name: `reports.run change straight after the before answers were written (every answer read again), ${period.label}`, value: first, statistic: 'total', unit: 'ms' });
  for (const each of chosen) {
    const report = await data.call('reports.run', { kind: 'change', ...each.choice } as ReportChoice);
    const paired = (report.data as { paired: { beforeAfter: number } }).paired.beforeAfter;
    const figure = await reportFigures(data, 'change', each);
    figures.push({ ...figure, name: `reports.run change with before answers (${paired.toLocaleString('en-GB')} people paired), ${each.label}` });
  }
  const fiveYears = chosen.at(-1)!;
  figures.push(await changeCpuFigure(data, fiveYears));
  // One more answer (as another process's import would write it): who gave each answer is worked out again, and its session's kept counts.
  sqlite
    .prepare(
      `INSERT INTO evaluation_responses (id, session_id, template_id, person_id, answers, language, submitted_on, moment, late, pairing_code)
       SELECT 'c' || substr(id, 2), session_id, template_id, person_id, answers, language, submitted_on, moment, late, pairing_code FROM evaluation_responses ORDER BY rowid DESC LIMIT 1`,
    )
    .run();
  const afterAnswer = await timeMs(() => data.call('reports.run', { kind: 'change', ...fiveYears.choice } as ReportChoice));
  figures.push({ name: `reports.run change straight after one more answer (its session counted again), ${fiveYears.label}`, value: afterAnswer, statistic: 'total', unit: 'ms' });
  return figures;
}

/**
 * On cores shared with other work a report's wall time includes the time it
 * waited for a core: the same report's own CPU time (this process, user and
 * system), for context beside the p95 above.
 */
async function changeCpuFigure(data: ReportsData, period: Period): Promise<Figure> {
  const used: number[] = [];
  await samples(async () => {
    const before = process.cpuUsage();
    await data.call('reports.run', { kind: 'change', ...period.choice } as ReportChoice);
    const spent = process.cpuUsage(before);
    used.push((spent.user + spent.system) / 1000);
  });
  // The first run prepares and warms up, as in samples().
  return { name: `reports.run change with before answers, ${period.label}: its CPU time (this process, user + system)`, value: percentile(used.slice(1), 95), statistic: 'p95', unit: 'ms' };
}

/** Each figure as it is measured, since the whole part takes minutes. */
function progress(figure: Figure): void {
  console.log(`  ${figure.name}: ${figure.statistic} ${figure.value.toFixed(1)} ${figure.unit}${figure.baseline ? ` (${figure.baseline.label}: ${figure.baseline.value.toFixed(1)} ${figure.unit})` : ''}`);
}

export async function benchReports(): Promise<Figure[]> {
  const data = await reportsData();
  console.log(
    `reports: ${data.made ? 'made' : 'copied from the cache'} the five-year data set in ${(data.preparedMs / 1000).toFixed(1)} s ` +
      `(${SIZES.people.toLocaleString('en-GB')} people, ${SIZES.sessions.toLocaleString('en-GB')} sessions, ${SIZES.signIns.toLocaleString('en-GB')} sign-ins, ${SIZES.responses.toLocaleString('en-GB')} responses)`,
  );
  try {
    const figures: Figure[] = [];
    const chosen = periods(data);
    figures.push(...(await coldBuild(data, chosen[0]!)));
    figures.forEach(progress);
    for (const period of chosen) await checkTraining(data, period);
    // Every kind reports.run can count; a kind not built yet (or needing a scheme, as membership does) is left to its own figure.
    // REPORTS=change (a comma-separated list of kinds) measures only those kinds and the steps about them.
    const only = process.env.REPORTS?.split(',').map((kind) => kind.trim()).filter(Boolean);
    const wanted = (kind: string) => !only || only.includes(kind);
    for (const kind of reportKinds.filter((kind) => kind !== 'membership' && wanted(kind))) {
      for (const period of chosen) {
        try {
          figures.push(await reportFigures(data, kind, period));
          progress(figures.at(-1)!);
        } catch (error) {
          console.log(`  ${kind}: not measured (${(error as Error).message.slice(0, 120)})`);
          break;
        }
      }
    }
    if (wanted('change')) {
      for (const figure of await changeWithPairs(data, chosen)) {
        figures.push(figure);
        progress(figure);
      }
    }
    if (only && !only.includes('training')) return figures;
    for (const period of chosen) {
      figures.push(await exportFigure(data, period));
      progress(figures.at(-1)!);
    }
    for (const figure of await membershipFigures(data)) {
      figures.push(figure);
      progress(figure);
    }
    // Last: these write to the data set.
    for (const figure of await afterWrites(data, chosen[0]!)) {
      figures.push(figure);
      progress(figure);
    }
    return figures;
  } finally {
    await data.core.close();
    removeReportsData(data);
  }
}
