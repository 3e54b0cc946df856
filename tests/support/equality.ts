import { CONSENT_TEXT_VERSION, type Ethnicity } from '../../shared/contract';
import { evaluatedSession } from './evaluations';
import { asIncoming, sendPackage, syncWorld, type SyncWorld } from './sync';

/** The two different equality answers Amira gives, one on each laptop. */
export const TWO_ANSWERS: readonly [Ethnicity, Ethnicity] = ['asian-pakistani', 'white-irish'];

const PIN = '48213907';
const consent = { textVersion: CONSENT_TEXT_VERSION, language: 'en', agreed: true } as const;

/**
 * Amira, booked at the office on today's session, signs in at the kiosk of
 * Hall laptop 1 (10:00) and of Hall laptop 2 (10:05), answering the equality
 * question differently; the office imports both laptops' day by the evening.
 */
export async function equalityAnsweredOnTwoLaptops(): Promise<SyncWorld> {
  const world = await syncWorld(['Hall laptop 1', 'Hall laptop 2']);
  const { office } = world;
  const { session } = await evaluatedSession(office.call, 'linked');
  const amira = await office.call('people.create', { givenName: 'Amira', familyName: 'Khan' });
  await office.call('signIn.book', { sessionId: session.id, personId: amira.id });
  for (const [index, laptop] of world.laptops.entries()) {
    await sendPackage(office, laptop);
    laptop.clock.set(`2026-03-12T10:0${index * 5}:00.000Z`);
    await laptop.call('kiosk.start', { sessionId: session.id, pin: PIN, mode: 'sign_in' });
    await laptop.call('kiosk.signIn', { personId: amira.id, consent, ethnicity: TWO_ANSWERS[index]! });
    await laptop.call('kiosk.exit', { pin: PIN });
  }
  office.clock.set('2026-03-12T18:00:00.000Z');
  for (const laptop of world.laptops) await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));
  return world;
}
