import { join } from 'node:path';
import type { Core } from '../../electron/core';
import { localMinute } from '../../electron/core/deps';
import { openCoreInFolder } from '../../electron/host/open-core';
import type { OutgoingFile } from '../../shared/contract';

/**
 * A facilitator's laptop as it is in use: paired with an office through the
 * procedures, with the office's catalogue (a course, a venue, today's
 * sessions) in a package. Only the office may write the catalogue, so every
 * benchmark that runs on a laptop starts here.
 */

export const incoming = (file: OutgoingFile) => ({ fileName: file.fileName, contentBase64: file.contentBase64 });

/** An office and a laptop in their own data folders, paired through the procedures, with a catalogue package applied. */
export async function pairedPair(root: string, sessions: number, capacity: number) {
  const office = openCoreInFolder(join(root, 'office'));
  const laptop = openCoreInFolder(join(root, 'laptop'));
  await office.handlers['device.setUp']({ role: 'office', name: 'Bench office' });
  await laptop.handlers['device.setUp']({ role: 'laptop', name: 'Bench laptop' });
  const request = await laptop.handlers['pairing.request']({});
  const { enrolment, laptop: enrolled } = await office.handlers['pairing.enrol']({ request: incoming(request), team: null, facilitators: [] });
  await laptop.handlers['pairing.acceptEnrolment'](incoming(enrolment));
  const course = await office.handlers['courses.create']({ title: 'Cultural Competency', description: null, durationMinutes: 180, learningOutcomes: ['Recognise good practice', 'Book an interpreter'], evaluationMode: 'linked' });
  const venue = await office.handlers['venues.create']({ name: 'Hope Street Community Centre', address: '1 Hope Street', accessNotes: null });
  const start = new Date();
  start.setHours(0, 1, 0, 0);
  const end = new Date(start);
  end.setHours(23, 0, 0, 0);
  const sessionIds: string[] = [];
  for (let index = 0; index < sessions; index += 1) {
    const session = await office.handlers['sessions.create']({ courseId: course.id, venueId: venue.id, startsAt: localMinute(start), endsAt: localMinute(end), capacity, facilitators: ['Bench'], status: 'scheduled' });
    sessionIds.push(session.id);
  }
  return { office, laptop, laptopId: enrolled.deviceId, courseId: course.id, sessionIds };
}

export async function sendPackage(office: Core, laptop: Core, laptopId: string) {
  const file = await office.handlers['sync.writePackage']({ deviceId: laptopId });
  await laptop.handlers['sync.importPackage'](incoming(file));
}


/**
 * A laptop with one of today's sessions from its office, the office closed
 * again: what the sign-in, kiosk and waitlist benchmarks measure on. The
 * laptop's data folder is `root/laptop`.
 */
export async function laptopWithSession(root: string, capacity: number): Promise<{ laptop: Core; sessionId: string; folder: string }> {
  const { office, laptop, laptopId, sessionIds } = await pairedPair(root, 1, capacity);
  await sendPackage(office, laptop, laptopId);
  await office.close();
  return { laptop, sessionId: sessionIds[0]!, folder: join(root, 'laptop') };
}
