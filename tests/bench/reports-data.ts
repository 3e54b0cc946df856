import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../electron/core';
import { openCoreInFolder } from '../../electron/host/open-core';
import { encodeHlc } from '../../electron/sync/hlc';
import { ethnicityCodes, type EvaluationTemplate } from '../../shared/contract';
import { callerFor } from '../support/temp-core';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { seededRandom } from '../../electron/demo/random';

/**
 * Five years of one busy training organisation, made once and kept in
 * os.tmpdir() (keyed by DATA_VERSION) so a rerun of the bench opens a copy
 * in seconds. The device, contracts, courses (with stored evaluation forms)
 * and venues are made through the real procedures; the bulk rows by raw
 * prepared statements in one transaction, into the database the real
 * migrations made.
 */

/** Bump when the shape of the data changes, so an old cached file is not used. */
const DATA_VERSION = 'reports-v1';

export const SIZES = {
  people: 200_000,
  organisations: 2_000,
  merged: 2_000,
  sessions: 5_000,
  signIns: 1_000_000,
  responses: 300_000,
  members: 20_000,
} as const;

/** Contract years run from 1 August; the five years are 2021–22 to 2025–26. */
export const FIRST_DAY = '2021-08-01';
export const LAST_DAY = '2026-07-31';
export const CONTRACT_YEAR_START = 2024;

export interface ReportsData {
  folder: string;
  core: Core;
  call: ReturnType<typeof callerFor>;
  contractId: string;
  schemeId: string;
  /** Whether the data was made in this run (false: a cached copy), and how long making or copying it took. */
  made: boolean;
  preparedMs: number;
}

/** Deterministic pseudo-random numbers (the demo's mulberry32), so every run builds the same data. */
const random = (seed: number): (() => number) => seededRandom(seed).next;

/** A version 7 UUID made from a table's prefix and a counter: valid for the contract's id checks, and cheap. */
const uuid = (prefix: string, n: number) => `${prefix}-0000-7000-8000-${String(n).padStart(12, '0')}`;
const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const COURSES = [
  'Cultural competency',
  'Working with different communities',
  'Mental health first aid',
  'Safeguarding adults',
  'Safeguarding children',
  'Trauma-informed practice',
  'Motivational interviewing',
  'Suicide prevention',
  'Health literacy',
  'Interpreting in health settings',
  'Making every contact count',
  'Dementia awareness',
];
const FACILITATORS = Array.from({ length: 20 }, (_, n) => `Facilitator ${n + 1}`);
const SECTORS = ['statutory', 'vcse', 'other'] as const;

async function makeFixed(call: ReturnType<typeof callerFor>) {
  await call('device.setUp', { role: 'office', name: 'Central office' });
  const contracts = [
    await call('contracts.create', { name: 'City public health', funder: 'City Council public health team', yearStarts: '08-01' }),
    await call('contracts.create', { name: 'Integrated care board', funder: 'NHS ICB', yearStarts: '04-01' }),
    await call('contracts.create', { name: 'Community fund', funder: 'Lottery community fund', yearStarts: '01-01', endsOn: '2024-12-31' }),
  ];
  const courses: { id: string; template: EvaluationTemplate }[] = [];
  for (const [index, title] of COURSES.entries()) {
    const course = await call('courses.create', {
      title,
      durationMinutes: 180,
      learningOutcomes: [`${title}: I understand the basics`, `${title}: I know where to refer`, `${title}: I can apply it at work`],
      evaluationMode: index % 2 ? 'anonymous' : 'linked',
    });
    const draft = await call('evaluations.template', { courseId: course.id });
    courses.push({ id: course.id, template: await call('evaluations.saveTemplate', { courseId: course.id, items: draft.items }) });
  }
  const venues = [];
  for (let n = 0; n < 25; n += 1) venues.push(await call('venues.create', { name: `Venue ${n + 1}`, address: `${n + 1} High Street` }));
  return { contracts, courses, venues };
}

