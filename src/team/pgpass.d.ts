declare module 'pgpass/lib/helper.js' {
  import type { Stats } from 'node:fs';
  import type { Readable } from 'node:stream';
  export interface ConnInfo {
    host?: string;
    port?: number | string;
    database?: string;
    user?: string;
  }
  export function getFileName(env?: NodeJS.ProcessEnv): string;
  export function usePgPass(stats: Stats, file: string): boolean;
  export function getPassword(connInfo: ConnInfo, stream: Readable, cb: (password: string | undefined) => void): void;
}
