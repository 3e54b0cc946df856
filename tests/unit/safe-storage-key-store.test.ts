import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeStorageKeyStore, sealingRefusal } from '../../electron/main/safe-storage-key-store';

/**
 * The desktop app seals its keys (the database key among them) with the
 * operating system's keychain through Electron's safeStorage, and refuses
 * Linux's "basic_text" backend, which seals with a password anyone can look up.
 * The keychain here is a stand-in that reverses the bytes: what is tested is
 * what Fieldbook does with it, not the keychain.
 */
function keychain(backend: 'basic_text' | 'gnome_libsecret', available = true) {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
    decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString('utf8'),
  };
}

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'fieldbook-sealed-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('keys sealed by the keychain', () => {
  it('are kept sealed, readable only by the owner, and read back', () => {
    const store = safeStorageKeyStore(keychain('gnome_libsecret'), folder, 'linux');
    const key = Buffer.alloc(32, 5);
    store.set('database-key', key);
    const sealedFile = join(folder, 'database-key.sealed');
    expect(statSync(sealedFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(sealedFile).includes(key.toString('base64'))).toBe(false);
    expect(store.get('database-key')?.equals(key)).toBe(true);
    expect(store.get('signing-key')).toBeNull();
  });

  it('are refused with basic_text on Linux, saying what to do, and nothing is written', () => {
    const store = safeStorageKeyStore(keychain('basic_text'), folder, 'linux');
    expect(() => store.set('database-key', Buffer.alloc(32))).toThrow(/^Set up a keyring for your desktop \(GNOME Keyring or KDE Wallet\)/);
    expect(() => readFileSync(join(folder, 'database-key.sealed'))).toThrow();
    expect(sealingRefusal(keychain('basic_text'), 'linux')).toMatch(/a password anyone can look up\.$/);
  });

  it('are refused when the keychain is not available, and accepted elsewhere than Linux', () => {
    expect(sealingRefusal(keychain('gnome_libsecret', false), 'darwin')).toMatch(/^Sign in to this computer’s keychain/);
    expect(sealingRefusal(keychain('basic_text'), 'win32')).toBeNull();
  });
});
