import type { Session } from '../../shared/contract';
import type { TempCore } from './temp-core';

/**
 * A report's world at the office: a contract whose year starts on 1 August,
 * a course, a venue, and helpers to hold sessions on given days and sign
 * people in on the day (the clock is moved to that day, as sign-ins are only
 * taken on the day of a session).
 */
export async function reportWorld(temp: TempCore) {
  const contract = await temp.call('contracts.create', { name: 'City public health', funder: 'City Council', yearStarts: '08-01' });
  const course = await temp.call('courses.create', { title: 'Cultural competency', durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'], evaluationMode: 'linked' });
  const venue = await temp.call('venues.create', { name: "St Mark's Church Hall", address: '12 Market Street' });
  const session = (day: string, contractId: string | null = contract.id): Promise<Session> =>
    temp.call('sessions.create', {
      courseId: course.id,
      venueId: venue.id,
      contractId,
      startsAt: `${day}T10:00`,
      endsAt: `${day}T13:00`,
      capacity: 30,
      facilitators: ['Sam Okafor'],
    });
  const person = async (givenName: string, organisationId: string | null = null) =>
    (await temp.call('people.create', { givenName, familyName: 'Test', organisationId })).id;
  const onTheDay = (session: Session) => temp.clock.set(`${session.startsAt.slice(0, 10)}T11:00:00.000Z`);
  const book = async (session: Session, personId: string) => {
    onTheDay(session);
    await temp.call('signIn.book', { sessionId: session.id, personId });
  };
  const attend = async (session: Session, personId: string) => {
    await book(session, personId);
    await temp.call('signIn.signIn', { sessionId: session.id, personId });
  };
  return { contract, course, venue, session, person, book, attend, onTheDay };
}
