import { describe, expect, it } from 'vitest';
import { officeServerForEachTest } from '../support/office-server-each-test';
import { databaseHash, seedSession, TEST_TODAY } from '../support/temp-core';

const PRIYA = { name: 'Priya Shah', email: 'priya@example.org', role: 'coordinator' as const, password: 'violet-harbour-lantern' };
const TOMASZ = { name: 'Tomasz Nowak', email: 'tomasz@example.org', role: 'coordinator' as const, password: 'amber-river-compass' };

const office = officeServerForEachTest([PRIYA, TOMASZ]);

describe('two staff editing the same session on the office server', { timeout: 60_000 }, () => {
  it('tells the later save the session changed since it was opened, by whom, with both values, and saves nothing of it', async () => {
    const session = await seedSession(office.temp.call, { day: TEST_TODAY, capacity: 20 });
    const [priya, tomasz] = [await office.server.signedIn(PRIYA), await office.server.signedIn(TOMASZ)];
    // Both open the session's edit form.
    const opened = await Promise.all([priya, tomasz].map(async (client) => (await client.call('sessions.get', { id: session.id })).result.value));
    expect(opened[0].version).toBe(opened[1].version);
    const fieldsOf = ({ id: _id, courseTitle: _c, venueName: _v, contractName: _k, version: _version, ...fields }: Record<string, unknown>) => fields;

    const first = await priya.call('sessions.update', { id: session.id, version: opened[0].version, fields: { ...fieldsOf(opened[0]), capacity: 24 } });
    expect(first.result).toMatchObject({ ok: true, value: { capacity: 24 } });

    const before = databaseHash(office.temp.sqlite);
    const second = await tomasz.call('sessions.update', { id: session.id, version: opened[1].version, fields: { ...fieldsOf(opened[1]), facilitators: ['Amina Yusuf'] } });
    expect(second.status).toBe(409);
    expect(second.result.error).toMatchObject({
      code: 'CHANGED_SINCE_OPENED',
      message: expect.stringMatching(/^Look at the newer values first: Priya Shah changed this session today at \d\d:\d\d, since you opened it\. Nothing was saved\.$/),
      current: { capacity: 24, facilitators: ['Sam Okafor'], version: first.result.value.version },
    });
    expect(databaseHash(office.temp.sqlite)).toBe(before);

    // Having seen both, he keeps his own on purpose: saved against the newer version, on top of hers.
    const kept = await tomasz.call('sessions.update', {
      id: session.id,
      version: (second.result.error as unknown as { current: { version: string } }).current.version,
      fields: { ...fieldsOf(opened[1]), capacity: 24, facilitators: ['Amina Yusuf'] },
    });
    expect(kept.result).toMatchObject({ ok: true, value: { capacity: 24, facilitators: ['Amina Yusuf'] } });
  });
});
