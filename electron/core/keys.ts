import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a device keeps its private keys. The Electron app passes one backed
 * by the operating system's safe storage; the CLI and web host use files
 * that only the owner can read.
 */
export interface KeyStore {
  get(name: string): Buffer | null;
  set(name: string, value: Buffer): void;
}

const keyName = /^[a-z0-9-]+$/;

function checkName(name: string): void {
  if (!keyName.test(name)) throw new Error(`Key names are lower-case words and dashes, not "${name}".`);
}

export function fileKeyStore(folder: string): KeyStore {
  return {
    get(name) {
      checkName(name);
      const path = join(folder, `${name}.key`);
      return existsSync(path) ? readFileSync(path) : null;
    },
    set(name, value) {
      checkName(name);
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const path = join(folder, `${name}.key`);
      writeFileSync(path, value, { mode: 0o600 });
      // writeFileSync's mode only applies to new files; make sure of it.
      chmodSync(path, 0o600);
      // On the disk before anything is encrypted with it: a key lost to a power cut loses the database.
      for (const written of [path, folder]) {
        const handle = openSync(written, 'r');
        fsyncSync(handle);
        closeSync(handle);
      }
    },
  };
}

export function memoryKeyStore(): KeyStore {
  const keys = new Map<string, Buffer>();
  return {
    get: (name) => keys.get(name) ?? null,
    set: (name, value) => void keys.set(name, Buffer.from(value)),
  };
}
