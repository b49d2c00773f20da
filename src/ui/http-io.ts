import type { IncomingMessage, ServerResponse } from 'node:http';
import { KeiError } from '../core/errors.js';

const MAX_BODY_BYTES = 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
}

/** Every refusal and failure has the same shape, so the page shows `message` and tests match on `code`. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, details?: Record<string, unknown>): void {
  sendJson(res, status, { error: { code, message, ...(details ?? {}) } });
}

/** A file the browser saves (an export), instead of JSON for the page. */
export class Download {
  constructor(
    readonly filename: string,
    readonly type: string,
    readonly body: string,
  ) {}

  send(res: ServerResponse): void {
    res
      .writeHead(200, {
        'content-type': this.type,
        'content-disposition': `attachment; filename="${this.filename.replace(/[^\w.-]/g, '_')}"`,
      })
      .end(this.body);
  }
}

/** The JSON object of a change, capped at 1 MiB; anything else is a clear 400. */
export function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return reject(new KeiError('invalid_content', 'the request body is over 1 MiB'));
      try {
        const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
        resolve(value as Record<string, unknown>);
      } catch {
        reject(new KeiError('invalid_content', 'the request body must be a JSON object'));
      }
    });
    req.on('error', reject);
  });
}
