import { sectors, type TableCell } from '../../../shared/contract';
import { DUE_SOON_DAYS } from '../../../shared/contract/membership';
import { addDays, lastDayInEffect } from '../membership/dates';
import { displayName } from '../signin/roster';
import { countedTo } from './periods';
import { reportMembers, schemeFor, type ReportMember, type ReportTerm } from './membership-members';
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
type Tally = Record<Count, number> & { organisationIds: Set<string> };

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

const outcomeCount = { trained: 'trained', not_trained: 'notTrained', due: 'due', exempt: 'exempt' } as const;

const emptyTally = (): Tally => ({ ...(Object.fromEntries(counts.map((count) => [count, 0])) as Record<Count, number>), organisationIds: new Set() });

class Tallies {
  readonly total = emptyTally();
  readonly organisations = new Map<string, { name: string; tally: Tally }>();
  readonly sectors = new Map<string, Tally>();

  add(count: Count, term: ReportTerm): void {
    const orgKey = term.organisationId ?? '';
    const organisation = this.organisations.get(orgKey) ?? { name: term.organisationName ?? 'No organisation recorded', tally: emptyTally() };
    this.organisations.set(orgKey, organisation);
    const sector = this.sectors.get(term.sector) ?? emptyTally();
    this.sectors.set(term.sector, sector);
    for (const tally of [this.total, organisation.tally, sector]) {
      tally[count] += 1;
      if (count === 'joined' && term.organisationId !== null) tally.organisationIds.add(term.organisationId);
    }
  }
}

/**
 * addDays for the report's many terms: their last days are few (a membership
 * year ends on one day), so each sum is worked out once a report.
 */
function daysAfter(): (day: string, days: number) => string {
  const known = new Map<string, string>();
  return (day, days) => {
    const key = `${day}+${days}`;
    let found = known.get(key);
    if (found === undefined) known.set(key, (found = addDays(day, days)));
    return found;
  };
}

/** Whether a later term renews this one: it started after it, took effect, and began no later than the day after its grace period. */
function renewedInGrace(term: ReportTerm, member: ReportMember, graceDays: number, plus: (day: string, days: number) => string): boolean {
  const lastRenewalDay = plus(term.endsOn, graceDays + 1);
  return member.terms.some((later) => later.startsOn > term.startsOn && later.startsOn <= lastRenewalDay && lastDayInEffect(later) >= later.startsOn);
}

export async function membershipReport(request: ReportRequest): Promise<ReportBody> {
  const { ctx, period, filters } = request;
  const scheme = schemeFor(ctx, filters.schemeId);
  const members = await reportMembers(ctx, scheme, period.asOf);
  const to = countedTo(period);
  const inPeriod = (day: string) => period.from <= day && day <= to;
  // The organisation and sector filters are of the organisation on the term counted.
  const matches = (term: ReportTerm) =>
    (!filters.organisationId || term.organisationId === filters.organisationId) && (!filters.sector || term.sector === filters.sector);
  const tallies = new Tallies();
  const count = (name: Count, term: ReportTerm) => {
    if (matches(term)) tallies.add(name, term);
  };
  const dueSoonBy = addDays(period.asOf, DUE_SOON_DAYS);
  const plus = daysAfter();
  const dueSoon: { personId: string; term: ReportTerm; joinedOn: string; dueBy: string }[] = [];
  for (const member of members) {
    const [first, ...later] = member.terms;
    if (!first) continue;
    if (inPeriod(first.startsOn)) {
      count('joined', first);
      count(outcomeCount[member.joinings[0]!.outcome], first);
    }
    for (const term of later) if (inPeriod(term.startsOn)) count(term.origin === 'renewal' ? 'renewed' : 'rejoined', term);
    for (const term of member.terms) {
      // A cancelled term stopped by the office's decision: a cancellation, not a lapse.
      if (term.cancelledOn !== null || !inPeriod(term.endsOn)) continue;
      if (plus(term.endsOn, scheme.grace_days) < period.asOf && !renewedInGrace(term, member, scheme.grace_days, plus)) count('lapsed', term);
    }
    const training = member.joinings.at(-1)!;
    const latest = member.terms.at(-1)!;
    if (training.outcome === 'due' && training.dueBy <= dueSoonBy && matches(latest)) {
      dueSoon.push({ personId: member.personId, term: latest, joinedOn: training.joinedOn, dueBy: training.dueBy });
    }
  }

  const names = dueSoonNames(request, dueSoon.map((due) => due.personId));
  const dueList = dueSoon
    .map((due) => ({ name: names.get(due.personId) ?? '', organisation: due.term.organisationName, joinedOn: due.joinedOn, dueBy: due.dueBy }))
    .sort((a, b) => (a.dueBy !== b.dueBy ? (a.dueBy < b.dueBy ? -1 : 1) : a.name.localeCompare(b.name, 'en-GB')));

  const plain = (tally: Tally) => Object.fromEntries(counts.map((name) => [name, tally[name]])) as Record<Count, number>;
  const total = { ...plain(tallies.total), organisations: tallies.total.organisationIds.size };
  const byOrganisation = [...tallies.organisations.values()]
    .map(({ name, tally }) => ({ name, ...plain(tally) }))
    .sort((a, b) => b.joined - a.joined || a.name.localeCompare(b.name, 'en-GB'));
  const bySector = Object.fromEntries(
    [...sectors, 'none' as const].map((sector) => {
      const tally = tallies.sectors.get(sector) ?? emptyTally();
      return [sector, { ...plain(tally), organisations: tally.organisationIds.size }];
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
