import { FieldbookError } from '../../shared/errors';
import type { Dispatch } from '../dispatch/dispatcher';
import { calendarDay } from './calendar';
import { callerFor, type Call } from './call';
import { ensureDeviceSetUp } from './ensure-device';
import { CULTURAL_COMPETENCY_TITLE, demoContracts, demoCourses, demoFacilitators, demoOrganisations, demoVenues } from './catalogue-data';
import { seededRandom } from './random';
import { featuredPeople, randomPerson, type EmployerForPeople } from './random-person';
import { buildSchedule } from './schedule';

export interface DemoOptions {
  /** The day the demo is built around: sessions start today. */
  today: Date;
  /** Same seed, same people and schedule. */
  seed: number;
  /** How many people to add; a few hundred by default. */
  people?: number;
}

export interface DemoSummary {
  deviceName: string;
  deviceSetUpNow: boolean;
  courses: number;
  venues: number;
  contracts: number;
  organisations: number;
  people: number;
  sessions: number;
  bookings: number;
  sessionsToday: number;
  firstSessionDay: string;
  lastSessionDay: string;
}

export const DEFAULT_DEMO_PEOPLE = 300;
export const DEFAULT_DEMO_SEED = 20_240_801;

async function demoAlreadyLoaded(call: Call): Promise<boolean> {
  const courses = await call('courses.list', { query: CULTURAL_COMPETENCY_TITLE, limit: 500 });
  return courses.some((course) => course.title === CULTURAL_COMPETENCY_TITLE);
}

/** Names the step that failed, so a half-loaded folder is explained rather than mysterious. */
async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof FieldbookError)) throw error;
    throw new FieldbookError(
      error.code,
      `Could not add the demo ${what}: ${error.message} Demo data is only partly loaded; use a new data folder to start again.`,
      error.fields,
    );
  }
}

/**
 * Fills an office database with a believable catalogue: courses, venues,
 * funding contracts, organisations, people and six weeks of sessions.
 * Everything goes through the dispatcher, so it is validated and logged for
 * sync exactly as if someone had typed it into the app.
 */
export async function loadDemoData(dispatch: Dispatch, options: DemoOptions): Promise<DemoSummary> {
  const call = callerFor(dispatch);
  const random = seededRandom(options.seed);
  const today = calendarDay(options.today);

  // Checked before anything is written, so a second run adds nothing at all.
  if (await demoAlreadyLoaded(call)) {
    throw new FieldbookError(
      'CONFLICT',
      `Demo data is already loaded here: the course "${CULTURAL_COMPETENCY_TITLE}" exists. Nothing was added.`,
    );
  }
  const device = await ensureDeviceSetUp(call);

  // The cultural-competency course goes first: once it exists, a re-run is refused.
  const courses = await step('courses', async () => {
    const created = [];
    for (const fields of demoCourses) created.push(await call('courses.create', fields));
    return created;
  });

  const venues = await step('venues', async () => {
    const created = [];
    for (const venue of demoVenues) created.push({ ...venue, id: (await call('venues.create', venue.fields)).id });
    return created;
  });

  // Each course's sessions go under the contract that pays for it, or none.
  const contractByCourse = await step('contracts', async () => {
    const byCourse = new Map<string, string>();
    for (const contract of demoContracts) {
      const { id } = await call('contracts.create', contract.fields);
      for (const course of courses.filter((candidate) => contract.courseTitles.includes(candidate.title))) byCourse.set(course.id, id);
    }
    return byCourse;
  });

  const employers = await step('organisations', async () => {
    const created: (EmployerForPeople & { size: number })[] = [];
    for (const organisation of demoOrganisations) {
      const { id } = await call('organisations.create', { name: organisation.name, sector: organisation.sector });
      created.push({ ...organisation, id });
    }
    return created;
  });
  // Bigger employers send more staff: repeat each by its size so a uniform pick is weighted.
  const employerPool = employers.flatMap((employer) => Array<EmployerForPeople>(employer.size).fill(employer));

  const peopleCount = options.people ?? DEFAULT_DEMO_PEOPLE;
  const personIds = await step('people', async () => {
    const created: string[] = [];
    for (let index = 0; index < peopleCount; index += 1) {
      created.push((await call('people.create', randomPerson(random, employerPool, today, featuredPeople[index]))).id);
    }
    return created;
  });

  const schedule = buildSchedule(
    random,
    today,
    courses.map((course, index) => ({ id: course.id, durationMinutes: course.durationMinutes, share: index === 0 ? 5 : 1 })),
    venues,
    demoFacilitators,
  );
  const sessionIds = await step('sessions', async () => {
    const created: string[] = [];
    for (const session of schedule) {
      created.push((await call('sessions.create', { ...session, contractId: contractByCourse.get(session.courseId) ?? null })).id);
    }
    return created;
  });

  // Most sessions are well booked ahead, as they are in practice. The featured people (Siobhán
  // O'Brien and friends) are booked on every session today, so the kiosk can be tried by name.
  const bookings = await step('bookings', async () => {
    let made = 0;
    for (const [index, sessionId] of sessionIds.entries()) {
      const session = schedule[index]!;
      const isToday = session.startsAt.slice(0, 10) === today;
      const wanted = Math.floor(session.capacity * (0.5 + random.next() * 0.4));
      const chosen = new Set(isToday ? personIds.slice(0, featuredPeople.length) : []);
      while (chosen.size < wanted) chosen.add(random.pick(personIds));
      for (const personId of chosen) {
        await call('signIn.book', { sessionId, personId });
        made += 1;
      }
    }
    return made;
  });

  const days = schedule.map((session) => session.startsAt.slice(0, 10)).sort();
  return {
    deviceName: device.name,
    deviceSetUpNow: device.setUpNow,
    courses: courses.length,
    venues: venues.length,
    contracts: demoContracts.length,
    organisations: employers.length,
    people: peopleCount,
    sessions: schedule.length,
    bookings,
    sessionsToday: days.filter((day) => day === today).length,
    firstSessionDay: days[0] ?? today,
    lastSessionDay: days[days.length - 1] ?? today,
  };
}
