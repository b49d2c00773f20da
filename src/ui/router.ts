import { KeiError } from '../core/errors.js';

export interface ApiRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export type Handler = (req: ApiRequest) => unknown;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `/api/memories/:id/undo`: a `:name` part matches one path segment. */
  path: string;
  handler: Handler;
  /** A POST that changes nothing (a guard scan): allowed in --read-only, still behind the CSRF token. */
  readsOnly?: boolean;
}

/** The route a request means, with its path parameters (decoded), or undefined. */
export function matchRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  const parts = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((p, i) => {
      if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(parts[i]);
      return p.startsWith(':') ? parts[i] !== '' : p === parts[i];
    });
    if (fits) return { route, params };
  }
  return undefined;
}

/** A required text field of a JSON body: a clear error names it when it is missing. */
export function textField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new KeiError('invalid_content', `"${name}" is required (a non-empty string)`, { field: name });
  return value;
}

export function optionalText(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}
