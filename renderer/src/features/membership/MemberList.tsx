import { useId, useState } from 'react';
import { Link } from 'wouter';
import {
  DUE_SOON_DAYS,
  memberStatuses,
  memberStatusLabels,
  trainingOutcomeLabels,
  trainingOutcomes,
  type MemberStatus,
  type MembersListInput,
  type TrainingOutcome,
} from '../../../../shared/contract';
import { call } from '../../api/client';
import { longDate } from '../../components/format';
import { ListPage } from '../../components/ListPage';
import { useAsync } from '../../components/useAsync';
import { DownloadButtons } from '../exports/DownloadButtons';
import { BookChosen } from './BookChosen';
import { useMayCall } from '../staff/may-call';

function Select({ label, value, onChange, choices }: { label: string; value: string; onChange(value: string): void; choices: { value: string; label: string }[] }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Any</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Members of the office's schemes as of a day, with filters; the "due soon"
 * list is the same list, those whose training window closes within 30 days.
 */
export function MemberList({ dueSoon = false }: { dueSoon?: boolean }) {
  const [query, setQuery] = useState('');
  const [schemeId, setSchemeId] = useState('');
  const [status, setStatus] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [training, setTraining] = useState('');
  const [asOf, setAsOf] = useState('');
  const asOfId = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [booked, setBooked] = useState(0);
  // Choosing members is for booking them; a viewer on the office server may not book (the core would refuse it).
  const mayBook = useMayCall('members.book');
  const choosing = dueSoon && mayBook;
  const schemes = useAsync(() => call('schemes.list', {}), []);
  const organisations = useAsync(() => call('organisations.list', { query: '', limit: 500 }), []);
  const filters: Omit<MembersListInput, 'query'> = {
    dueSoon,
    ...(schemeId && { schemeId }),
    ...(status && { status: status as MemberStatus }),
    ...(organisationId && { organisationId }),
    ...(training && { training: training as TrainingOutcome }),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(asOf) && { asOf }),
  };
  const result = useAsync(async () => (await call('members.list', { ...filters, query })).map((row) => ({ ...row, id: `${row.schemeId} ${row.personId}` })), [
    JSON.stringify(filters),
    query,
    booked,
  ]);
  const choose = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <ListPage
      title={dueSoon ? 'Training due soon' : 'Members'}
      newHref="/membership/members/new"
      newLabel="Add a member"
      notice={
        <nav aria-label="Membership" className="list-links">
          <ul>
            <li>{dueSoon ? <Link href="/membership">All members</Link> : <Link href="/membership/due">Training due in the next {DUE_SOON_DAYS} days</Link>}</li>
            <li>
              <Link href="/membership/schemes">Membership schemes</Link>
            </li>
            <li>
              <Link href="/membership/requests">Requests to join from laptops</Link>
            </li>
          </ul>
        </nav>
      }
      searchLabel="Search members by name or email"
      query={query}
      onQuery={setQuery}
      result={result}
      plural="members"
      empty={dueSoon ? `Nobody's training is due in the next ${DUE_SOON_DAYS} days.` : 'There are no members to show. Add one with Add a member.'}
      filters={
        <>
          <Select label="Scheme" value={schemeId} onChange={setSchemeId} choices={(schemes.data ?? []).map((scheme) => ({ value: scheme.id, label: scheme.name }))} />
          <Select label="Status" value={status} onChange={setStatus} choices={memberStatuses.map((value) => ({ value, label: memberStatusLabels[value] }))} />
          <Select
            label="Organisation"
            value={organisationId}
            onChange={setOrganisationId}
            choices={(organisations.data ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          />
          {!dueSoon && <Select label="Training" value={training} onChange={setTraining} choices={trainingOutcomes.map((value) => ({ value, label: trainingOutcomeLabels[value] }))} />}
          <div className="field">
            <label className="field__label" htmlFor={asOfId}>
              As of
            </label>
            <input id={asOfId} className="input" type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} />
          </div>
        </>
      }
      downloads={<DownloadButtons request={{ list: 'members', ...filters, query }} what={dueSoon ? 'the training due soon list' : 'the members list'} />}
    >
      {(members) => (
        <>
        <table className="table">
          <caption className="visually-hidden">{dueSoon ? 'Members whose training is due soonest first' : 'Members'}</caption>
          <thead>
            <tr>
              {choosing && (
                <th scope="col">
                  {/* Every row shown at once, to book them all in one action; a row's own box for one. */}
                  <input
                    type="checkbox"
                    aria-label={`Choose all ${members.length} shown`}
                    checked={members.length > 0 && members.every((member) => chosen.has(member.id))}
                    onChange={(event) => setChosen(event.target.checked ? new Set(members.map((member) => member.id)) : new Set())}
                  />
                </th>
              )}
              <th scope="col">Name</th>
              <th scope="col">Scheme</th>
              <th scope="col">Status</th>
              <th scope="col">Organisation</th>
              <th scope="col">Term ends</th>
              <th scope="col">Training</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                {choosing && (
                  <td>
                    <input type="checkbox" aria-label={`Choose ${member.name} (${member.schemeName})`} checked={chosen.has(member.id)} onChange={(event) => choose(member.id, event.target.checked)} />
                  </td>
                )}
                <th scope="row">
                  <Link href={`/membership/members/${member.personId}`}>{member.name}</Link>
                </th>
                <td>{member.schemeName}</td>
                <td>{memberStatusLabels[member.status]}</td>
                <td>{member.organisationName ?? 'No organisation'}</td>
                <td>{longDate(member.termEndsOn)}</td>
                <td>
                  {trainingOutcomeLabels[member.training.outcome]}
                  {member.training.outcome === 'due' && ` by ${longDate(member.training.dueBy)}`}
                  {member.training.outcome === 'trained' && member.training.attendedOn && ` on ${longDate(member.training.attendedOn)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {choosing && <BookChosen chosen={members.filter((member) => chosen.has(member.id))} onBooked={() => setBooked((count) => count + 1)} />}
        </>
      )}
    </ListPage>
  );
}