function fillBulk(core: Core, fixed: Awaited<ReturnType<typeof makeFixed>>): string {
  const sqlite = core.database.sqlite;
  const rand = random(20260801);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const deviceId = sqlite.prepare('SELECT id FROM device').pluck().get() as string;
  const insertOrganisation = sqlite.prepare('INSERT INTO organisations (id, name, sector) VALUES (?, ?, ?)');
  const insertPerson = sqlite.prepare('INSERT INTO people (id, given_name, family_name, email, organisation_id, merged_into) VALUES (?, ?, ?, ?, ?, ?)');
  const insertSession = sqlite.prepare(
    'INSERT INTO sessions (id, course_id, venue_id, starts_at, ends_at, capacity, facilitators, status, contract_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertSignIn = sqlite.prepare(
    'INSERT INTO sign_ins (id, session_id, person_id, kind, method, corrects_id, hlc, recorded_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertResponse = sqlite.prepare(
    'INSERT INTO evaluation_responses (id, session_id, template_id, person_id, answers, language, submitted_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertEquality = sqlite.prepare('INSERT INTO equality_answers (id, person_id, ethnicity, answered_at) VALUES (?, ?, ?, ?)');
  const insertScheme = sqlite.prepare(
    'INSERT INTO membership_schemes (id, name, required_course_ids, window_months, year_starts, fee_pence, grace_days) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertTerm = sqlite.prepare(
    `INSERT INTO membership_terms (id, scheme_id, person_id, starts_on, ends_on, origin, fee_pence, paid_on, organisation_id, notes, cancelled_on, exempt_reason, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const schemeId = uuid('e0000000', 1);

  sqlite.transaction(() => {
    const organisationOf: (string | null)[] = [];
    for (let n = 0; n < SIZES.organisations; n += 1) insertOrganisation.run(uuid('a0000000', n), `Organisation ${n + 1}`, SECTORS[n % 3]);
    // The first `merged` people after the kept ones are duplicates merged into a kept person; every tenth into another duplicate (a chain).
    const kept = SIZES.people - SIZES.merged;
    for (let n = 0; n < SIZES.people; n += 1) {
      const organisation = rand() < 0.9 ? uuid('a0000000', Math.floor(rand() ** 2 * SIZES.organisations)) : null;
      organisationOf.push(organisation);
      const mergedInto = n < kept ? null : n % 10 === 0 && n + 1 < SIZES.people ? uuid('b0000000', n + 1) : uuid('b0000000', Math.floor(rand() * kept));
      insertPerson.run(uuid('b0000000', n), `Given${n}`, `Family${n % 7000}`, `person${n}@example.org`, organisation, mergedInto);
      if (rand() < 0.6) insertEquality.run(uuid('c0000000', n), uuid('b0000000', n), pick(ethnicityCodes), '2021-08-01T10:00:00.000Z');
    }

    const startMs = Date.parse(`${FIRST_DAY}T00:00:00Z`);
    const spanDays = Math.round((Date.parse(`${LAST_DAY}T00:00:00Z`) - startMs) / 86_400_000) + 1;
    const perSession = SIZES.signIns / SIZES.sessions;
    let signIn = 0;
    let response = 0;
    let tick = 0;
    for (let s = 0; s < SIZES.sessions; s += 1) {
      const sessionId = uuid('d0000000', s);
      const dayMs = startMs + Math.floor((s / SIZES.sessions) * spanDays) * 86_400_000;
      const day = dayOf(dayMs);
      const hour = 9 + (s % 3) * 3;
      const courseIndex = Math.floor(rand() ** 1.5 * fixed.courses.length);
      const course = fixed.courses[courseIndex]!;
      const r = rand();
      const contract = r < 0.55 ? fixed.contracts[0]! : r < 0.8 ? fixed.contracts[1]! : r < 0.88 && day <= '2024-12-31' ? fixed.contracts[2]! : null;
      const cancelled = rand() < 0.03;
      const facilitators = rand() < 0.3 ? [pick(FACILITATORS), pick(FACILITATORS)].filter((f, i, all) => all.indexOf(f) === i) : [pick(FACILITATORS)];
      insertSession.run(
        sessionId, course.id, pick(fixed.venues).id, `${day}T${pad(hour)}:00`, `${day}T${pad(hour + 3)}:00`, 250,
        JSON.stringify(facilitators), cancelled ? 'cancelled' : 'completed', contract?.id ?? null,
      );
      // About 200 facts a session: distinct people, 3% of them undone afterwards (the undo counts as a fact).
      const seen = new Set<number>();
      const signInsHere = Math.round((s + 1) * perSession) - Math.round(s * perSession);
      const pairItem = course.template.items.find((item) => item.kind === 'confidence_pair')!;
      const outcomeItems = course.template.items.filter((item) => item.kind === 'outcome_rating');
      let here = 0;
      while (here < signInsHere) {
        const person = Math.floor(rand() * SIZES.people);
        if (seen.has(person)) continue;
        seen.add(person);
        const personId = uuid('b0000000', person);
        const signInId = uuid('f0000000', signIn);
        const wallMs = dayMs + hour * 3_600_000 + here * 1000;
        insertSignIn.run(signInId, sessionId, personId, 'sign_in', 'kiosk', null, encodeHlc({ wallMs, counter: tick++ % 100, deviceId }), new Date(wallMs).toISOString(), deviceId);
        signIn += 1;
        here += 1;
        if (rand() < 0.03 && here < signInsHere) {
          insertSignIn.run(uuid('f0000000', signIn), sessionId, personId, 'undo', 'facilitator', signInId, encodeHlc({ wallMs: wallMs + 60_000, counter: tick++ % 100, deviceId }), new Date(wallMs + 60_000).toISOString(), deviceId);
          signIn += 1;
          here += 1;
          continue;
        }
        if (response < SIZES.responses && rand() < (SIZES.responses - response) / Math.max(1, SIZES.signIns - signIn)) {
          // Confidence mostly rises; one response in ten gives only one of before and after.
          const before = 1 + Math.floor(rand() * 4);
          const after = Math.min(5, before + Math.floor(rand() * 3) - (rand() < 0.1 ? 1 : 0));
          const onlyOne = rand() < 0.1;
          const answers: Record<string, unknown> = { [pairItem.id]: onlyOne ? { after } : { before, after } };
          for (const item of outcomeItems) answers[item.id] = rand() < 0.05 ? 'prefer_not_to_say' : 1 + Math.floor(rand() ** 0.5 * 5);
          const linked = courseIndex % 2 === 0;
          insertResponse.run(uuid('90000000', response), sessionId, course.template.id, linked ? personId : null, JSON.stringify(answers), linked ? 'en' : null, day);
          response += 1;
        }
      }
    }

    // A membership scheme year from 1 May with 20,000 members: a first term each, then renewals year on year until some lapse.
    insertScheme.run(schemeId, 'Allies', JSON.stringify([fixed.courses[0]!.id]), 6, '05-01', 2500, 30);
    let term = 0;
    for (let m = 0; m < SIZES.members; m += 1) {
      const person = Math.floor((m / SIZES.members) * (SIZES.people - SIZES.merged));
      let yearStart = 2021 + Math.floor(rand() * 5);
      let starts = `${yearStart}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
      let origin = 'new';
      while (yearStart <= 2026) {
        const endYear = starts >= `${yearStart}-05-01` ? yearStart + 1 : yearStart;
        const ends = `${endYear}-04-30`;
        const cancelledOn = rand() < 0.01 ? ends : null;
        insertTerm.run(uuid('e1000000', term++), schemeId, uuid('b0000000', person), starts, ends, origin, 2500, rand() < 0.8 ? starts : null, organisationOf[person] ?? null, cancelledOn, rand() < 0.02 ? 'Trained elsewhere' : null, `${starts}T09:00:00.000Z`);
        if (cancelledOn || rand() < 0.3) break;
        yearStart = endYear;
        starts = `${endYear}-05-01`;
        origin = 'renewal';
      }
    }
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return schemeId;
}

/** The data set, from the cache when it is there, else made now and cached. The caller closes data.core and removes data.folder. */
export async function reportsData(): Promise<ReportsData> {
  // Not keyed by the migrations: a later migration runs on the copy when it opens, as it would on a real office's file.
  const cache = join(tmpdir(), `fieldbook-bench-${DATA_VERSION}`);
  const folder = mkdtempSync(join(tmpdir(), 'fieldbook-bench-reports-'));
  const started = Date.now();
  const made = !existsSync(cache);
  if (made) {
    const building = `${cache}.building-${process.pid}`;
    mkdirSync(building, { recursive: true });
    const core = openCoreInFolder(building);
    const call = callerFor(createDispatcher(core.handlers, () => {}));
    const fixed = await makeFixed(call);
    fillBulk(core, fixed);
    await core.close();
    renameSync(building, cache);
  }
  cpSync(cache, folder, { recursive: true });
  const core = openCoreInFolder(folder);
  const call = callerFor(createDispatcher(core.handlers, () => {}));
  const contractId = core.database.sqlite.prepare("SELECT id FROM contracts WHERE name = 'City public health'").pluck().get() as string;
  const schemeId = core.database.sqlite.prepare("SELECT id FROM membership_schemes WHERE name = 'Allies'").pluck().get() as string;
  return { folder, core, call, contractId, schemeId, made, preparedMs: Date.now() - started };
}

export function removeReportsData(data: ReportsData): void {
  rmSync(data.folder, { recursive: true, force: true });
}
