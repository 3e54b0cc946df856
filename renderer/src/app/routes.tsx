import { Link, Redirect, Route, Switch } from 'wouter';
import { Page } from '../components/Page';
import { ContractList } from '../features/contracts/ContractList';
import { EditContract, NewContract } from '../features/contracts/ContractForm';
import { CourseList } from '../features/courses/CourseList';
import { EditCourse, NewCourse } from '../features/courses/CourseForm';
import { EvaluationEditor } from '../features/courses/EvaluationEditor';
import { SessionEvaluation } from '../features/evaluation/SessionEvaluation';
import { YouSaidWeDid } from '../features/notes/YouSaidWeDid';
import { OrganisationList } from '../features/organisations/OrganisationList';
import { EditOrganisation, NewOrganisation } from '../features/organisations/OrganisationForm';
import { PersonList } from '../features/people/PersonList';
import { RequestList } from '../features/requests/RequestList';
import { NewRequest } from '../features/requests/RequestForm';
import { ScheduleRequest } from '../features/requests/ScheduleRequest';
import { EditPerson, NewPerson } from '../features/people/PersonForm';
import { PersonPage } from '../features/people/PersonPage';
import { MergePeople } from '../features/people/MergePeople';
import { SessionList } from '../features/sessions/SessionList';
import { EditSession, NewSession } from '../features/sessions/SessionForm';
import { RosterScreen } from '../features/today/RosterScreen';
import { TodayScreen } from '../features/today/TodayScreen';
import { VenueList } from '../features/venues/VenueList';
import { EditVenue, NewVenue } from '../features/venues/VenueForm';
import { DevicesScreen } from '../features/sync/DevicesScreen';
import { BackupScreen } from '../features/backup/BackupScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { RecoveryCodePage } from '../features/settings/RecoveryCodePage';
import { ImportScreen } from '../features/sync/ImportScreen';
import { ReviewScreen } from '../features/sync/ReviewScreen';
import { SendToOffice } from '../features/sync/SendToOffice';
import { SheetImportScreen } from '../features/sheets/SheetImportScreen';
import { AddMember, AddToScheme } from '../features/membership/AddMember';
import { MemberList } from '../features/membership/MemberList';
import { MemberPage } from '../features/membership/MemberPage';
import { EditScheme, NewScheme } from '../features/membership/SchemeForm';
import { SchemeList } from '../features/membership/SchemeList';
import { JoinRequests } from '../features/membership/JoinRequests';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { ErasePerson } from '../features/erasure/ErasePerson';
import { ErasuresScreen } from '../features/erasure/ErasuresScreen';
import { SubjectAccessPage } from '../features/subject-access/SubjectAccessPage';
import { AuditScreen } from '../features/staff/AuditScreen';
import { StaffScreen } from '../features/staff/StaffScreen';
import { FollowUpsScreen } from '../features/follow-ups/FollowUpsScreen';
import { FollowUpForms } from '../features/follow-ups/FollowUpForms';
import { AnswerByCode } from '../features/follow-ups/AnswerByCode';
import { FacilitatorList } from '../features/facilitators/FacilitatorList';
import { LinkFacilitatorName, NewFacilitator, RenameFacilitator } from '../features/facilitators/FacilitatorForms';
import type { DeviceRole, ProcedureName } from '../../../shared/contract';
import { useDevice } from './device';

export interface Section {
  path: string;
  label: string;
  /** The roles whose menu shows it; every role when left out. */
  roles?: readonly DeviceRole[];
  /** The menu group it sits in, so the main menu fits one row; on the top row when left out. */
  group?: MenuGroup;
  /** On the office server, the procedure the screen opens with: shown only to staff whose role may call it. */
  needs?: ProcedureName;
  /** Shown only when served by the office server (`fieldbook serve`). */
  server?: true;
}

export type MenuGroup = 'catalogue' | 'files';
export const menuGroupLabels: Record<MenuGroup, string> = { catalogue: 'Catalogue', files: 'Files' };

