import { afterEach, beforeEach } from 'vitest';
import { syncWorld, type SyncWorld } from './sync';
import { tempCore, type TempCore, type TempCoreOptions } from './temp-core';

/**
 * Registers the hooks of a file whose tests each start from a fresh `made`:
 * made before each test and removed after it.
 *
 * What it gives stands for the running test's own one: each property is read
 * from the one made before that test, so a file keeps writing `temp.call(…)`
 * or `world.office` as it would with a `let` of its own set in `beforeEach`.
 */
export function madeForEachTest<T extends object>(what: string, make: () => Promise<T>, remove: (made: T) => Promise<void>): T {
  let current: T | undefined;
  beforeEach(async () => {
    current = await make();
  });
  afterEach(async () => {
    const finished = current;
    current = undefined;
    if (finished) await remove(finished);
  });
  return new Proxy({} as T, {
    get(_target, property) {
      if (!current) throw new Error(`The ${what} is made before each test, not while the file is read.`);
      return Reflect.get(current, property, current);
    },
  });
}

/**
 * A fresh temp core for each test, made with these options; after the test,
 * what the dispatcher logged as unexpected is printed (so a failure names its
 * cause) and the core is removed. Options holding a clock are given as a
 * function, so each test gets a clock of its own, not the one the last test moved.
 */
export function tempCoreForEachTest(options: TempCoreOptions | (() => TempCoreOptions) = {}): TempCore {
  return madeForEachTest(
    'temp core',
    () => tempCore(typeof options === 'function' ? options() : options),
    async (temp) => {
      for (const logged of temp.loggedErrors) console.error(logged.error);
      await temp.cleanup();
    },
  );
}

/** A fresh office with these laptops enrolled for each test (syncWorld), removed after it. */
export function syncWorldForEachTest(laptopNames: string[]): SyncWorld {
  return madeForEachTest(
    'office and its laptops',
    () => syncWorld(laptopNames),
    (world) => world.cleanup(),
  );
}

/**
 * Registers an afterEach that removes what the running test made: the test
 * passes each temp core or world through what this gives as it makes it
 * (`temp = cleanedUpAfterTest(await tempCore())`), and after the test each is
 * cleaned up, the last made first.
 */
export function cleanUpAfterEachTest(): <T extends { cleanup(): Promise<void> }>(made: T) => T {
  const made: { cleanup(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const one of made.splice(0).reverse()) await one.cleanup();
  });
  return (one) => {
    made.push(one);
    return one;
  };
}
