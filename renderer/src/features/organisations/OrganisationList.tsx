import { sectorLabels } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ListPage } from '../../components/ListPage';
import { DownloadButtons } from '../exports/DownloadButtons';
import { RecordTable } from '../../components/RecordTable';
import { Pagination } from '../../components/Pagination';
import { usePagedList } from '../../components/usePagedList';
import { useMayCall } from '../staff/may-call';

/** Every organisation, 50 at a time in name order, with a count. */
export function OrganisationList() {
  const list = usePagedList('/organisations', (query, place) => call('organisations.page', { query, pageSize: 50, ...place }));
  // A viewer on the office server opens no edit form: the core would refuse the save.
  const mayEdit = useMayCall('organisations.update');

  return (
    <ListPage
      title="Organisations"
      newHref="/organisations/new"
      newLabel="New organisation"
      searchLabel="Search organisations by name"
      query={list.query}
      onQuery={list.setQuery}
      result={list.result}
      plural="organisations"
      one="organisation"
      empty="There are no organisations yet. Add one with New organisation."
      downloads={<DownloadButtons request={{ list: 'organisations', query: list.query }} what="the organisations list" />}
      count={list.count}
      pager={<Pagination label="Organisations list pages" onPrevious={list.onPrevious} onNext={list.onNext} />}
    >
      {(organisations) => (
        <RecordTable
          caption="Organisations"
          captionHidden
          items={organisations}
          columns={[
            { header: 'Name', cell: (organisation) => organisation.name, rowHeader: true },
            { header: 'Sector', cell: (organisation) => sectorLabels[organisation.sector] },
          ]}
          editHref={(organisation) => `/organisations/${organisation.id}`}
          actionLabel={mayEdit ? undefined : 'Open'}
          editName={(organisation) => `organisation: ${organisation.name}`}
        />
      )}
    </ListPage>
  );
}
