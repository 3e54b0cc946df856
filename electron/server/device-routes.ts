import type { FastifyInstance } from 'fastify';
import type { CallResult } from '../../shared/errors';
import type { Dispatch } from '../dispatch/dispatcher';
import { FILE_NAME_HEADER, NOT_ENROLLED_CODES, PACKAGE_PATH, UPLOAD_PATH } from '../core/sync/send-to-office';
import { sendError, sendResult } from './replies';

export interface DeviceRouteOptions {
  dispatch: Dispatch;
  log(line: string): void;
  /** The largest end-of-day file taken, in bytes. */
  uploadBytesLimit: number;
  /** Uploads and package requests one address may make a minute. */
  perMinute: number;
}

/** Large enough for the largest end-of-day file a laptop writes (the import refuses frames over 64 MiB inflated). */
export const UPLOAD_BYTES_LIMIT = 256 * 1024 * 1024;

/** A name for the import log and the office's screens, from the laptop; never a path. */
function fileNameOf(header: unknown): string {
  let name = '';
  try {
    name = typeof header === 'string' ? decodeURIComponent(header) : '';
  } catch {
    name = '';
  }
  name = name.replace(/[\\/\u0000-\u001f]/g, '').trim().slice(0, 200);
  return name || 'uploaded end-of-day file.fieldbook';
}

/**
 * What paired laptops call, with no staff account: the laptop's end-of-day
 * file, and its package back. Neither needs a session, since each proves
 * who is calling with the laptop's own key: the uploaded file is sealed
 * and signed as on a stick, and goes to the same import as a file chosen
 * or dropped in the inbox (`sync.importFile`: the same checks, refusals and
 * import log line), so a stranger's or revoked laptop's file is refused
 * there; the package request is signed with the laptop's key and checked
 * in the core (`sync.packageForLaptop`). Both are size- and rate-limited
 * per address, and each is logged.
 */
export async function registerDeviceRoutes(app: FastifyInstance, options: DeviceRouteOptions): Promise<void> {
  const { dispatch, log } = options;
  const rateLimit = {
    max: options.perMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request: unknown, context: { ttl: number }) => ({
      statusCode: 429,
      code: 'TOO_MANY_TRIES',
      message: `Wait ${Math.max(1, Math.ceil(context.ttl / 1000))} seconds, then send again: too many files and package requests came from this computer.`,
    }),
  };
  // Encapsulated: the raw-bytes body is read on these routes only.
  await app.register(async (routes) => {
    routes.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: options.uploadBytesLimit }, (_request, body, done) => done(null, body));

    routes.post(UPLOAD_PATH, { bodyLimit: options.uploadBytesLimit, config: { rateLimit } }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        log(`Refused an upload from ${request.ip}: it was not sent as a file.`);
        return sendError(reply, { code: 'INVALID_INPUT', message: 'Send the end-of-day file as it was written (application/octet-stream).' }, 415);
      }
      const fileName = fileNameOf(request.headers[FILE_NAME_HEADER]);
      const result = (await dispatch('sync.importFile', { fileName, contentBase64: request.body.toString('base64') })) as CallResult<{ message: string }>;
      log(result.ok ? `Upload from ${request.ip}: ${fileName}: ${result.value.message}` : `Refused an upload from ${request.ip} (${fileName}): ${result.error.message}`);
      // Whoever sent a file the office cannot tie to a laptop it enrolled gets no more of the office's words (a revocation's reason, its laptops' names) than that.
      if (!result.ok && NOT_ENROLLED_CODES.has(result.error.code)) {
        return sendError(reply, { code: result.error.code, message: 'Ask the office to enrol this laptop first: its server takes files only from laptops the office has enrolled.' });
      }
      return sendResult(reply, result);
    });

    routes.post(PACKAGE_PATH, { bodyLimit: 64 * 1024, config: { rateLimit } }, async (request, reply) => {
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendError(reply, { code: 'INVALID_INPUT', message: 'Send the package request as JSON.' }, 415);
      }
      const result = (await dispatch('sync.packageForLaptop', request.body ?? {})) as CallResult<{ fileName: string }>;
      log(result.ok ? `Sent ${result.value.fileName} to a laptop at ${request.ip}.` : `Refused a package request from ${request.ip}: ${result.error.message}`);
      return sendResult(reply, result);
    });
  });
}
