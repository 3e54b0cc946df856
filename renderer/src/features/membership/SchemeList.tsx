import { Link } from 'wouter';
import { call } from '../../api/client';
import { ButtonLink, LoadFailed, Loading, Page } from '../../components/Page';
import { RecordTable } from '../../components/RecordTable';
import { useAsync } from '../../components/useAsync';
import { pounds, termsInWords } from './words';
import { useMayCall } from '../staff/may-call';
import { IfMayCall } from '../staff/IfMayCall';

/** The office's membership schemes: what members must attend, and by when. */
export function SchemeList() {
  const result = useAsync(() => call('schemes.list', {}), []);
  const mayEdit = useMayCall('schemes.update');
  return (
    <Page title="Membership schemes" actions={
        <IfMayCall name="schemes.create">
          <ButtonLink href="/membership/schemes/new">New scheme</ButtonLink>
        </IfMayCall>
      }>
      <p>
        <Link href="/membership">Back to members</Link>
      </p>
      {result.status === 'failed' && <LoadFailed message={result.message} />}
      {result.data === undefined && result.status === 'loading' && <Loading what="schemes" />}
      {result.data?.length === 0 && <p className="empty">There are no membership schemes yet. Add one with New scheme.</p>}
      {result.data && result.data.length > 0 && (
        <RecordTable
          caption="Membership schemes"
          captionHidden
          items={result.data}
          columns={[
            { header: 'Name', cell: (scheme) => scheme.name, rowHeader: true },
            { header: 'Required course', cell: (scheme) => scheme.requiredCourses.map((course) => course.title).join(' or ') },
            { header: 'Train within', cell: (scheme) => `${scheme.windowMonths} months of joining` },
            { header: 'Terms', cell: termsInWords },
            { header: 'Fee', cell: (scheme) => pounds(scheme.feePence) },
            { header: 'Grace period', cell: (scheme) => `${scheme.graceDays} days` },
          ]}
          editHref={mayEdit ? (scheme) => `/membership/schemes/${scheme.id}` : undefined}
          editName={(scheme) => `scheme: ${scheme.name}`}
        />
      )}
    </Page>
  );
}
