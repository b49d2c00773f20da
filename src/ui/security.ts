import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE = 'kei_ui';
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

const secret = (): string => randomBytes(32).toString('base64url');

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Who may use the dashboard: whoever opened the printed URL first. Its token works once and becomes an
 * HttpOnly, SameSite=Strict cookie; each browser session gets its own CSRF token that every change must carry.
 */
export class UiAccess {
  private launchToken: string | undefined = secret();
  private readonly sessions = new Map<string, string>();

  constructor(
    private readonly port: () => number,
    readonly readOnly: boolean,
  ) {}

  /** The one-time token of the printed URL (undefined once it was exchanged). */
  get token(): string | undefined {
    return this.launchToken;
  }

  /** Exchanges the launch token for a session: its cookie value, or undefined when the token is wrong or spent. */
  exchange(token: string | null): string | undefined {
    if (this.launchToken === undefined || token === null || !sameSecret(token, this.launchToken)) return undefined;
    this.launchToken = undefined;
    const session = secret();
    this.sessions.set(session, secret());
    return session;
  }

  cookieHeader(session: string): string {
    return `${COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** The CSRF token of the request's session (undefined without a valid session cookie). */
  csrfOf(req: IncomingMessage): string | undefined {
    const session = cookieValue(req.headers.cookie, COOKIE);
    if (!session) return undefined;
    for (const [known, csrf] of this.sessions) if (sameSecret(session, known)) return csrf;
    return undefined;
  }

  /** Host and Origin must name this loopback server (DNS rebinding, other sites' pages): checked before anything else. */
  refuseOrigin(req: IncomingMessage): Refusal | undefined {
    const allowed = [`127.0.0.1:${this.port()}`, `localhost:${this.port()}`];
    if (!allowed.includes(req.headers.host ?? ''))
      return { status: 421, code: 'wrong_host', message: `Host "${req.headers.host ?? ''}" is not this dashboard (${allowed[0]})` };
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.some((a) => origin === `http://${a}`))
      return { status: 403, code: 'wrong_origin', message: `Origin "${origin}" may not use this dashboard` };
    return undefined;
  }

  /** Why an API request is refused: no session, or a change without its CSRF token or in read-only mode. */
  refuseRequest(req: IncomingMessage, readsOnly = false): Refusal | undefined {
    const csrf = this.csrfOf(req);
    if (!csrf) return { status: 401, code: 'no_session', message: 'Open the URL that `kei-skills ui` printed (its token works once).' };
    if (!CHANGES.has(req.method ?? 'GET')) return undefined;
    if (this.readOnly && !readsOnly)
      return { status: 403, code: 'read_only', message: 'The dashboard runs with --read-only: nothing can be changed.' };
    const given = req.headers['x-csrf-token'];
    if (!sameSecret(typeof given === 'string' ? given : undefined, csrf))
      return { status: 403, code: 'csrf', message: 'A change needs the X-CSRF-Token header of this session; reload the page.' };
    return undefined;
  }
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Headers on every answer: no framing, no inline script, no referrer (the launch URL carries the token), no caching. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
