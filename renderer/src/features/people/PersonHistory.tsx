import { call } from '../../api/client';
import { LoadFailed, Loading } from '../../components/Page';
import { RecordTable } from '../../components/RecordTable';
import { useAsync } from '../../components/useAsync';
import { dayAndTime, momentText } from '../../components/format';

/** Every change to the person and what they did, newest first, with the computer it was made on. */
export function PersonHistory({ id }: { id: string }) {
  const history = useAsync(() => call('people.history', { id }), [id]);
  return (
    <>
      <h2>History</h2>
      {history.status === 'failed' && <LoadFailed message={history.message} />}
      {history.status === 'loading' && <Loading what="the history" />}
      {history.data && (
        <RecordTable
          caption="History of changes"
          captionHidden
          className="table--history"
          items={history.data}
          columns={[
            { header: 'When', rowHeader: true, cell: (entry) => momentText(entry.at) },
            { header: 'What happened', cell: (entry) => entry.what },
            { header: 'Where', cell: (entry) => (entry.where ? `${entry.where.courseTitle} at ${entry.where.venueName}, ${dayAndTime(entry.where.startsAt)}` : 'Not at a session') },
            // On the office server, who made it too: "Central office, by Priya Shah", as a booking's history says it.
            { header: 'Computer', cell: (entry) => (entry.staffName ? `${entry.deviceName}, by ${entry.staffName}` : entry.deviceName) },
          ]}
        />
      )}
    </>
  );
}
