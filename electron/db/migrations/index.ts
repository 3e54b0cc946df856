import type { Database } from 'better-sqlite3-multiple-ciphers';
import * as initial from './0001-initial';
import * as signIn from './0002-sign-in';
import * as waitlists from './0003-waitlists';
import * as evaluations from './0004-evaluations';
import * as sync from './0005-sync';
import * as changeBases from './0006-change-bases';
import * as kioskPinTries from './0007-kiosk-pin-tries';
import * as unlinkableAnswers from './0008-unlinkable-answers';
import * as waitingRows from './0009-waiting-rows';
import * as contractsAndMemberships from './0010-contracts-and-memberships';
import * as savedReports from './0011-saved-reports';
import * as membershipRequests from './0012-membership-requests';
import * as peopleSortKeys from './0013-people-sort-keys';
import * as reportIndexes from './0014-report-indexes';
import * as erasures from './0016-erasures';
import * as mergedOrganisations from './0017-merged-organisations';
import * as packagePeople from './0018-package-people';
import * as reportSourceVersions from './0019-report-source-versions';
import * as kioskPinRecovery from './0020-kiosk-pin-recovery';
import * as membershipReportVersion from './0021-membership-report-version';
import * as evaluationMoments from './0022-evaluation-moments';
import * as pinResetApplied from './0023-pin-reset-applied';
import * as erasedCounts from './0024-erased-counts';
import * as staffAccounts from './0025-staff-accounts';
import * as refusedImports from './0026-refused-imports';
import * as changeLogStaff from './0027-change-log-staff';
import * as erasedDemand from './0028-erased-demand';
import * as facilitators from './0029-facilitators';
import * as followUpCodes from './0030-follow-up-codes';
import * as officeUploads from './0031-office-uploads';
import * as changeReportVersion from './0032-change-report-version';
import * as signInAddressFailures from './0033-sign-in-address-failures';
import * as erasedWaitsAndFills from './0034-erased-waits-and-fills';

export interface Migration {
  name: string;
  up(db: Database): void;
}

/**
 * Every migration, in order. A static list rather than a folder scan, so it
 * survives bundling. Append only: the position in this list is the schema
 * version stored in PRAGMA user_version.
 */
export const migrations: readonly Migration[] = [
  { name: '0001-initial', up: initial.up },
  { name: '0002-sign-in', up: signIn.up },
  { name: '0003-waitlists', up: waitlists.up },
  { name: '0004-evaluations', up: evaluations.up },
  { name: '0005-sync', up: sync.up },
  { name: '0006-change-bases', up: changeBases.up },
  { name: '0007-kiosk-pin-tries', up: kioskPinTries.up },
  { name: '0008-unlinkable-answers', up: unlinkableAnswers.up },
  { name: '0009-waiting-rows', up: waitingRows.up },
  { name: '0010-contracts-and-memberships', up: contractsAndMemberships.up },
  { name: '0011-saved-reports', up: savedReports.up },
  { name: '0012-membership-requests', up: membershipRequests.up },
  { name: '0013-people-sort-keys', up: peopleSortKeys.up },
  { name: '0014-report-indexes', up: reportIndexes.up },
  { name: '0016-erasures', up: erasures.up },
  { name: '0017-merged-organisations', up: mergedOrganisations.up },
  { name: '0018-package-people', up: packagePeople.up },
  { name: '0019-report-source-versions', up: reportSourceVersions.up },
  { name: '0020-kiosk-pin-recovery', up: kioskPinRecovery.up },
  { name: '0021-membership-report-version', up: membershipReportVersion.up },
  { name: '0022-evaluation-moments', up: evaluationMoments.up },
  { name: '0023-pin-reset-applied', up: pinResetApplied.up },
  { name: '0024-erased-counts', up: erasedCounts.up },
  { name: '0025-staff-accounts', up: staffAccounts.up },
  { name: '0026-refused-imports', up: refusedImports.up },
  { name: '0027-change-log-staff', up: changeLogStaff.up },
  { name: '0028-erased-demand', up: erasedDemand.up },
  { name: '0029-facilitators', up: facilitators.up },
  { name: '0030-follow-up-codes', up: followUpCodes.up },
  { name: '0031-office-uploads', up: officeUploads.up },
  { name: '0032-change-report-version', up: changeReportVersion.up },
  { name: '0033-sign-in-address-failures', up: signInAddressFailures.up },
  { name: '0034-erased-waits-and-fills', up: erasedWaitsAndFills.up },
];
