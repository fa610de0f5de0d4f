// A member of the public submitting the online 依申请公开 form over real HTTP (cookies, CSRF token,
// the form's idempotency key), retrying until the server acknowledges. For the recovery tests and
// bench/reliability.ts, which kill the app and the database under it.
import crypto from 'node:crypto';

export interface ApplyForm {
  cookie: string;
  csrf: string;
  idempotencyKey: string;
}

export type Attempt =
  | { kind: 'acknowledged'; requestNo: string }
  | { kind: 'unavailable'; status: number; retryAfter: string | null; body: string }
  | { kind: 'refused'; status: number; body: string }
  | { kind: 'network'; error: string };

export const SAMPLE_APPLICATION: Record<string, string> = {
  unit: 'finance',
  applicantKind: 'person',
  name: '张三丰',
  idType: 'resident_id',
  idNumber: '532301199001011238',
  phone: '13912345678',
  email: 'zhangsan@example.cn',
  address: '云南省楚雄市鹿城镇北浦路8号',
  postcode: '675000',
  infoDescription: '2025年楚雄市财政局部门决算及说明',
  infoDocNo: '',
  forms: 'electronic',
  delivery: 'download',
};

/** A different client address per person (the app runs with TRUST_PROXY behind a proxy in these runs). */
export function clientAddress(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** Opens the form: its cookie, CSRF token and idempotency key. */
export async function openApplyForm(base: string, ip: string, signal?: AbortSignal): Promise<ApplyForm> {
  const res = await fetch(`${base}/requests/apply`, { headers: { 'x-forwarded-for': ip }, signal });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET /requests/apply: ${res.status}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const idempotencyKey = /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1] ?? crypto.randomBytes(18).toString('base64url');
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!csrf || !cookie) throw new Error('the form has no CSRF token or cookie');
  return { cookie, csrf, idempotencyKey };
}

/** Posts the confirmed application once. */
export async function submitOnce(base: string, form: ApplyForm, ip: string, fields: Record<string, string> = {}, signal?: AbortSignal): Promise<Attempt> {
  const body = new URLSearchParams({ ...SAMPLE_APPLICATION, ...fields, _csrf: form.csrf, idempotencyKey: form.idempotencyKey });
  let res: Response;
  let html: string;
  try {
    res = await fetch(`${base}/requests/apply/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie, 'x-forwarded-for': ip },
      body,
      signal,
    });
    html = await res.text();
  } catch (err) {
    return { kind: 'network', error: String((err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message) };
  }
  const requestNo = /id="request-no">([^<]+)</.exec(html)?.[1];
  if (res.status === 200 && requestNo) return { kind: 'acknowledged', requestNo };
  if (res.status === 503) return { kind: 'unavailable', status: 503, retryAfter: res.headers.get('retry-after'), body: html };
  return { kind: 'refused', status: res.status, body: html };
}
