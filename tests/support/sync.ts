import type { OutgoingFile, Session } from '../../shared/contract';
import { localTime } from './bookings';
import { seedSession, tempCore, testClock, TEST_TODAY, type TempCore, type TestClock } from './temp-core';

/** Helpers for sync tests: an office and laptops paired through the real procedures, and files passed between them. */

export interface SyncWorld {
  office: TempCore;
  laptops: TempCore[];
  cleanup(): Promise<void>;
}

export const asIncoming = (file: OutgoingFile) => ({ fileName: file.fileName, contentBase64: file.contentBase64 });
export const bytesOf = (file: OutgoingFile) => new Uint8Array(Buffer.from(file.contentBase64, 'base64'));
export const incomingBytes = (bytes: Uint8Array, fileName = 'bundle.fieldbook') => ({ fileName, contentBase64: Buffer.from(bytes).toString('base64') });

/** Sets up a laptop and enrols it with the office, the way two people would with the two files. */
export async function enrolLaptop(office: TempCore, name: string, options: { clock?: TestClock; facilitators?: string[] } = {}): Promise<TempCore> {
  const laptop = await tempCore({ clock: options.clock ?? testClock() });
  await laptop.call('device.setUp', { role: 'laptop', name });
  const request = await laptop.call('pairing.request', {});
  const { enrolment } = await office.call('pairing.enrol', { request: asIncoming(request), team: 'North', facilitators: options.facilitators ?? [] });
  await laptop.call('pairing.acceptEnrolment', asIncoming(enrolment));
  return laptop;
}

export async function syncWorld(laptopNames: string[] = ['Hall laptop 1']): Promise<SyncWorld> {
  const office = await tempCore({ setUp: true });
  const laptops: TempCore[] = [];
  for (const name of laptopNames) laptops.push(await enrolLaptop(office, name));
  return {
    office,
    laptops,
    async cleanup() {
      for (const temp of [office, ...laptops]) await temp.cleanup();
    },
  };
}

/** The office's catalogue reaches a laptop the way it does in use: in a package. */
export async function sendPackage(office: TempCore, laptop: TempCore) {
  const status = await laptop.call('pairing.status', {});
  const deviceId = (await laptop.call('device.status', {})).device!.id;
  void status;
  const file = await office.call('sync.writePackage', { deviceId });
  return laptop.call('sync.importPackage', asIncoming(file));
}

/**
 * Today's session on the laptop, from the office's package (the office at
 * 08:00, the laptop at 09:00), with the kiosk opened on it with a PIN and
 * closed again: the laptop then has that PIN in use.
 */
export async function sessionWithKioskPin(office: TempCore, laptop: TempCore, pin: string): Promise<Session> {
  laptop.clock.set(localTime(TEST_TODAY, '09:00'));
  office.clock.set(localTime(TEST_TODAY, '08:00'));
  const session = await seedSession(office.call, { day: TEST_TODAY, start: '10:00', capacity: 4 });
  await sendPackage(office, laptop);
  await laptop.call('kiosk.start', { sessionId: session.id, pin });
  await laptop.call('kiosk.exit', { pin });
  return session;
}
