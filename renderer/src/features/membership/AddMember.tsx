import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { problemText } from '../sync/words';
import { Field, Problem, todayLocal } from './parts';
import { typedPence } from './words';
import { IfMayCall } from '../staff/IfMayCall';

/**
 * Adds a person to a scheme: their first term, from the day they join. From a
 * member's page the person is already chosen (`forPersonId`) and the schemes
 * offered are those they are not in yet.
 */
export function AddToScheme({ forPersonId }: { forPersonId?: string }) {
  const [query, setQuery] = useState('');
  const [personId, setPersonId] = useState(forPersonId ?? '');
  const known = useAsync(async () => (forPersonId ? await call('members.get', { personId: forPersonId }) : null), [forPersonId]);
  const inSchemes = new Set((known.data?.memberships ?? []).map((membership) => membership.schemeId));
  const [schemeId, setSchemeId] = useState('');
  const [startsOn, setStartsOn] = useState(todayLocal());
  const [fee, setFee] = useState('');
  const [paidOn, setPaidOn] = useState('');
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [, navigate] = useLocation();
  const announce = useAnnounce();
  const people = useAsync(async () => (forPersonId ? [] : await call('people.list', { query, limit: 50 })), [query, forPersonId]);
  const allSchemes = useAsync(() => call('schemes.list', {}), []);
  const offered = (allSchemes.data ?? []).filter((candidate) => !inSchemes.has(candidate.id));
  const scheme = offered.find((candidate) => candidate.id === (schemeId || offered[0]?.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosenPerson = personId || people.data?.[0]?.id;
    if (!chosenPerson) return setProblem('Choose the person who is joining.');
    if (!scheme) return setProblem(forPersonId ? 'Renew on their page instead: they are in every scheme already.' : 'Add a membership scheme first.');
    const feePence = typedPence(fee);
    if (Number.isNaN(feePence)) return setProblem('Enter the fee in pounds, like 25 or 25.00.');
    try {
      await call('members.join', {
        schemeId: scheme.id,
        personId: chosenPerson,
        startsOn,
        ...(fee.trim() !== '' && { feePence }),
        paidOn: paidOn || null,
        ...(notes.trim() !== '' && { notes }),
      });
      announce('Member added.', `/membership/members/${chosenPerson}`);
      navigate(`/membership/members/${chosenPerson}`);
    } catch (error) {
      setProblem(problemText(error, 'Nothing was saved.'));
    }
  };

  return (
    <Page title={forPersonId ? 'Add to a scheme' : 'Add a member'}>
      <form className="record-form" noValidate onSubmit={submit}>
        <Problem message={problem} />
        {forPersonId ? (
          <p>
            Person: <strong>{known.data?.name ?? '…'}</strong>
            {known.data?.organisationName && `, ${known.data.organisationName}`}
          </p>
        ) : (
          <>
            <Field label="Find the person" hint="Type part of their name; add them under People first if they are new.">
              {(id, describedBy) => <input id={id} className="input input--medium" type="search" aria-describedby={describedBy} value={query} onChange={(event) => setQuery(event.target.value)} />}
            </Field>
            <Field label="Person">
              {(id) => (
                <select id={id} className="input" value={personId || people.data?.[0]?.id || ''} onChange={(event) => setPersonId(event.target.value)}>
                  {(people.data ?? []).map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.givenName} {person.familyName}
                      {person.organisationName ? `, ${person.organisationName}` : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
        <Field label="Scheme">
          {(id) => (
            <select id={id} className="input" value={scheme?.id ?? ''} onChange={(event) => setSchemeId(event.target.value)}>
              {offered.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Joins on">{(id) => <input id={id} className="input" type="date" value={startsOn} onChange={(event) => setStartsOn(event.target.value)} />}</Field>
        <Field label="Fee (£)" hint={scheme?.feePence != null ? `Leave blank for the scheme's fee of £${(scheme.feePence / 100).toFixed(2)}.` : 'Recorded only.'}>
          {(id, describedBy) => <input id={id} className="input input--short" aria-describedby={describedBy} value={fee} onChange={(event) => setFee(event.target.value)} />}
        </Field>
        <Field label="Paid on" hint="Leave blank if not paid yet.">
          {(id, describedBy) => <input id={id} className="input" type="date" aria-describedby={describedBy} value={paidOn} onChange={(event) => setPaidOn(event.target.value)} />}
        </Field>
        <Field label="Notes" hint="Optional: kept on this first term.">
          {(id, describedBy) => <textarea id={id} className="input" aria-describedby={describedBy} maxLength={2000} value={notes} onChange={(event) => setNotes(event.target.value)} />}
        </Field>
        {/* Opened by its address, a viewer on the office server is offered no save the core would refuse. */}
        <IfMayCall name="members.join">
          <div className="form-actions">
            <button type="submit" className="button">
              Add member
            </button>
          </div>
        </IfMayCall>
      </form>
    </Page>
  );
}

/** The menu's "Add a member": anyone, into any scheme. */
export function AddMember() {
  return <AddToScheme />;
}
