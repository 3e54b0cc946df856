import { sectors, type TableCell } from '../../../shared/contract';
import { DUE_SOON_DAYS } from '../../../shared/contract/membership';
import { displayName } from '../signin/roster';
import { dayNumber, dayText } from './facts/day-numbers';
import { ORIGIN_RENEWAL } from './facts/member-facts';
import { OUTCOME_DUE, membersAsOf, renewedInGrace, schemeFor, type MembersAsOf } from './membership-members';
import { countedTo } from './periods';
import { sectorName, table, type ReportBody, type ReportRequest } from './report-parts';

/**
 * The membership report for one scheme: who joined in the period (a period
 * of joining dates) and how their training stands as of the as-of date,
 * who renewed, rejoined or lapsed, by organisation and by sector, and the
 * members whose training falls due in the next 30 days. docs/reports.md
 * and docs/membership.md define each figure.
 */

const counts = ['joined', 'trained', 'notTrained', 'due', 'exempt', 'renewed', 'rejoined', 'lapsed'] as const;
type Count = (typeof counts)[number];

const labels: Record<Count, string> = {
  joined: 'Joined',
  trained: 'Trained',
  notTrained: 'Not trained',
  due: 'Due',
  exempt: 'Exempt',
  renewed: 'Renewed',
  rejoined: 'Rejoined',
  lapsed: 'Lapsed',
};

/** The count each training outcome (membership-members.ts's OUTCOME_*) adds to. */
const outcomeCount: readonly Count[] = ['trained', 'notTrained', 'due', 'exempt'];
const JOINED = counts.indexOf('joined');
const RENEWED = counts.indexOf('renewed');
const REJOINED = counts.indexOf('rejoined');
const LAPSED = counts.indexOf('lapsed');
const outcomeIndex = outcomeCount.map((name) => counts.indexOf(name));

/**
 * The counts by organisation slot (member-facts.ts: 0 for none, then each
 * organisation), in one typed array; the total and each sector are summed
 * from them afterwards. Each slot remembers when it was first counted, so
 * organisations that tie in the table keep the order they were met in.
 */
class SlotTallies {
  readonly counts: Int32Array;
  readonly firstCounted: Int32Array;
  private met = 0;

  constructor(readonly slots: number) {
    this.counts = new Int32Array(slots * counts.length);
    this.firstCounted = new Int32Array(slots).fill(-1);
  }

  add(count: number, slot: number): void {
    if (this.firstCounted[slot] === -1) this.firstCounted[slot] = this.met++;
    this.counts[slot * counts.length + count]! += 1;
  }

  of(slot: number): Record<Count, number> {
    const at = slot * counts.length;
    const tally = {} as Record<Count, number>;
    for (let index = 0; index < counts.length; index += 1) tally[counts[index]!] = this.counts[at + index]!;
    return tally;
  }
}

/** Each organisation slot's name and sector, as the report shows them now. */
function slotsOf({ facts, members }: MembersAsOf): { names: (string | null)[]; sectors: string[] } {
  const { organisations } = facts;
  const names: (string | null)[] = [null];
  const slotSectors: string[] = ['none'];
  for (let n = 0; n < members.organisationCount; n += 1) {
    names.push(organisations.names[n] ?? null);
    slotSectors.push(organisations.sectors[n] ?? 'none');
  }
  for (let k = 0; k < members.unknownOrganisations.length; k += 1) {
    names.push(null);
    slotSectors.push('none');
  }
  return { names, sectors: slotSectors };
}

/** The slot of the organisation a filter names, or -1 when no term has it. */
function slotOfOrganisation({ facts, members }: MembersAsOf, organisationId: string): number {
  const n = facts.organisations.numbers.numberOf(organisationId);
  if (n !== undefined && n < members.organisationCount) return n + 1;
  const unknown = members.unknownOrganisations.indexOf(organisationId);
  return unknown === -1 ? -1 : members.organisationCount + 1 + unknown;
}

