import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BIN } from '../helpers/temp.js';

export interface Launched {
  url: string;
  origin: string;
  port: number;
  token: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the real `kei-skills ui --no-open` on a data home and waits for the first line it prints: the launch URL. */
export function launchUi(home: string, cwd: string, args: string[] = []): Promise<Launched> {
  const child = spawn(process.execPath, [BIN.skills, 'ui', '--no-open', ...args], {
    cwd,
    env: { ...process.env, KEI_HOME: home, HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kei-skills ui printed no URL in 20 s; stderr: ${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`kei-skills ui exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      const url = new URL(line);
      resolve({ url: line, origin: url.origin, port: Number(url.port), token: url.searchParams.get('token') ?? '', child, stop });
    });
  });
}

/** Signs in the way a browser does: the launch URL sets the session cookie; the page then reads its CSRF token. */
export async function signIn(l: Launched): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(l.url, { redirect: 'manual' });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const session = (await (await fetch(`${l.origin}/api/session`, { headers: { cookie } })).json()) as { csrf: string };
  return { cookie, csrf: session.csrf };
}
