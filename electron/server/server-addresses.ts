import { networkInterfaces } from 'node:os';

/**
 * The addresses a paired laptop may reach the office server at, in the
 * order it tries them: the address it listens on, or, when it listens on
 * every address, each of this computer's network addresses (IPv4 first,
 * since office networks and hotspots mostly give those). Loopback is only
 * named when it is all the server listens on (tests, one computer).
 */
export function serverAddresses(host: string, port: number): string[] {
  const url = (address: string) => `https://${address.includes(':') ? `[${address}]` : address}:${port}/`;
  if (host !== '0.0.0.0' && host !== '::') return [url(host)];
  const found: { address: string; v4: boolean }[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      // Link-local IPv6 needs a zone id no URL carries well.
      if (address.internal || address.address.startsWith('fe80:')) continue;
      if (host === '0.0.0.0' && address.family !== 'IPv4') continue;
      found.push({ address: address.address, v4: address.family === 'IPv4' });
    }
  }
  const ordered = found.sort((a, b) => Number(b.v4) - Number(a.v4)).map((entry) => url(entry.address));
  return ordered.length > 0 ? [...new Set(ordered)].slice(0, 20) : [url('127.0.0.1')];
}
