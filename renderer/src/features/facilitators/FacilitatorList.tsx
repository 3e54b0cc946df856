import { Link } from 'wouter';
import { call } from '../../api/client';
import { formatCount } from '../../components/format-count';
import { ButtonLink, LoadFailed, Loading, Page } from '../../components/Page';
import { RecordTable } from '../../components/RecordTable';
import { useAsync } from '../../components/useAsync';
import { useKeepsCatalogue } from '../../app/device';
import { linkPath } from './paths';
import { useMayChange } from '../staff/may-call';

/**
 * The office's facilitators, each a record whose name can be corrected
 * (every session that refers to them shows the new name), then the names
 * typed on sessions before there were records, each to link to a record.
 */
export function FacilitatorList() {
  const state = useAsync(() => call('facilitators.list', {}), []);
  const editable = useKeepsCatalogue();
  // A viewer on the office server reads the list; the core would refuse adding, renaming or linking.
  const mayChange = useMayChange();
  const sessions = (count: number) => `${formatCount(count)} ${count === 1 ? 'session' : 'sessions'}`;
  return (
    <Page title="Facilitators" actions={editable && mayChange && <ButtonLink href="/facilitators/new">Add facilitator</ButtonLink>}>
      <p>
        Sessions refer to these facilitators, so a corrected name shows on every session and report, and each facilitator is counted once.
        {editable ? '' : ' The central office keeps this list; its changes reach this laptop in its next package.'}
      </p>
      {state.status === 'loading' && <Loading what="the facilitators" />}
      {state.status === 'failed' && <LoadFailed message={state.message} />}
      {state.status === 'ready' && (
        <>
          {state.data.facilitators.length === 0 ? (
            <p>There are no facilitators yet.{editable && mayChange ? ' Add one with Add facilitator.' : ''}</p>
          ) : (
            <RecordTable
              caption="Facilitators"
              captionHidden
              items={state.data.facilitators}
              columns={[
                { header: 'Name', cell: (facilitator) => facilitator.name, rowHeader: true },
                { header: 'Sessions', cell: (facilitator) => sessions(facilitator.sessions) },
              ]}
              editHref={editable && mayChange ? (facilitator) => `/facilitators/${facilitator.id}` : undefined}
              editName={(facilitator) => `of ${facilitator.name}`}
              actionLabel="Change name"
            />
          )}
          {state.data.unlinked.length > 0 && (
            <section aria-labelledby="unlinked-names">
              <h2 id="unlinked-names">Names on sessions with no facilitator record</h2>
              <p>
                Typed on sessions before there were facilitator records, or not one of them. Reports count each of these apart from the
                facilitators above until it is linked to one.
              </p>
              <table className="table">
                <caption className="visually-hidden">Names on sessions with no facilitator record</caption>
                <thead>
                  <tr>
                    <th scope="col">Name on the sessions</th>
                    <th scope="col">Sessions</th>
                    {editable && mayChange && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {state.data.unlinked.map((entry) => (
                    <tr key={entry.name}>
                      <th scope="row">{entry.name}</th>
                      <td data-label="Sessions">{sessions(entry.sessions)}</td>
                      {editable && mayChange && (
                        <td>
                          <Link href={linkPath(entry.name)}>
                            Link to a facilitator<span className="visually-hidden">: {entry.name}</span>
                          </Link>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
    </Page>
  );
}
