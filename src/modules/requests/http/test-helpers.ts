// Test support for the request pages: submitting the public form as a browser would, and reading
// hidden fields back. Used by the route tests only.
import assert from 'node:assert/strict';
import type { TestClient } from '../../../core/testing/index.ts';

export const VALID_ID = '532301199001011238';

export const APPLICATION: Record<string, string | string[]> = {
  unit: 'finance',
  applicantKind: 'person',
  name: '张三丰',
  idType: 'resident_id',
  idNumber: VALID_ID,
  phone: '13912345678',
  email: 'zhangsan@example.cn',
  address: '云南省楚雄市鹿城镇北浦路8号',
  postcode: '675000',
  infoDescription: '2025年楚雄市财政局部门决算及说明',
  infoDocNo: '',
  forms: ['electronic'],
  delivery: 'download',
};

export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'a CSRF token on the page');
  return token;
}

/** The hidden inputs of the form posting to `action` (repeated names become arrays). */
export function hiddenFields(html: string, action: string): Record<string, string | string[]> {
  const start = html.indexOf(`action="${action}"`);
  assert.ok(start >= 0, `a form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const out: Record<string, string | string[]> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)) {
    const k = m[1]!;
    const v = m[2]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** Fills the public form, goes through the confirmation step and submits; returns the result page. */
export async function applyOnline(c: TestClient, overrides: Record<string, string | string[]> = {}) {
  const form = await c.get('/requests/apply');
  assert.equal(form.statusCode, 200);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)?.[1];
  assert.ok(key, 'an idempotency key in the form');
  const confirm = await c.post('/requests/apply', { _csrf: csrfOf(form.body), idempotencyKey: key, ...APPLICATION, ...overrides });
  assert.equal(confirm.statusCode, 200, confirm.body.slice(0, 2000));
  const hidden = hiddenFields(confirm.body, '/requests/apply/submit');
  const done = await c.post('/requests/apply/submit', hidden);
  const requestNo = /id="request-no">([^<]+)</.exec(done.body)?.[1];
  const lookupCode = /id="lookup-code">([^<]+)</.exec(done.body)?.[1];
  return { confirm, hidden, done, requestNo: requestNo ?? '', lookupCode: lookupCode ?? '' };
}
