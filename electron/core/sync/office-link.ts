import { createHash } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';
import type { OfficeServerLink } from '../../../shared/contract';

/**
 * The laptop's HTTPS link to its office server, trusting one certificate
 * key only: the one the office's signed enrolment file named (its SPKI
 * SHA-256). A certificate with any other key is refused, even one a
 * certificate authority vouches for, and one with that key is accepted
 * even when self-signed, since the enrolment file is what vouches for it.
 *
 * The pin replaces the certificate-authority check for this connection
 * alone (nothing global is switched off): the TLS handshake completes, the
 * peer's public key is hashed and compared before a byte of the request is
 * written, and the socket is destroyed on a mismatch.
 */

/** How long the laptop waits for the server to answer a connection: back at the office it answers at once. */
export const CONNECT_TIMEOUT_MS = 3_000;
/** How long an upload or a package may take once connected: an office network moves the largest file in well under this. */
const ANSWER_TIMEOUT_MS = 120_000;
/** A package answer bigger than this is not one the office writes. */
const MAX_ANSWER_BYTES = 600 * 1024 * 1024;

/** Nothing answered at any of the server's addresses: no network, or not at the office. */
export class OfficeUnreachable extends Error {}
/** Something answered with a certificate whose key is not the one learned at pairing. */
export class CertificateRefused extends Error {}

export interface OfficeAnswer {
  status: number;
  body: Buffer;
}

export interface OfficeCall {
  path: string;
  body: Buffer;
  contentType: string;
  headers?: Record<string, string>;
  connectTimeoutMs?: number;
}

export function spkiSha256Of(socket: TLSSocket): string | null {
  const certificate = socket.getPeerX509Certificate();
  if (!certificate) return null;
  return createHash('sha256').update(certificate.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
}

/** Connects and checks the pin; resolves only with a socket whose peer holds the pinned key. */
function pinnedSocket(address: URL, spkiSha256: string, timeoutMs: number): Promise<TLSSocket> {
  const host = address.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port: Number(address.port || 443),
      // SNI takes names only.
      ...(isIP(host) ? {} : { servername: host }),
      // This connection only: the pinned key below is the check, and it is stricter than a CA's.
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new OfficeUnreachable(`no answer from ${address.host} within ${Math.round(timeoutMs / 1000)} seconds`));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      if (spkiSha256Of(socket) !== spkiSha256) {
        socket.destroy();
        reject(new CertificateRefused(`${address.host} answered with a certificate other than the one learned at pairing`));
        return;
      }
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new OfficeUnreachable(`${address.host} could not be reached (${error.code ?? error.message})`));
    });
  });
}

function exchange(socket: TLSSocket, address: URL, call: OfficeCall): Promise<OfficeAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        method: 'POST',
        host: address.hostname,
        port: address.port,
        path: call.path,
        headers: { 'content-type': call.contentType, 'content-length': String(call.body.length), ...call.headers },
        // The socket already passed the pin; the request rides on it and nothing else.
        createConnection: () => socket,
        timeout: ANSWER_TIMEOUT_MS,
      },
      (response: IncomingMessage) => {
        const parts: Buffer[] = [];
        let size = 0;
        response.on('data', (part: Buffer) => {
          size += part.length;
          if (size > MAX_ANSWER_BYTES) {
            request.destroy(new OfficeUnreachable(`${address.host} sent an answer too large to be one of Fieldbook's`));
            return;
          }
          parts.push(part);
        });
        response.on('end', () => {
          socket.end();
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts) });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new OfficeUnreachable(`${address.host} stopped answering`)));
    request.on('error', (error) => reject(error instanceof OfficeUnreachable ? error : new OfficeUnreachable(`${address.host} stopped answering (${error.message})`)));
    request.end(call.body);
  });
}

/**
 * One call to the office server: its addresses in turn until one answers
 * with the pinned key. A refused certificate is not retried at another
 * address's expense of silence: it is said, since it may mean someone on
 * the network is pretending to be the office.
 */
export async function callOffice(link: OfficeServerLink, call: OfficeCall): Promise<OfficeAnswer> {
  let refused: CertificateRefused | null = null;
  const failures: string[] = [];
  for (const text of link.addresses) {
    const address = new URL(text);
    let socket: TLSSocket;
    try {
      socket = await pinnedSocket(address, link.spkiSha256, call.connectTimeoutMs ?? CONNECT_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof CertificateRefused) refused = error;
      else failures.push((error as Error).message);
      continue;
    }
    return exchange(socket, address, call);
  }
  if (refused) throw refused;
  throw new OfficeUnreachable(failures.join('; ') || 'it has no address');
}
