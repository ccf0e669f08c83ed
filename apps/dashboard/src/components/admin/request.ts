// Client-side calls that change users and keys. They ride on the session cookie, so the API
// wants the CSRF token from the readable `sp_csrf` cookie in `x-csrf-token` (else 403 csrf).
// Client-safe.

export type SendResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; code: string; message: string };

export function csrfFromCookie(): string {
  const m = /(?:^|;\s*)sp_csrf=([^;]+)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : '';
}

/** Plain words for the failures the API does not explain itself. */
function describe(status: number, code: string, message: string | undefined): string {
  if (code === 'csrf') return 'Your session could not be confirmed. Reload the page and try again.';
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'Your roles no longer allow managing users and keys.';
  if (message) return message.charAt(0).toUpperCase() + message.slice(1);
  return `The request failed (HTTP ${status}).`;
}

/** POST/PATCH/DELETE a JSON body to the API on this origin; failures carry a readable message. */
export async function send<T = unknown>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<SendResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'x-csrf-token': csrfFromCookie(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, code: 'unreachable', message: 'The server could not be reached.' };
  }
  const parsed: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (res.ok) return { ok: true, status: res.status, data: parsed as T };
  const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
  const code = error?.code ?? 'http_error';
  return { ok: false, status: res.status, code, message: describe(res.status, code, error?.message) };
}

/** ISO instant as `YYYY-MM-DD HH:MM UTC`: the same text on the server and in the browser. */
export function isoMinute(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
