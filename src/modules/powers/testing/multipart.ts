// Test support: post a form as multipart/form-data like a browser, with the CSRF token of its page.
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp, TestClient } from '../../../core/testing/index.ts';

export async function postMultipart(
  t: TestApp,
  c: TestClient,
  pageUrl: string,
  actionUrl: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer; type?: string },
): Promise<LightMyRequestResponse> {
  const page = await c.get(pageUrl);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`no CSRF token on ${pageUrl} (${page.statusCode})`);
  const boundary = `----gk${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: token, ...fields })) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await t.app.inject({ method: 'POST', url: actionUrl, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(parts) });
  for (const ck of res.cookies as { name: string; value: string }[]) if (ck.value) c.cookies.set(ck.name, ck.value);
  return res;
}
