import { sectorLabels } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ListPage } from '../../components/ListPage';
import { DownloadButtons } from '../exports/DownloadButtons';
import { RecordTable } from '../../components/RecordTable';
import { useAsync } from '../../components/useAsync';
import { searchKey, useRemembered } from '../../components/useRemembered';

export function OrganisationList() {
  const [query, setQuery] = useRemembered(searchKey('/organisations'), '');
  const result = useAsync(() => call('organisations.list', { query, limit: 500 }), [query]);

  return (
    <ListPage
      title="Organisations"
      newHref="/organisations/new"
      newLabel="New organisation"
      searchLabel="Search organisations by name"
      query={query}
      onQuery={setQuery}
      result={result}
      plural="organisations"
      empty="There are no organisations yet. Add one with New organisation."
      downloads={<DownloadButtons request={{ list: 'organisations', query }} what="the organisations list" />}
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
          editName={(organisation) => `organisation: ${organisation.name}`}
        />
      )}
    </ListPage>
  );
}
