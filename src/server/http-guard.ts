import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export interface GuardOptions {
  token?: string;
  allowedOrigins?: string[];
}

/**
 * A token that is empty or only whitespace is no token: HTTP trims header values, so it could
 * never be sent, and treating it as one would let `--host 0.0.0.0` start unprotected in effect.
 * Surrounding whitespace (a pasted newline) is dropped for the same reason.
 */
export function normalizeToken(token: string | undefined): string | undefined {
  const trimmed = token?.trim();
  return trimmed ? trimmed : undefined;
}

/** Why a request is refused before it reaches MCP (auth, Origin, Host), or undefined. */
export function refusal(req: IncomingMessage, options: GuardOptions): { status: number; message: string } | undefined {
  if (options.token && !tokenMatches(req.headers.authorization, options.token))
    return { status: 401, message: 'missing or wrong bearer token' };
  const origin = req.headers.origin;
  if (origin && !originAllowed(origin, options)) return { status: 403, message: `origin ${origin} is not allowed` };
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (!options.token && host && !LOOPBACK.has(host))
    return { status: 403, message: `host ${host} is not allowed (DNS rebinding protection)` };
  return undefined;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b) && given.length > 0;
}

function originAllowed(origin: string, options: GuardOptions): boolean {
  if (options.allowedOrigins?.includes(origin)) return true;
  try {
    return LOOPBACK.has(new URL(origin).hostname.replace(/^\[|\]$/g, ''));
  } catch {
    return false;
  }
}
