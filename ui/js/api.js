// The JSON API of `kei-skills ui`: same origin, session cookie, and the CSRF token on every change.
let session;

export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = error?.code;
    this.detail = error ?? {};
  }
}

export async function currentSession() {
  session ??= await get('/api/session');
  return session;
}

async function answer(res) {
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data.error);
  return data;
}

export async function get(path) {
  return answer(await fetch(path, { credentials: 'same-origin' }));
}

export async function send(method, path, body) {
  const { csrf } = await currentSession();
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return answer(res);
}
