import type { HistoryEntry } from '../../../shared/contract';
import { fieldInWords } from '../../db/write-policy';
import { decodeHlc } from '../../sync/hlc';
import type { CoreContext } from '../deps';
import { mergedPeople } from '../membership/merged-people';
import { displayName } from '../signin/roster';
import { loggedChangesOf, type LoggedChange } from './logged-changes';
import { staffWhoMade } from '../staff/change-staff';

/**
 * The rows that belong to a person, by table, each with the session it
 * happened at. Equality answers are left out on purpose: they are kept
 * apart from the person everywhere else too.
 */
const OWN_ROWS: Record<string, string> = {
  people: 'SELECT id, NULL AS session_id FROM people WHERE id IN (SELECT value FROM json_each(@ids))',
  booking_events: 'SELECT e.id, e.session_id FROM booking_events e JOIN bookings b ON b.id = e.booking_id WHERE b.person_id IN (SELECT value FROM json_each(@ids))',
  sign_ins: 'SELECT id, session_id FROM sign_ins WHERE person_id IN (SELECT value FROM json_each(@ids))',
  consents: 'SELECT id, session_id FROM consents WHERE person_id IN (SELECT value FROM json_each(@ids))',
  evaluation_responses: 'SELECT id, session_id FROM evaluation_responses WHERE person_id IN (SELECT value FROM json_each(@ids))',
  membership_terms: 'SELECT id, NULL AS session_id FROM membership_terms WHERE person_id IN (SELECT value FROM json_each(@ids))',
};

/**
 * Every change to a person and to what they did, from the change log (so
 * each says which computer made it and when, whoever's file brought it),
 * newest first. People merged into this one bring their history with them.
 */
export async function personHistory(ctx: CoreContext, personId: string): Promise<HistoryEntry[]> {
  const ids = JSON.stringify((await mergedPeople(ctx.db)).countingFor(personId));
  // Each own row, with the session it happened at.
  const sessionOf = new Map<string, string | null>();
  const rows: [string, string][] = [];
  for (const [table, query] of Object.entries(OWN_ROWS)) {
    for (const row of ctx.sqlite.prepare(query).all({ ids }) as { id: string; session_id: string | null }[]) {
      rows.push([table, row.id]);
      sessionOf.set(`${table}:${row.id}`, row.session_id);
    }
  }
  // Newest first.
  const changes = loggedChangesOf(ctx.sqlite, rows).reverse();
  // A row's earliest change is the one that made it (an edit of a field never set before also has nothing it replaces).
  const made = new Map<string, string>();
  for (const change of changes) made.set(`${change.table_name}:${change.row_id}`, change.id);

  const device = deviceNamer(ctx);
  const person = personNamer(ctx);
  const organisation = organisationNamer(ctx);
  const session = sessionDescriber(ctx);
  return changes.map((change) => {
    const fields = JSON.parse(change.fields) as Record<string, unknown>;
    const sessionAt = sessionOf.get(`${change.table_name}:${change.row_id}`);
    return {
      id: change.id,
      at: new Date(decodeHlc(change.hlc).wallMs).toISOString(),
      deviceName: device(change.device_id),
      staffName: staffWhoMade(ctx.sqlite, change.id),
      what: describe(change, withOrganisationName(fields, organisation), made.get(`${change.table_name}:${change.row_id}`) === change.id, person),
      where: sessionAt ? session(sessionAt) : null,
    };
  });
}

function describe(change: LoggedChange, fields: Record<string, unknown>, added: boolean, person: (id: string) => string): string {
  switch (change.table_name) {
    case 'people': {
      if (added) return `${person(change.row_id)} added`;
      if (typeof fields.merged_into === 'string') return `${person(change.row_id)} merged into ${person(fields.merged_into)}`;
      return `${person(change.row_id)}: ${Object.entries(fields).map(([field, value]) => changedTo(field, value)).join('; ')}`;
    }
    case 'booking_events': {
      const reason = typeof fields.reason === 'string' && fields.reason ? ` (${fields.reason})` : '';
      return `Booking: ${String(fields.event)}${reason}`;
    }
    case 'sign_ins':
      return fields.kind === 'undo' ? 'Sign-in undone' : `Signed in${fields.method === 'kiosk' ? ' at the kiosk' : fields.method === 'walk_in' ? ' as a walk-in' : ''}`;
    case 'consents':
      return `Agreed to consent version ${String(fields.text_version)}`;
    case 'evaluation_responses':
      return 'Gave an evaluation';
    case 'membership_terms':
      return added
        ? `Membership term from ${String(fields.starts_on)} to ${String(fields.ends_on)}`
        : `Membership term: ${Object.entries(fields).map(([field, value]) => changedTo(field, value)).join('; ')}`;
    default:
      return `Changed ${change.table_name}`;
  }
}

/** An organisation change reads "Organisation changed to Hope Street Surgery", not its id. */
function withOrganisationName(fields: Record<string, unknown>, organisation: (id: string) => string): Record<string, unknown> {
  return typeof fields.organisation_id === 'string' ? { ...fields, organisation_id: organisation(fields.organisation_id) } : fields;
}

function organisationNamer(ctx: CoreContext): (id: string) => string {
  const read = ctx.sqlite.prepare('SELECT name FROM organisations WHERE id = ?').pluck();
  return (id) => (read.get(id) as string | undefined) ?? 'an organisation no longer here';
}

function changedTo(field: string, value: unknown): string {
  const words = fieldInWords(field);
  return value === null || value === '' ? `${words} removed` : `${words} changed to ${String(value)}`;
}

/** Device names this computer knows: its own, the laptops it enrolled, and the office it is paired with. */
export function deviceNamer(ctx: CoreContext): (deviceId: string) => string {
  const rows = ctx.sqlite
    .prepare('SELECT device_id AS id, name FROM enrolled_devices UNION ALL SELECT device_id, name FROM paired_office UNION ALL SELECT id, name FROM device')
    .all() as { id: string; name: string }[];
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return (deviceId) => names.get(deviceId) ?? 'another computer';
}

export function personNamer(ctx: CoreContext): (id: string) => string {
  const read = ctx.sqlite.prepare('SELECT given_name, family_name, preferred_name FROM people WHERE id = ?');
  return (id) => {
    const row = read.get(id) as Parameters<typeof displayName>[0] | undefined;
    return row ? displayName(row) : 'someone no longer here';
  };
}

function sessionDescriber(ctx: CoreContext): (id: string) => HistoryEntry['where'] {
  const read = ctx.sqlite.prepare(
    `SELECT s.id AS sessionId, c.title AS courseTitle, v.name AS venueName, s.starts_at AS startsAt
     FROM sessions s JOIN courses c ON c.id = s.course_id JOIN venues v ON v.id = s.venue_id WHERE s.id = ?`,
  );
  const known = new Map<string, HistoryEntry['where']>();
  return (id) => {
    if (!known.has(id)) known.set(id, (read.get(id) as HistoryEntry['where'] | undefined) ?? null);
    return known.get(id)!;
  };
}
