import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import type { KeyStore } from '../core/keys';

/**
 * Private keys encrypted with the operating system's keychain (Keychain,
 * DPAPI, libsecret) through Electron's safeStorage, then kept as files
 * readable only by the owner.
 */
export function safeStorageKeyStore(safeStorage: SafeStorage, folder: string): KeyStore {
  const pathOf = (name: string) => join(folder, `${name}.sealed`);
  return {
    get(name) {
      const path = pathOf(name);
      if (!existsSync(path)) return null;
      return Buffer.from(safeStorage.decryptString(readFileSync(path)), 'base64');
    },
    set(name, value) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('This computer offers no secure storage for keys; Fieldbook cannot keep its keys safe here.');
      }
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      writeFileSync(pathOf(name), safeStorage.encryptString(value.toString('base64')), { mode: 0o600 });
    },
  };
}
