import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { CallResult, FieldbookErrorPayload } from '../../shared/errors';
import { httpStatusOf } from '../dispatch/http-answer';

/** Compares a secret a client sent with the one expected, in time that does not depend on where they differ. */
export function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A call's result in the shape every transport answers with; the status follows the error's code unless given. */
export function sendResult(reply: FastifyReply, result: CallResult<unknown>, status = httpStatusOf(result)): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(result);
}

export function sendError(reply: FastifyReply, error: FieldbookErrorPayload, status?: number): FastifyReply {
  return sendResult(reply, { ok: false, error }, status);
}

