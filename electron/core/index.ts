import { databaseKeyFor } from '../db/database-key';
import { openDatabase, UNENCRYPTED_FOR_COMPARISON, type OpenedDatabase } from '../db/open';
import { courseHandlers } from './catalogue/courses';
import { organisationHandlers } from './catalogue/organisations';
import { peopleHandlers } from './catalogue/people';
import { sessionHandlers } from './catalogue/sessions';
import { venueHandlers } from './catalogue/venues';
import { contractHandlers } from './contracts/contracts';
import type { CoreContext, CoreDeps } from './deps';
import { backupHandlers } from './backup/handlers';
import { restorableCore } from './backup/restorable-core';
import { erasureHandlers } from './erasure/handlers';
import { settingsHandlers } from './settings/handlers';
import { subjectAccessHandlers } from './subject-access/handlers';
import { staffHandlers } from './staff/handlers';
import { facilitatorHandlers } from './facilitators/handlers';
import { checkedForStaffRole } from './staff/role-check';
import { withStaffAudit } from './staff/audited';
import { bookingHandlers } from './bookings/handlers';
import { deviceHandlers } from './device/device';
import { evaluationHandlers } from './evaluations/handlers';
import { followUpHandlers } from './follow-ups/handlers';
import { exportHandlers } from './exports/handlers';
import { membershipHandlers } from './membership/handlers';
import { kioskEvaluationHandlers } from './evaluations/kiosk-evaluation';
import { noteHandlers } from './evaluations/notes';
import { requestHandlers } from './requests/handlers';
import { PersonFinder } from './people/person-finder';
import { ensureSearchKeys } from './people/search-keys';
import { kioskHandlers, kioskModeReader, kioskSessionReader } from './kiosk/kiosk';
import { lockedWhileKioskIsOpen } from './kiosk/lock';
import { signInHandlers } from './signin/handlers';
import { sheetHandlers } from './sheets/handlers';
import { reportHandlers } from './reports/handlers';
import { savedReportHandlers } from './saved-reports/handlers';
import { pairingHandlers } from './sync/pairing';
import { syncHandlers } from './sync/handlers';
import { rosterReader } from './signin/roster';
import type { Handlers } from './handler-types';
import { createWritePath, type WritePath } from './write-path';

export interface Core {
  handlers: Handlers;
  database: OpenedDatabase;
  /** For bulk tools and benchmarks that work below the procedures (demo generator, bench). */
  context: CoreContext;
  /** Runs work alone, between procedures: for the command line and bulk tools that work below the procedures. */
  exclusive: WritePath['exclusive'];
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the database and wires every domain's handlers to
 * it; "Restore from backup" closes it and opens it again over the restored
 * file (backup/restorable-core.ts), behind the same handlers.
 */
export function createCore(deps: CoreDeps): Core {
  return restorableCore(deps, openCore);
}

function openCore(deps: CoreDeps): Core {
  const key = deps.unencryptedForComparison ? UNENCRYPTED_FOR_COMPARISON : databaseKeyFor(deps.keyStore, deps.databasePath);
  const database = openDatabase(deps.databasePath, key);
  ensureSearchKeys(database.sqlite);
  const ctx: CoreContext = {
    db: database.db,
    sqlite: database.sqlite,
    clock: deps.clock,
    newId: deps.newId,
    keyStore: deps.keyStore,
    finder: new PersonFinder(database.sqlite),
    kioskSessionId: kioskSessionReader(database.sqlite),
    kioskMode: kioskModeReader(database.sqlite),
    rosterRows: rosterReader(database.sqlite),
  };
  const writePath = createWritePath(database.sqlite);
  const domainHandlers = {
    ...deviceHandlers(ctx),
    ...organisationHandlers(ctx),
    ...peopleHandlers(ctx),
    ...facilitatorHandlers(ctx),
    ...courseHandlers(ctx),
    ...venueHandlers(ctx),
    ...contractHandlers(ctx),
    ...sessionHandlers(ctx),
    ...signInHandlers(ctx),
    ...kioskHandlers(ctx),
    ...bookingHandlers(ctx),
    ...requestHandlers(ctx),
    ...evaluationHandlers(ctx),
    ...noteHandlers(ctx),
    ...followUpHandlers(ctx),
    ...kioskEvaluationHandlers(ctx),
    ...pairingHandlers(ctx),
    ...syncHandlers(ctx),
    ...sheetHandlers(ctx),
    ...membershipHandlers(ctx),
    ...reportHandlers(ctx),
    ...savedReportHandlers(ctx),
    ...backupHandlers(ctx),
    ...erasureHandlers(ctx),
    ...settingsHandlers(ctx),
    ...subjectAccessHandlers(ctx),
    ...staffHandlers(ctx),
  };
  // Downloads read through the list procedures themselves, unwrapped: the download already holds its turn on the write path.
  // On the office server each call is a staff member's, checked against their role before it takes its turn.
  const handlers: Handlers = checkedForStaffRole(
    writePath.serialise(withStaffAudit(ctx, lockedWhileKioskIsOpen(ctx, { ...domainHandlers, ...exportHandlers(ctx, domainHandlers) }))),
  );
  // Closing waits for the procedure in hand, so its transaction finishes first.
  const close = () => writePath.exclusive(() => database.close());
  return { handlers, database, context: ctx, exclusive: writePath.exclusive, close };
}

export type { CoreDeps } from './deps';
export type { Handlers } from './handler-types';
