import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeiError } from '../core/errors.js';
import type { Kit } from '../kit.js';
import { sendError, sendJson, readJsonBody, Download } from './http-io.js';
import { redactDeep } from './redact-json.js';
import { matchRoute, type Route } from './router.js';
import { apiRoutes } from './routes/index.js';
import { SECURITY_HEADERS, UiAccess } from './security.js';
import { staticFile } from './static.js';

export const UI_HOST = '127.0.0.1';

export interface DashboardOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Only 127.0.0.1: the dashboard never listens beyond loopback. */
  host?: string;
  readOnly?: boolean;
}

export interface Dashboard {
  /** The launch URL with its one-time token. */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** `kei-skills ui`: the JSON API over the domain modules and the page's files, on loopback, behind a one-time token. */
export async function startDashboard(kit: Kit, options: DashboardOptions = {}): Promise<Dashboard> {
  const host = options.host ?? UI_HOST;
  if (host !== UI_HOST)
    throw new KeiError(
      'ui_not_loopback',
      `the dashboard listens on ${UI_HOST} only (asked for ${host}); reach it from elsewhere with an SSH tunnel`,
    );
  let port = 0;
  const access = new UiAccess(() => port, options.readOnly === true);
  const routes = apiRoutes(kit);
  const server = createServer((req, res) => {
    handle(kit, access, routes, req, res).catch((err: unknown) => {
      kit.log.error('dashboard request failed', { url: req.url, error: String(err) });
      if (!res.headersSent) sendError(res, 500, 'internal', 'internal error (see logs/ui.log)');
    });
  });
  port = await listen(server, options.port ?? 0, host);
  kit.log.info('dashboard listening', { port, readOnly: access.readOnly });
  return {
    url: `http://${UI_HOST}:${port}/?token=${access.token}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new KeiError('ui_port_in_use', `port ${port} is in use; pick another with --port, or --port 0 for any free one`, {
              field: 'port',
            })
          : err,
      ),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

async function handle(kit: Kit, access: UiAccess, routes: Route[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  const refused = access.refuseOrigin(req);
  if (refused) return sendError(res, refused.status, refused.code, refused.message);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.searchParams.has('token')) return exchangeToken(access, url.searchParams.get('token'), res);
  if (url.pathname.startsWith('/api/')) return api(kit, access, routes, req, res, url);
  if (!access.csrfOf(req)) return sendError(res, 401, 'no_session', 'Open the URL that `kei-skills ui` printed (its token works once).');
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method', 'only GET serves the page');
  const file = staticFile(url.pathname);
  if (!file) return sendError(res, 404, 'not_found', `no file ${url.pathname}`);
  res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length }).end(req.method === 'HEAD' ? undefined : file.body);
}

function exchangeToken(access: UiAccess, token: string | null, res: ServerResponse): void {
  const session = access.exchange(token);
  if (!session)
    return sendError(res, 401, 'bad_token', 'This link was already used or is wrong: start `kei-skills ui` again for a new one.');
  res.writeHead(303, { location: '/', 'set-cookie': access.cookieHeader(session) }).end();
}

async function api(kit: Kit, access: UiAccess, routes: Route[], req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const found = matchRoute(routes, req.method ?? 'GET', url.pathname);
  const refused = access.refuseRequest(req, found?.route.readsOnly === true);
  if (refused) return sendError(res, refused.status, refused.code, refused.message);
  if (url.pathname === '/api/session') return sendJson(res, 200, { csrf: access.csrfOf(req), readOnly: access.readOnly });
  if (!found) return sendError(res, 404, 'not_found', `no API ${req.method} ${url.pathname}`);
  try {
    const body = req.method === 'GET' ? {} : await readJsonBody(req);
    const result = await found.route.handler({ params: found.params, query: url.searchParams, body });
    if (result instanceof Download) return result.send(res);
    sendJson(res, 200, redactDeep(result ?? { ok: true }));
  } catch (err) {
    if (!(err instanceof KeiError)) throw err;
    const status = err.code.endsWith('_not_found') || err.code === 'no_versions' ? 404 : err.code === 'guard_blocked' ? 422 : 400;
    sendError(res, status, err.code, err.message, redactDeep(err.details) as Record<string, unknown> | undefined);
  }
}
