import { afterEach, beforeEach } from 'vitest';
import { officeCoreWithStaff, startTestOfficeServer, type StaffAccount, type TestOfficeServer, type TestOfficeServerOptions } from './office-server';
import type { TempCore } from './temp-core';

export interface OfficeForEachTest {
  /** This test's office: a set-up temp core with the staff accounts. */
  readonly temp: TempCore;
  /** The office server over it, on a free port on 127.0.0.1. */
  readonly server: TestOfficeServer;
  /**
   * Stops the server and starts it again over the same office, as a restart
   * of `fieldbook serve` would: with `reopen`, the core is closed and opened
   * again in between; `options` stand instead of the file's.
   */
  restartServer(options?: TestOfficeServerOptions & { reopen?: boolean }): Promise<void>;
}

/**
 * Registers the hooks of a file whose tests each meet a fresh office server in
 * this process: before each test an office with these staff accounts, served
 * (by default taking as many sign-ins a minute as the test makes); after it,
 * the server closes with the connections of those it signed in, and the
 * office is removed.
 */
export function officeServerForEachTest(staff: StaffAccount[], options: TestOfficeServerOptions = { signInsPerMinute: 1000 }): OfficeForEachTest {
  let temp: TempCore | undefined;
  let server: TestOfficeServer | undefined;
  beforeEach(async () => {
    temp = await officeCoreWithStaff(staff);
    server = await startTestOfficeServer(temp, options);
  });
  afterEach(async () => {
    await server?.close();
    await temp?.cleanup();
    server = undefined;
    temp = undefined;
  });
  return {
    get temp() {
      if (!temp) throw new Error('The office is made before each test, not while the file is read.');
      return temp;
    },
    get server() {
      if (!server) throw new Error('The office server starts before each test, not while the file is read.');
      return server;
    },
    async restartServer({ reopen = false, ...restartOptions } = {}) {
      const office = this.temp;
      await this.server.close();
      server = undefined;
      if (reopen) await office.reopen();
      const given = Object.keys(restartOptions).length > 0;
      server = await startTestOfficeServer(office, given ? restartOptions : options);
    },
  };
}
