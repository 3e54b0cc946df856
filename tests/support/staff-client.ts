import { Agent, request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { expect } from 'vitest';

/** The client side of the office server in tests: HTTPS that pins the server's certificate, and staff signed in as browser tabs. */

/** What a staff member signs in with. */
export interface SignInDetails {
  email: string;
  password: string;
}

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The SHA-256 fingerprint of the certificate the server presented. */
  fingerprint: string;
}

/**
 * One HTTPS request as a client that pins the server's fingerprint rather
 * than trusting a certificate authority (the certificate is self-signed):
 * the request is sent only once the presented certificate's fingerprint is
 * the one expected.
 */
export function httpsRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; fingerprint: string; agent?: Agent },
): Promise<HttpsAnswer> {
  return new Promise((done, fail) => {
    let presented = '';
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, rejectUnauthorized: false, agent: options.agent ?? false }, (response) => {
      presented = (response.socket as TLSSocket).getPeerCertificate().fingerprint256;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        done({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          fingerprint: presented,
        }),
      );
    });
    req.on('socket', (socket) => {
      // A kept-alive connection was pinned when it connected.
      if (!socket.connecting) return;
      socket.once('secureConnect', () => {
        const seen = (socket as TLSSocket).getPeerCertificate().fingerprint256;
        if (seen !== options.fingerprint) req.destroy(new Error(`The server presented ${seen}, not ${options.fingerprint}.`));
      });
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

type Answer = { status: number; result: { ok: boolean; value?: any; error?: { code: string; message: string; fields?: Record<string, string> } }; headers: HttpsAnswer['headers'] };

/** One staff member's browser tab: it keeps the session cookie and the CSRF token the way the screens do. */
export class StaffClient {
  cookie: string | undefined;
  csrf: string | undefined;
  /** One kept-alive connection per client, as a browser tab keeps one. */
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });
  constructor(private readonly office: { origin: string; fingerprint: string }) {}

  close(): void {
    this.agent.destroy();
  }

  async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const answer = await httpsRequest(`${this.office.origin}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-fieldbook-csrf': this.csrf } : {}),
        ...headers,
      },
      body: JSON.stringify(body),
      fingerprint: this.office.fingerprint,
      agent: this.agent,
    });
    const setCookie = answer.headers['set-cookie'];
    for (const line of setCookie ?? []) {
      const [pair] = line.split(';');
      this.cookie = pair!.endsWith('=') ? undefined : pair;
    }
    return { status: answer.status, result: JSON.parse(answer.body), headers: answer.headers };
  }

  async signIn(email: string, password: string): Promise<Answer> {
    const answer = await this.post('/auth/sign-in', { email, password });
    if (answer.result.ok) this.csrf = answer.result.value.csrfToken;
    return answer;
  }

  call(name: string, input: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    return this.post(`/api/${name}`, input, headers);
  }
}

/** The staff signed in to one server, each as their own browser tab, closed together when it stops. */
export class StaffSignIns {
  private readonly clients: StaffClient[] = [];
  constructor(private readonly office: { origin: string; fingerprint: string }) {}

  async signedIn(staff: SignInDetails): Promise<StaffClient> {
    const client = new StaffClient(this.office);
    this.clients.push(client);
    const answer = await client.signIn(staff.email, staff.password);
    expect(answer.result, JSON.stringify(answer.result)).toMatchObject({ ok: true });
    return client;
  }

  closeAll(): void {
    for (const client of this.clients.splice(0)) client.close();
  }
}
