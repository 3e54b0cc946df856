import { openDatabase, type OpenedDatabase } from '../db/open';
import { courseHandlers } from './catalogue/courses';
import { organisationHandlers } from './catalogue/organisations';
import { peopleHandlers } from './catalogue/people';
import { sessionHandlers } from './catalogue/sessions';
import { venueHandlers } from './catalogue/venues';
import type { CoreContext, CoreDeps } from './deps';
import { deviceHandlers } from './device/device';
import { ensureSearchKeys } from './people/search-keys';
import { kioskHandlers } from './kiosk/kiosk';
import { lockedWhileKioskIsOpen } from './kiosk/lock';
import { signInHandlers } from './signin/handlers';
import type { Handlers } from './handler-types';

export interface Core {
  handlers: Handlers;
  database: OpenedDatabase;
  close(): Promise<void>;
}

/** Opens (and migrates) the database and wires every domain's handlers to it. */
export function createCore(deps: CoreDeps): Core {
  const database = openDatabase(deps.databasePath);
  ensureSearchKeys(database.sqlite);
  const ctx: CoreContext = {
    db: database.db,
    sqlite: database.sqlite,
    clock: deps.clock,
    newId: deps.newId,
    keyStore: deps.keyStore,
  };
  const handlers: Handlers = lockedWhileKioskIsOpen(ctx, {
    ...deviceHandlers(ctx),
    ...organisationHandlers(ctx),
    ...peopleHandlers(ctx),
    ...courseHandlers(ctx),
    ...venueHandlers(ctx),
    ...sessionHandlers(ctx),
    ...signInHandlers(ctx),
    ...kioskHandlers(ctx),
  });
  return { handlers, database, close: () => database.close() };
}

export type { CoreDeps } from './deps';
export type { Handlers } from './handler-types';
