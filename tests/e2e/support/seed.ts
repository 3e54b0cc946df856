import type { ImportOutcome, PackageOutcome, ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/contract';
import { createDispatcher } from '../../../electron/dispatch/dispatcher';
import { asIncoming } from '../../support/sync';
import type { AppUnderTest, BrowserSuite } from './harness';

export type Seed = <N extends ProcedureName>(name: N, input: ProcedureInput<N>) => Promise<ProcedureOutput<N>>;

/** Seeds through the dispatcher, so inputs get the contract's defaults and checks as the UI's calls do. */
export function seeder(app: AppUnderTest): Seed {
  const dispatch = createDispatcher(app.core.handlers);
  return async (name, input) => {
    const result = await dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as never;
  };
}

/** The day `count` days after `day` (both YYYY-MM-DD), for sessions on other days than today. */
export function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

export const OFFICE_NAME = 'Central office';

/** The course most tests run: its title as the screens show it. */
export const COURSE = 'Cultural competency in health and care';

export interface MorningSession {
  outcomes?: string[];
  evaluationMode?: 'anonymous' | 'linked';
  capacity?: number;
}

/**
 * The course, a church hall and this morning's session there (09:30 to
 * 12:30, run by Sam Okafor), written by whoever keeps the catalogue: the
 * office, or a test's own office app.
 */
export async function morningSession(seed: Seed, today: string, options: MorningSession = {}) {
  const course = await seed('courses.create', {
    title: COURSE,
    durationMinutes: 180,
    learningOutcomes: options.outcomes ?? ['Explore what we mean by culture'],
    ...(options.evaluationMode ? { evaluationMode: options.evaluationMode } : {}),
  });
  const venue = await seed('venues.create', { name: "St Mark's Church Hall", address: '12 Market Street, Leeds' });
  const session = await seed('sessions.create', {
    courseId: course.id,
    venueId: venue.id,
    startsAt: `${today}T09:30`,
    endsAt: `${today}T12:30`,
    capacity: options.capacity ?? 20,
    facilitators: ['Sam Okafor'],
  });
  return { course, venue, session };
}

/**
 * A facilitator's laptop and the central office it is paired with, each a
 * running app with its own data folder (both closed with the test's other
 * apps). The office keeps the catalogue (db/write-policy.ts), so a test
 * writes courses, venues, sessions and evaluation questions `onOffice`, then
 * `sendPackage()` brings them to the laptop as in use; what a facilitator
 * does at the venue (people, organisations, bookings, sign-ins, the kiosk,
 * notes) is written `onLaptop`.
 */
export interface LaptopAndOffice {
  laptop: AppUnderTest;
  office: AppUnderTest;
  onLaptop: Seed;
  onOffice: Seed;
  /** The laptop's day, the one its screens show as today. */
  today: string;
  /**
   * The office writes this laptop's package and the laptop imports it. A
   * package carries the sessions from today on, so a past session never
   * reaches a laptop this way.
   */
  sendPackage(): Promise<PackageOutcome>;
  /** The laptop's end-of-day file, imported at the office. */
  sendBundle(): Promise<ImportOutcome>;
}

/**
 * Sets up the office and a laptop, and pairs them through the procedures the
 * two screens use: the laptop's request, the office's enrolment, the laptop
 * accepting it. With no facilitators named, the laptop's packages carry
 * every upcoming session.
 */
export async function laptopAndOffice(suite: Pick<BrowserSuite, 'startApp'>, laptopName: string, options: { facilitators?: string[] } = {}): Promise<LaptopAndOffice> {
  const office = await suite.startApp();
  const laptop = await suite.startApp();
  const onOffice = seeder(office);
  const onLaptop = seeder(laptop);
  await onOffice('device.setUp', { role: 'office', name: OFFICE_NAME });
  const device = await onLaptop('device.setUp', { role: 'laptop', name: laptopName });
  const request = await onLaptop('pairing.request', {});
  const { enrolment } = await onOffice('pairing.enrol', { request: asIncoming(request), team: 'North', facilitators: options.facilitators ?? [] });
  await onLaptop('pairing.acceptEnrolment', asIncoming(enrolment));
  const { today } = await onLaptop('device.status', {});
  return {
    laptop,
    office,
    onLaptop,
    onOffice,
    today,
    async sendPackage() {
      return onLaptop('sync.importPackage', asIncoming(await onOffice('sync.writePackage', { deviceId: device.id })));
    },
    async sendBundle() {
      return onOffice('sync.importFile', asIncoming(await onLaptop('sync.exportBundle', {})));
    },
  };
}

/** A laptop paired with the office, and this morning's session (see morningSession) brought to it in its package. */
export async function laptopWithMorningSession(
  suite: Pick<BrowserSuite, 'startApp'>,
  laptopName: string,
  options: MorningSession = {},
): Promise<LaptopAndOffice & Awaited<ReturnType<typeof morningSession>>> {
  const paired = await laptopAndOffice(suite, laptopName);
  const morning = await morningSession(paired.onOffice, paired.today, options);
  await paired.sendPackage();
  return { ...paired, ...morning };
}

export const CONTRACT = 'Public Health Equity 2026';

/** A session of the course all of today, under the city's contract, for the reports' tests to sign people in to. */
export async function contractSessionToday(seed: Seed, today: string) {
  const contract = await seed('contracts.create', { name: CONTRACT, funder: 'Westbrook City Council Public Health', yearStarts: '08-01' });
  const course = await seed('courses.create', { title: COURSE, durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
  const venue = await seed('venues.create', { name: "St Mark's Church Hall", address: '12 Market Street, Leeds' });
  const session = await seed('sessions.create', {
    courseId: course.id,
    venueId: venue.id,
    contractId: contract.id,
    startsAt: `${today}T00:00`,
    endsAt: `${today}T23:59`,
    capacity: 20,
    facilitators: ['Sam Okafor'],
  });
  return { contract, session };
}
