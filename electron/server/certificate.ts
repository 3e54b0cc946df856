import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { FieldbookError } from '../../shared/errors';

/** Where `fieldbook serve` keeps the certificate it made, inside the data folder. */
export const SERVER_TLS_FOLDER = 'server-tls';
const CERTIFICATE_FILE = 'certificate.pem';
const KEY_FILE = 'key.pem';
/** Browsers refuse server certificates valid for longer than 825 days. */
const VALID_DAYS = 825;

export interface ServerCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, "AB:CD:…": what staff and laptops compare at pairing. */
  fingerprint: string;
  /** Base64 SHA-256 of the public key (SPKI): what Chromium's --ignore-certificate-errors-spki-list takes. */
  spkiSha256: string;
  /** True when this start made the certificate (rather than reading the one kept or given). */
  madeNow: boolean;
}

/**
 * The certificate the office server answers with: the one given with
 * --tls-cert/--tls-key, else the one it made on an earlier start, else a new
 * self-signed one. A made certificate is kept in the data folder so that its
 * fingerprint, which paired laptops and staff's browsers have learned, stays
 * the same across restarts.
 */
export async function serverCertificate(
  dataFolder: string,
  given?: { certFile: string; keyFile: string },
): Promise<ServerCertificate> {
  if (given) return describe(readPem(given.certFile, '--tls-cert'), readPem(given.keyFile, '--tls-key'), false);
  const folder = join(dataFolder, SERVER_TLS_FOLDER);
  const certPath = join(folder, CERTIFICATE_FILE);
  const keyPath = join(folder, KEY_FILE);
  if (existsSync(certPath) && existsSync(keyPath)) {
    return describe(readFileSync(certPath, 'utf8'), readFileSync(keyPath, 'utf8'), false);
  }
  const made = await makeSelfSigned();
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // The key first and owner-only; each file whole or not at all.
  writeWhole(keyPath, made.private, 0o600);
  writeWhole(certPath, made.cert, 0o644);
  return describe(made.cert, made.private, true);
}

function readPem(file: string, option: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new FieldbookError('INVALID_INPUT', `Check the file given with ${option}: ${file} could not be read.`);
  }
}

function writeWhole(path: string, text: string, mode: number): void {
  const temporary = `${path}.partial`;
  writeFileSync(temporary, text, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, path);
}

function describe(cert: string, key: string, madeNow: boolean): ServerCertificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new FieldbookError('INVALID_INPUT', 'Give a certificate in PEM format: the certificate file could not be read as one.');
  }
  try {
    if (!certificate.checkPrivateKey(createPrivateKey(key))) throw new Error('mismatch');
  } catch {
    throw new FieldbookError('INVALID_INPUT', 'Give the private key that belongs to the certificate: the key file does not match it.');
  }
  const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });
  return {
    cert,
    key,
    fingerprint: certificate.fingerprint256,
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
    madeNow,
  };
}

/** Names staff's browsers may use for this computer: its host name and its network addresses. */
function namesForThisComputer(): { dns: string[]; ips: string[] } {
  const ips = new Set(['127.0.0.1', '::1']);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (!address.internal || address.family === 'IPv4') ips.add(address.address);
  }
  return { dns: [...new Set(['localhost', hostname()])], ips: [...ips] };
}

async function makeSelfSigned() {
  const { dns, ips } = namesForThisComputer();
  const now = Date.now();
  return generate([{ name: 'commonName', value: `Fieldbook office (${hostname()})` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + VALID_DAYS * 24 * 60 * 60 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...dns.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
}
