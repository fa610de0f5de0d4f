import { freePort } from './src/core/testing/net.ts';
import { startTemporaryPostgres } from './src/core/db/embedded.ts';
import { createTestApp } from './src/core/testing/index.ts';
const pg = await startTemporaryPostgres(await freePort());
process.env.TEST_DATABASE_URL = pg.url;
const t = await createTestApp();
try {
  const gkb = await t.signIn('gkb');
  const page = await gkb.get('/staff/powers/donggua/decisions');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const res = await t.app.inject({ method: 'POST', url: '/staff/powers/donggua/decisions', headers: { cookie: [...gkb.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf }, payload: `_csrf=${encodeURIComponent(csrf)}&a=%ZZ&b=%E4%B8&c=\u0000\u0001&name[]=1&name[]=2&days=abc&start=2025-13-45&year=-5` });
  console.log(res.statusCode, res.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 1500));
} finally { await t.dispose(); await pg.cleanup(); }
