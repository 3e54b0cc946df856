import { describe, expect, it } from 'vitest';
import { evaluatedSession } from '../support/evaluations';
import { officeServerForEachTest } from '../support/office-server-each-test';
import { DAY_MS } from '../support/temp-core';

/**
 * The follow-up's mail-merge holds people's names and emails, so on the
 * office server each one written (and each written again) is a line of the
 * admins' audit trail, with who wrote it and for how many people, as the
 * other exports of personal data are.
 */

const COORDINATOR = { name: 'Tomasz Nowak', email: 'tomasz@example.org', role: 'coordinator' as const, password: 'amber-river-compass' };
const ADMIN = { name: 'Priya Shah', email: 'priya@example.org', role: 'admin' as const, password: 'violet-harbour-lantern' };

const office = officeServerForEachTest([COORDINATOR, ADMIN]);

describe('the follow-up mail-merge in the audit trail', { timeout: 120_000 }, () => {
  it('records each mail-merge written and written again, with who wrote it and for how many people', async () => {
    const { session } = await evaluatedSession(office.temp.call, 'linked');
    for (const givenName of ['Ana', 'Ben']) {
      const person = await office.temp.call('people.create', { givenName, familyName: 'Follow', email: `${givenName.toLowerCase()}@example.org` });
      await office.temp.call('signIn.book', { sessionId: session.id, personId: person.id });
      await office.temp.call('signIn.signIn', { sessionId: session.id, personId: person.id });
    }
    office.temp.clock.advance(84 * DAY_MS);

    const coordinator = await office.server.signedIn(COORDINATOR);
    const written = await coordinator.call('followUps.writeMailMerge', { format: 'csv', sessionId: session.id });
    expect(written.result, JSON.stringify(written.result)).toMatchObject({ ok: true, value: { asked: 2 } });
    const again = await coordinator.call('followUps.rewriteMailMerge', { format: 'xlsx' });
    expect(again.result, JSON.stringify(again.result)).toMatchObject({ ok: true, value: { written: 2 } });
    // A refused one wrote nothing, so it is not audited.
    expect((await coordinator.call('followUps.writeMailMerge', { format: 'csv' })).result.ok).toBe(false);

    const admin = await office.server.signedIn(ADMIN);
    const trail = (await admin.call('staff.audit', {})).result.value as { kind: string; staffName: string; detail: string }[];
    expect(trail.filter((line) => line.kind === 'personal_data_exported').reverse()).toEqual([
      expect.objectContaining({ staffName: 'Tomasz Nowak', detail: 'Wrote the follow-up mail-merge as CSV: the names, emails and personal codes of 2 people.' }),
      expect.objectContaining({ staffName: 'Tomasz Nowak', detail: 'Wrote the follow-up mail-merge again as XLSX: the names, emails and personal codes of 2 people asked before.' }),
    ]);
  });
});
