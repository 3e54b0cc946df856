import { sectors, type TableCell } from '../../../shared/contract';
import { DUE_SOON_DAYS } from '../../../shared/contract/membership';
import { displayName } from '../signin/roster';
import { dayNumber, dayText } from './facts/day-numbers';
import { NO_ORGANISATION } from './facts/group-keys';
import { ORIGIN_RENEWAL, type SchemeMembers } from './facts/member-facts';
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

/** Organisations with as many joined are in name order, as localeCompare(name, 'en-GB') orders them (one collator, made once). */
const byName = new Intl.Collator('en-GB');

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

}

interface Slots {
  /** By slot: the organisation's name (null: none, or no row). */
  names: (string | null)[];
  /** By slot: its sector ('none' without an organisation row), and that sector's place in the report's list of sectors. */
  sectors: string[];
  sectorIndex: Int8Array;
  /** By slot: its place in name order ("No organisation recorded" where there is no name); equal names share one. */
  nameRank: Int32Array;
}

const slotsSeen = new WeakMap<SchemeMembers, { names: readonly (string | null)[]; sectors: readonly string[]; slots: Slots }>();

/**
 * Each organisation slot's name and sector, as the report shows them now:
 * worked out again when the members' columns or the organisations were read
 * again (the facts replace their lists of names and sectors then).
 */
function slotsOf({ facts, members }: MembersAsOf): Slots {
  const { organisations } = facts;
  const seen = slotsSeen.get(members);
  if (seen && seen.names === organisations.names && seen.sectors === organisations.sectors) return seen.slots;
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
  const sectorKeys: readonly string[] = [...sectors, 'none'];
  const shown = names.map((name) => name ?? NO_ORGANISATION);
  const order = shown.map((_name, s) => s).sort((a, b) => byName.compare(shown[a]!, shown[b]!));
  const nameRank = new Int32Array(names.length);
  order.forEach((s, place) => {
    const before = order[place - 1];
    nameRank[s] = before !== undefined && byName.compare(shown[before]!, shown[s]!) === 0 ? nameRank[before]! : place;
  });
  const slots: Slots = { names, sectors: slotSectors, sectorIndex: Int8Array.from(slotSectors, (sector) => sectorKeys.indexOf(sector)), nameRank };
  slotsSeen.set(members, { names: organisations.names, sectors: organisations.sectors, slots });
  return slots;
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

  const width = counts.length;
  const sectorKeys = [...sectors, 'none' as const];
  const sectorSums = new Int32Array(sectorKeys.length * width);
  const sectorOrganisations = new Int32Array(sectorKeys.length);
  const totalSums = new Int32Array(width);
  let organisationsJoined = 0;
  const countedSlots: number[] = [];
  for (let s = 0; s < slots; s += 1) {
    if (tallies.firstCounted[s] === -1) continue;
    countedSlots.push(s);
    const sector = slot.sectorIndex[s]!;
    for (let c = 0; c < width; c += 1) {
      const n = tallies.counts[s * width + c]!;
      totalSums[c]! += n;
      if (sector >= 0) sectorSums[sector * width + c]! += n;
    }
    // Organisations they came from: distinct organisations on the first terms counted as joined.
    if (s > 0 && tallies.counts[s * width + JOINED]! > 0) {
      organisationsJoined += 1;
      if (sector >= 0) sectorOrganisations[sector]! += 1;
    }
  }
  const plain = (sums: Int32Array, at: number) => {
    const tally = {} as Record<Count, number>;
    for (let c = 0; c < width; c += 1) tally[counts[c]!] = sums[at + c]!;
    return tally;
  };
  const total = { ...plain(totalSums, 0), organisations: organisationsJoined };
  // Most joined first, then by name; organisations with the same name in the order they were first counted.
  const joinedOf = (s: number) => tallies.counts[s * width + JOINED]!;
  const byOrganisation = countedSlots
    .sort((a, b) => joinedOf(b) - joinedOf(a) || slot.nameRank[a]! - slot.nameRank[b]! || tallies.firstCounted[a]! - tallies.firstCounted[b]!)
    .map((s) => ({ name: slot.names[s] ?? NO_ORGANISATION, ...plain(tallies.counts, s * width) }));
  const bySector = Object.fromEntries(
    sectorKeys.map((sector, index) => [sector, { ...plain(sectorSums, index * width), organisations: sectorOrganisations[index]! }]),
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
