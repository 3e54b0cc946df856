import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../electron/core/handler-types';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { FieldbookError, type CallResult } from '../../shared/errors';

const organisationId = '0195f0a4-3b2c-7d1e-8f00-0123456789ab';

/**
 * Handlers for the few procedures a test calls; any other procedure fails the
 * test if the dispatcher reaches it.
 */
function fakeHandlers(overrides: Partial<Record<keyof Handlers, (input: unknown) => Promise<unknown>>>) {
  const calls: { name: string; input: unknown }[] = [];
  const handlers = new Proxy({} as Handlers, {
    get(_target, name) {
      const handler = overrides[name as keyof Handlers];
      return async (input: unknown) => {
        calls.push({ name: String(name), input });
        if (!handler) throw new Error(`The test did not expect ${String(name)} to be called.`);
        return handler(input);
      };
    },
  });
  return { handlers, calls };
}

function recordingLogger() {
  const logged: { message: string; error: unknown }[] = [];
  return { logged, log: (message: string, error: unknown) => void logged.push({ message, error }) };
}

function expectError(result: CallResult<unknown>) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

const noStackTrace = /\n\s*at |\bat .*:\d+:\d+|\.ts\b|Error:/;

describe('dispatcher', () => {
  it.each<[string, unknown]>([
    ['a made-up name', 'organisations.delete'],
    ['an inherited property name', 'toString'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['an empty name', ''],
    ['a number', 42],
    ['nothing', undefined],
    ['an object', { name: 'organisations.list' }],
  ])('answers UNKNOWN_PROCEDURE for %s and calls nothing', async (_label, name) => {
    const { handlers, calls } = fakeHandlers({});
    const dispatch = createDispatcher(handlers, recordingLogger().log);
    const error = expectError(await dispatch(name, {}));
    expect(error.code).toBe('UNKNOWN_PROCEDURE');
    expect(error.message).toBe('Fieldbook does not know how to do that.');
    expect(calls).toEqual([]);
  });

  it('refuses invalid input with INVALID_INPUT and a plain message for each field, without calling the core', async () => {
    const { handlers, calls } = fakeHandlers({});
    const dispatch = createDispatcher(handlers, recordingLogger().log);
    const error = expectError(await dispatch('organisations.create', { name: '   ', sector: 'charity' }));
    expect(error).toEqual({
      code: 'INVALID_INPUT',
      message: 'Please check 2 fields. Enter the organisation name.',
      fields: {
        name: 'Enter the organisation name.',
        sector: 'Choose a sector: statutory, voluntary and community (VCSE), or other.',
      },
    });
    expect(calls).toEqual([]);
  });

  it('refuses input that is not an object at all', async () => {
    const { handlers, calls } = fakeHandlers({});
    const dispatch = createDispatcher(handlers, recordingLogger().log);
    for (const input of [null, undefined, 'Riverside Hall', 7, []]) {
      const error = expectError(await dispatch('organisations.create', input));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message.length).toBeGreaterThan(0);
    }
    expect(calls).toEqual([]);
  });

  it('gives the core trimmed input with defaults filled in', async () => {
    const { handlers, calls } = fakeHandlers({ 'organisations.list': async () => [] });
    const dispatch = createDispatcher(handlers, recordingLogger().log);
    expect(await dispatch('organisations.list', { query: '  river ' })).toEqual({ ok: true, value: [] });
    expect(calls).toEqual([{ name: 'organisations.list', input: { query: 'river', limit: 100 } }]);
  });

  it('passes on a Fieldbook error from the core as it is', async () => {
    const { handlers } = fakeHandlers({
      'organisations.get': async () => {
        throw new FieldbookError('NOT_FOUND', 'That organisation could not be found.');
      },
    });
    const logger = recordingLogger();
    const dispatch = createDispatcher(handlers, logger.log);
    const error = expectError(await dispatch('organisations.get', { id: organisationId }));
    expect(error).toEqual({ code: 'NOT_FOUND', message: 'That organisation could not be found.' });
    expect(logger.logged).toEqual([]);
  });

  it('turns an unexpected failure into INTERNAL with plain words, no stack trace and no internal detail', async () => {
    const { handlers } = fakeHandlers({
      'organisations.get': async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'name') at secretFunction (/home/dev/core.ts:12:3)");
      },
    });
    const logger = recordingLogger();
    const dispatch = createDispatcher(handlers, logger.log);
    const error = expectError(await dispatch('organisations.get', { id: organisationId }));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/nothing was saved/);
    expect(error.message).not.toMatch(noStackTrace);
    expect(error.message).not.toMatch(/Cannot read|secretFunction|undefined/);
    expect(Object.keys(error)).toEqual(['code', 'message']);
    // The detail goes to the log for the office, not to the screen.
    expect(logger.logged).toHaveLength(1);
    expect(logger.logged[0]!.error).toBeInstanceOf(TypeError);
  });

  it('turns a thrown non-error value into INTERNAL too', async () => {
    const { handlers } = fakeHandlers({
      'organisations.get': async () => {
        throw 'a string, not an Error';
      },
    });
    const dispatch = createDispatcher(handlers, recordingLogger().log);
    expect(expectError(await dispatch('organisations.get', { id: organisationId })).code).toBe('INTERNAL');
  });

  it('does not pass on a result that breaks the contract', async () => {
    const { handlers } = fakeHandlers({
      'organisations.get': async () => ({ id: organisationId, name: 'Riverside Hall', sector: 'charity' }),
    });
    const logger = recordingLogger();
    const dispatch = createDispatcher(handlers, logger.log);
    const error = expectError(await dispatch('organisations.get', { id: organisationId }));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toMatch(noStackTrace);
    expect(logger.logged).toHaveLength(1);
    expect(logger.logged[0]!.message).toMatch(/organisations\.get/);
  });

  it('passes on a result that matches the contract', async () => {
    // `get` answers with the version an edit is checked against (the record's newest change-log stamp).
    const organisation = { id: organisationId, name: 'Riverside Hall', sector: 'vcse', version: '001773306000000-000001-01a23cf7-4a01-72f4-b988-16a589b4122a' };
    const { handlers } = fakeHandlers({ 'organisations.get': async () => organisation });
    const dispatch = createDispatcher(handlers, recordingLogger().log);
    expect(await dispatch('organisations.get', { id: organisationId })).toEqual({ ok: true, value: organisation });
  });
});
