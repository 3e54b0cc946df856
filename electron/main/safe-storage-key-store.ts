import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import type { KeyStore } from '../core/keys';

type SealingStorage = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/**
 * Why a key cannot be sealed here, in words that say what to do; null when it can.
 * Linux's "basic_text" backend seals with a password built into Chromium, so a
 * key sealed with it is as readable as a plain file: Fieldbook refuses it.
 */
export function sealingRefusal(safeStorage: SealingStorage, platform: NodeJS.Platform = process.platform): string | null {
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return (
      'Set up a keyring for your desktop (GNOME Keyring or KDE Wallet), sign in again and start Fieldbook again ' +
      '(or start it with --password-store=gnome-libsecret): without one, this computer would lock Fieldbook’s keys ' +
      'with a password anyone can look up.'
    );
  }
  if (!safeStorage.isEncryptionAvailable()) {
    return 'Sign in to this computer’s keychain (or set one up), then start Fieldbook again: it offers no secure storage for Fieldbook’s keys now.';
  }
  return null;
}

/**
 * Private keys and the database key encrypted with the operating system's
 * keychain (Keychain, DPAPI, libsecret or KWallet) through Electron's
 * safeStorage, then kept as files readable only by the owner and flushed to
 * the disk before anything is encrypted with them.
 */
export function safeStorageKeyStore(safeStorage: SealingStorage, folder: string, platform: NodeJS.Platform = process.platform): KeyStore {
  const pathOf = (name: string) => join(folder, `${name}.sealed`);
  return {
    get(name) {
      const path = pathOf(name);
      if (!existsSync(path)) return null;
      return Buffer.from(safeStorage.decryptString(readFileSync(path)), 'base64');
    },
    set(name, value) {
      const refusal = sealingRefusal(safeStorage, platform);
      if (refusal) throw new Error(refusal);
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const path = pathOf(name);
      writeFileSync(path, safeStorage.encryptString(value.toString('base64')), { mode: 0o600 });
      for (const written of [path, folder]) {
        const handle = openSync(written, 'r');
        fsyncSync(handle);
        closeSync(handle);
      }
    },
  };
}
