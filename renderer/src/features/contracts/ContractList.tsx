import { NO_CONTRACT, yearStartInWords } from '../../../../shared/contract';
import { useKeepsCatalogue } from '../../app/device';
import { call } from '../../api/client';
import { longDate } from '../../components/format';
import { ListPage } from '../../components/ListPage';
import { RecordTable } from '../../components/RecordTable';
import { useAsync } from '../../components/useAsync';
import { searchKey, useRemembered } from '../../components/useRemembered';
import { KeptByOffice, noneOnLaptop } from '../courses/KeptByOffice';
import { DownloadButtons } from '../exports/DownloadButtons';
import { useMayCall } from '../staff/may-call';

/** The funding contracts sessions are delivered under; changed only at the office. */
export function ContractList() {
  const [query, setQuery] = useRemembered(searchKey('/contracts'), '');
  const result = useAsync(() => call('contracts.list', { query, limit: 500 }), [query]);
  const editable = useKeepsCatalogue();
  const mayEdit = useMayCall('contracts.update');

  return (
    <ListPage
      title="Contracts"
      newHref={editable ? '/contracts/new' : undefined}
      newLabel="New contract"
      notice={!editable && <KeptByOffice what="the contracts" />}
      searchLabel="Search contracts by name or funder"
      searchHint={`A session under none of these is “${NO_CONTRACT}”.`}
      query={query}
      onQuery={setQuery}
      result={result}
      plural="contracts"
      empty={editable ? 'There are no contracts yet. Add one with New contract.' : noneOnLaptop('contracts')}
      downloads={<DownloadButtons request={{ list: 'contracts', query }} what="the contracts list" />}
    >
      {(contracts) => (
        <RecordTable
          caption="Contracts"
          captionHidden
          items={contracts}
          columns={[
            { header: 'Name', cell: (contract) => contract.name, rowHeader: true },
            { header: 'Funder', cell: (contract) => contract.funder },
            { header: 'Year starts', cell: (contract) => yearStartInWords(contract.yearStarts) },
            { header: 'Ends', cell: (contract) => (contract.endsOn ? longDate(contract.endsOn) : 'No end date') },
          ]}
          editHref={editable && mayEdit ? (contract) => `/contracts/${contract.id}` : undefined}
          editName={(contract) => `contract: ${contract.name}`}
        />
      )}
    </ListPage>
  );
}