/**
 * The main menu. Today comes first: it is where a session day starts. The
 * day's work is on the top row; the catalogue the sessions are made from
 * (courses, venues, organisations, contracts, and organisations' requests
 * for sessions) and moving files between devices are each a group that
 * opens below its button, so the menu fits one row at 1024 px. The app's
 * Go menu lists every screen.
 */
export const sections: readonly Section[] = [
  { path: '/today', label: 'Today' },
  { path: '/sessions', label: 'Sessions' },
  { path: '/people', label: 'People' },
  { path: '/membership', label: 'Membership', roles: ['office'] },
  { path: '/reports', label: 'Reports' },
  { path: '/you-said-we-did', label: 'You said, we did' },
  { path: '/courses', label: 'Courses', group: 'catalogue' },
  { path: '/venues', label: 'Venues', group: 'catalogue' },
  { path: '/organisations', label: 'Organisations', group: 'catalogue' },
  { path: '/contracts', label: 'Contracts', roles: ['office'], group: 'catalogue' },
  { path: '/facilitators', label: 'Facilitators', roles: ['office'], group: 'catalogue', needs: 'facilitators.list' },
  { path: '/requests', label: 'Requests', group: 'catalogue' },
  { path: '/sync', label: 'Send to office', roles: ['laptop'], group: 'files' },
  { path: '/import', label: 'Import', roles: ['office'], group: 'files', needs: 'sync.importFile' },
  { path: '/sheets', label: 'Spreadsheets', roles: ['office'], group: 'files', needs: 'sheets.import' },
  { path: '/review', label: 'Review', roles: ['office'], group: 'files', needs: 'sync.resolveConflict' },
  { path: '/devices', label: 'Devices', group: 'files', needs: 'pairing.status' },
  { path: '/backup', label: 'Backups', group: 'files', needs: 'backup.status' },
  { path: '/follow-ups', label: 'Follow-ups due', roles: ['office'], group: 'files', needs: 'followUps.due' },
  { path: '/erasures', label: 'Erasures', roles: ['office'], group: 'files', needs: 'erasure.list' },
  { path: '/settings', label: 'Settings', group: 'files', needs: 'settings.get' },
  // On the office server only: the desktop app has no accounts, so no one to audit.
  { path: '/staff', label: 'Staff', roles: ['office'], group: 'files', needs: 'staff.list', server: true },
  { path: '/audit', label: 'Audit trail', roles: ['office'], group: 'files', needs: 'staff.audit', server: true },
];

/** The menu this computer's role sees. */
export function sectionsFor(role: DeviceRole): Section[] {
  return sections.filter((section) => !section.roles || section.roles.includes(role));
}

/**
 * Where the app opens: a facilitator's laptop on today's sessions, the
 * office on the schedule it keeps.
 */
function useHome(): { path: string; label: string } {
  return useDevice().role === 'laptop'
    ? { path: '/today', label: "Go to today's sessions" }
    : { path: '/sessions', label: 'Go to sessions' };
}

function NotFound() {
  const home = useHome();
  return (
    <Page title="Page not found">
      <p>There is no screen at this address.</p>
      <p>
        <Link href={home.path}>{home.label}</Link>
      </p>
    </Page>
  );
}