export async function membershipReport(request: ReportRequest): Promise<ReportBody> {
  const { ctx, period, filters } = request;
  const scheme = schemeFor(ctx, filters.schemeId);
  const found = await membersAsOf(ctx, scheme, period.asOf);
  const { members, started, origin, cancelled, firstOutcome, latestJoining, latestOutcome } = found;
  const { termStart, startsOn, endsOn, organisationSlot, dueBy } = members;
  const slot = slotsOf(found);
  const slots = slot.names.length;
  // The organisation and sector filters are of the organisation on the term counted.
  const filterSlot = filters.organisationId ? slotOfOrganisation(found, filters.organisationId) : -1;
  const matches = new Uint8Array(slots);
  for (let s = 0; s < slots; s += 1) {
    matches[s] = (!filters.organisationId || s === filterSlot) && (!filters.sector || slot.sectors[s] === filters.sector) ? 1 : 0;
  }
  const from = dayNumber(period.from);
  const to = dayNumber(countedTo(period));
  const asOf = found.asOf;
  const grace = scheme.grace_days;
  const dueSoonBy = asOf + DUE_SOON_DAYS;
  const tallies = new SlotTallies(slots);
  const count = (name: number, term: number) => {
    const at = organisationSlot[term]!;
    if (matches[at]) tallies.add(name, at);
  };
  const dueSoon: { member: number; term: number }[] = [];
  for (let m = 0; m < started.length; m += 1) {
    if (started[m] === 0) continue;
    const first = termStart[m]!;
    const last = first + started[m]!;
    if (from <= startsOn[first]! && startsOn[first]! <= to) {
      count(JOINED, first);
      count(outcomeIndex[firstOutcome[m]!]!, first);
    }
    for (let t = first + 1; t < last; t += 1) {
      if (from <= startsOn[t]! && startsOn[t]! <= to) count(origin[t] === ORIGIN_RENEWAL ? RENEWED : REJOINED, t);
    }
    for (let t = first; t < last; t += 1) {
      // A cancelled term stopped by the office's decision: a cancellation, not a lapse.
      if (cancelled[t] || endsOn[t]! < from || endsOn[t]! > to) continue;
      if (endsOn[t]! + grace < asOf && !renewedInGrace(found, m, t, grace)) count(LAPSED, t);
    }
    const joining = latestJoining[m]!;
    if (latestOutcome[m] === OUTCOME_DUE && dueBy[joining]! <= dueSoonBy && matches[organisationSlot[last - 1]!]) dueSoon.push({ member: m, term: joining });
  }

  const names = dueSoonNames(request, dueSoon.map((due) => members.keptIds[due.member]!));
  const dueList = dueSoon
    .map((due) => {
      const latest = termStart[due.member]! + started[due.member]! - 1;
      return {
        name: names.get(members.keptIds[due.member]!) ?? '',
        organisation: slot.names[organisationSlot[latest]!] ?? null,
        joinedOn: dayText(startsOn[due.term]!),
        dueBy: dayText(dueBy[due.term]!),
      };
    })
    .sort((a, b) => (a.dueBy !== b.dueBy ? (a.dueBy < b.dueBy ? -1 : 1) : a.name.localeCompare(b.name, 'en-GB')));

  const zero = () => Object.fromEntries(counts.map((name) => [name, 0])) as Record<Count, number>;
  const addTo = (sum: Record<Count, number>, part: Record<Count, number>) => counts.forEach((name) => (sum[name] += part[name]));
  const totalCounts = zero();
  const sectorCounts = new Map<string, { counts: Record<Count, number>; organisations: number }>();
  let organisationsJoined = 0;
  const counted: { slot: number; name: string; tally: Record<Count, number> }[] = [];
  for (let s = 0; s < slots; s += 1) {
    if (tallies.firstCounted[s] === -1) continue;
    const tally = tallies.of(s);
    addTo(totalCounts, tally);
    const sector = sectorCounts.get(slot.sectors[s]!) ?? { counts: zero(), organisations: 0 };
    sectorCounts.set(slot.sectors[s]!, sector);
    addTo(sector.counts, tally);
    // Organisations they came from: distinct organisations on the first terms counted as joined.
    if (s > 0 && tally.joined > 0) {
      organisationsJoined += 1;
      sector.organisations += 1;
    }
    counted.push({ slot: s, name: slot.names[s] ?? 'No organisation recorded', tally });
  }
  const total = { ...totalCounts, organisations: organisationsJoined };
  const byName = new Intl.Collator('en-GB').compare;
  const byOrganisation = counted
    .sort((a, b) => tallies.firstCounted[a.slot]! - tallies.firstCounted[b.slot]!)
    .map(({ name, tally }) => ({ name, ...tally }))
    .sort((a, b) => b.joined - a.joined || byName(a.name, b.name));
  const bySector = Object.fromEntries(
    [...sectors, 'none' as const].map((sector) => {
      const tally = sectorCounts.get(sector);
      return [sector, { ...(tally?.counts ?? zero()), organisations: tally?.organisations ?? 0 }];
    }),
  );
  const line = (tally: Record<Count, number>): TableCell[] => counts.map((name) => tally[name]);



  return {
    figures: [
      { key: 'joined', label: 'Joined', value: total.joined },
      { key: 'organisations', label: 'Organisations they came from', value: total.organisations },
      ...counts.slice(1).map((name) => ({ key: name, label: labels[name], value: total[name] })),
      { key: 'dueSoon', label: `Training due in the next ${DUE_SOON_DAYS} days`, value: dueList.length },
    ],
    tables: [
      table(
        'training',
        'Training of those who joined',
        ['Training', 'Members'],
        (['trained', 'notTrained', 'due', 'exempt'] as const).map((name) => [labels[name], total[name]]),
      ),
      table(
        'organisation',
        'By organisation',
        ['Organisation', ...counts.map((name) => labels[name])] as [string, ...string[]],
        byOrganisation.map((row) => [row.name, ...line(row)]),
      ),
      table(
        'sector',
        'By sector',
        ['Sector', 'Organisations', ...counts.map((name) => labels[name])] as [string, ...string[]],
        Object.entries(bySector).map(([sector, row]) => [sectorName(sector), row.organisations, ...line(row)]),
        2,
      ),
      table(
        'dueSoon',
        `Due in the next ${DUE_SOON_DAYS} days`,
        ['Member', 'Organisation', 'Joined', 'Training due by'],
        dueList.map((due) => [due.name, due.organisation ?? 'No organisation recorded', due.joinedOn, due.dueBy]),
        null,
        4,
      ),
    ],
    data: { scheme: scheme.name, ...total, bySector, byOrganisation, dueSoon: dueList },
    notes: [
      ...(total.joined === 0 ? ['No one joined in this period.'] : []),
      ...(filters.contractId || filters.courseId || filters.venueId || filters.facilitator
        ? ['The membership report counts members, not sessions: the contract, course, venue and facilitator filters do not apply to it.']
        : []),
    ],
  };
}

/** The names of the few members due soon (never the whole membership), as the members list shows them. */
function dueSoonNames(request: ReportRequest, personIds: string[]): Map<string, string> {
  if (personIds.length === 0) return new Map();
  const found = request.ctx.sqlite
    .prepare('SELECT id, given_name, family_name, preferred_name FROM people WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(personIds)) as { id: string; given_name: string; family_name: string; preferred_name: string | null }[];
  return new Map(found.map((person) => [person.id, displayName(person)]));
}