export function Routes() {
  const home = useHome();
  return (
    <Switch>
      <Route path="/">
        <Redirect to={home.path} replace />
      </Route>
      <Route path="/today" component={TodayScreen} />
      <Route path="/today/:sessionId">{({ sessionId }) => <RosterScreen key={sessionId} sessionId={sessionId} />}</Route>
      <Route path="/sessions" component={SessionList} />
      <Route path="/sessions/new" component={NewSession} />
      <Route path="/sessions/:id">{({ id }) => <EditSession key={id} id={id} />}</Route>
      <Route path="/sessions/:sessionId/evaluation">
        {({ sessionId }) => <SessionEvaluation key={sessionId} sessionId={sessionId} />}
      </Route>
      <Route path="/courses" component={CourseList} />
      <Route path="/courses/new" component={NewCourse} />
      <Route path="/courses/:id">{({ id }) => <EditCourse key={id} id={id} />}</Route>
      <Route path="/courses/:id/evaluation">{({ id }) => <EvaluationEditor key={id} courseId={id} />}</Route>
      <Route path="/venues" component={VenueList} />
      <Route path="/venues/new" component={NewVenue} />
      <Route path="/venues/:id">{({ id }) => <EditVenue key={id} id={id} />}</Route>
      <Route path="/facilitators" component={FacilitatorList} />
      <Route path="/facilitators/new" component={NewFacilitator} />
      <Route path="/facilitators/link/:name">{({ name }) => <LinkFacilitatorName key={name} encodedName={name} />}</Route>
      <Route path="/facilitators/:id">{({ id }) => <RenameFacilitator key={id} id={id} />}</Route>
      <Route path="/contracts" component={ContractList} />
      <Route path="/contracts/new" component={NewContract} />
      <Route path="/contracts/:id">{({ id }) => <EditContract key={id} id={id} />}</Route>
      <Route path="/organisations" component={OrganisationList} />
      <Route path="/organisations/new" component={NewOrganisation} />
      <Route path="/organisations/:id">{({ id }) => <EditOrganisation key={id} id={id} />}</Route>
      <Route path="/people" component={PersonList} />
      <Route path="/people/new" component={NewPerson} />
      <Route path="/people/:id">{({ id }) => <PersonPage key={id} id={id} />}</Route>
      <Route path="/people/:id/edit">{({ id }) => <EditPerson key={id} id={id} />}</Route>
      <Route path="/people/:id/merge">{({ id }) => <MergePeople key={id} id={id} />}</Route>
      <Route path="/people/:id/erase">{({ id }) => <ErasePerson key={id} id={id} />}</Route>
      <Route path="/people/:id/everything">{({ id }) => <SubjectAccessPage key={id} id={id} />}</Route>
      <Route path="/requests" component={RequestList} />
      <Route path="/requests/new" component={NewRequest} />
      <Route path="/requests/:id/schedule">{({ id }) => <ScheduleRequest key={id} id={id} />}</Route>
      <Route path="/membership">{() => <MemberList />}</Route>
      <Route path="/membership/due">{() => <MemberList dueSoon />}</Route>
      <Route path="/membership/members/new" component={AddMember} />
      <Route path="/membership/members/:personId/join">{({ personId }) => <AddToScheme key={personId} forPersonId={personId} />}</Route>
      <Route path="/membership/members/:personId">{({ personId }) => <MemberPage key={personId} personId={personId} />}</Route>
      <Route path="/membership/schemes" component={SchemeList} />
      <Route path="/membership/schemes/new" component={NewScheme} />
      <Route path="/membership/schemes/:id">{({ id }) => <EditScheme key={id} id={id} />}</Route>
      <Route path="/membership/requests" component={JoinRequests} />
      <Route path="/you-said-we-did" component={YouSaidWeDid} />
      <Route path="/sync" component={SendToOffice} />
      <Route path="/import" component={ImportScreen} />
      <Route path="/sheets" component={SheetImportScreen} />
      <Route path="/reports" component={ReportsScreen} />
      <Route path="/review" component={ReviewScreen} />
      <Route path="/devices" component={DevicesScreen} />
      <Route path="/backup" component={BackupScreen} />
      <Route path="/settings" component={SettingsScreen} />
      <Route path="/settings/recovery-code" component={RecoveryCodePage} />
      <Route path="/erasures" component={ErasuresScreen} />
      <Route path="/follow-ups" component={FollowUpsScreen} />
      <Route path="/follow-ups/forms" component={FollowUpForms} />
      <Route path="/follow-ups/answer" component={AnswerByCode} />
      <Route path="/audit" component={AuditScreen} />
      <Route path="/staff" component={StaffScreen} />
      <Route component={NotFound} />
    </Switch>
  );
}
