// The powers part of `npm run bench` (also runnable alone: `node --import tsx bench/powers.ts`), on its
// own embedded PostgreSQL: a 5,000-row 权责清单 imported the way staff do it (upload → preview → confirm),
// then 100,000 执法决定 loaded in one INSERT … SELECT and the public register's pages timed.
import { p95, runAlone, withOwnDatabase, type Line } from './common.ts';
import { writeListWorkbook } from '../src/modules/powers/import/write-list.ts';
import { townshipRows } from '../src/modules/powers/demo/seed-demo.ts';
import { postMultipart } from '../src/modules/powers/testing/multipart.ts';
import { waitForImportRun } from '../src/core/import-runs/run.ts';

const ROWS = 5000;
const DECISIONS = Number(process.env.BENCH_DECISIONS || 100_000);
const LIST_REQUESTS = 200;

export type { Line } from './common.ts';

export async function benchPowers(): Promise<Line[]> {
  return withOwnDatabase('2026-11-26T02:00:00Z', async (t) => {
    const base = townshipRows('东瓜镇');
    const rows = Array.from({ length: ROWS }, (_, i) => ({ ...base[i % base.length]!, code: `BENCH-${String(i + 1).padStart(5, '0')}` }));
    const workbook = await writeListWorkbook('压测权责清单', rows);
    const c = await t.signIn('dgz_editor');
    const t0 = performance.now();
    const preview = await postMultipart(t, c, '/staff/powers/donggua/import', '/staff/powers/donggua/import', { label: '2026年版', publishedOn: '2026-11-01', docNo: '' }, { name: 'bench.xlsx', bytes: workbook });
    const previewMs = performance.now() - t0;
    const code = /name="code" value="([^"]+)"/.exec(preview.body)?.[1];
    if (!code) throw new Error(`preview refused (${preview.statusCode})`);
    const t1 = performance.now();
    const confirm = await c.submit('/staff/powers/donggua', '/staff/powers/donggua/import/confirm', { code });
    // The save runs in the background; the time counts until it is done.
    await waitForImportRun(String(confirm.headers.location).split('/').pop()!);
    const saveMs = performance.now() - t1;
    const saved = (await t.core.pool.query("SELECT count(*)::int AS n FROM powers_items i JOIN units u ON u.id = i.unit_id WHERE u.slug = 'donggua' AND i.cancelled_at IS NULL")).rows[0].n;

    const units = (await t.core.pool.query("SELECT id, coalesce(root_id, id) AS root FROM units WHERE slug IN ('market-regulation', 'donggua', 'health', 'transport') ORDER BY id")).rows;
    const l0 = performance.now();
    await t.core.pool.query(
      `INSERT INTO powers_decisions (public_code, root_unit_id, unit_id, kind, doc_no, party_name, party_type, facts, basis, content, fine_yuan, decided_on, due_on, published_on)
       SELECT 'd' || lpad(to_hex(g), 12, '0'), $1::bigint, ($2::bigint[])[g % 4 + 1], (ARRAY['行政处罚','行政许可','行政检查','行政强制'])[(g / 4) % 4 + 1], '压测〔2026〕' || g || '号',
         '压测当事人' || (g % 1000), '法人', '压测事实', '压测依据', '压测结论', CASE WHEN (g / 4) % 4 = 0 THEN 1000 END,
         date '2026-11-20' - (g % 700), date '2026-11-29' - (g % 700), CASE WHEN g % 20 = 0 THEN NULL ELSE date '2026-11-24' - (g % 700) END
       FROM generate_series(1, $3::int) AS g`,
      [units[0].root, units.map((u: { id: string }) => u.id), DECISIONS],
    );
    await t.core.pool.query('VACUUM ANALYZE powers_decisions');
    const loadMs = performance.now() - l0;
    const urls = ['/enforcement', '/enforcement?page=2', '/enforcement?page=10', '/enforcement?kind=行政处罚', '/enforcement?unit=market-regulation', '/enforcement?unit=donggua&kind=行政许可&page=3', '/enforcement?unit=health&kind=行政征收'];
    const anon = t.client();
    for (const u of urls) {
      const r = await anon.get(u);
      // Every page asked exists: a filter with no rows (404 past its last page) would not measure the list.
      if (r.statusCode !== 200) throw new Error(`${u} answered ${r.statusCode}`);
    }
    const times: number[] = [];
    let bad = 0;
    for (let i = 0; i < LIST_REQUESTS; i++) {
      const u = urls[i % urls.length]!;
      const s = performance.now();
      const r = await anon.get(u);
      times.push(performance.now() - s);
      if (r.statusCode !== 200) bad++;
    }
    const total = previewMs + saveMs;
    process.stdout.write(
      `\n权责清单 import: ${ROWS} rows, preview ${(previewMs / 1000).toFixed(2)} s + save ${(saveMs / 1000).toFixed(2)} s (${saved} rows saved, confirm ${confirm.statusCode})\n` +
        `执法决定 register: ${DECISIONS} decisions loaded in ${(loadMs / 1000).toFixed(1)} s; public list ${LIST_REQUESTS} requests over ${urls.length} pages/filters: p95 ${p95(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms, ${bad} not 200\n`,
    );
    return [
      [`权责清单 import of ${ROWS} rows (preview + save)`, `${(total / 1000).toFixed(2)} s`, '≤ 5 s', total <= 5000 && saved === ROWS],
      [`执法决定 public list p95 (${DECISIONS / 1000}k decisions)`, `${p95(times).toFixed(1)} ms`, '≤ 50 ms', p95(times) <= 50 && bad === 0],
    ];
  });
}

runAlone(import.meta.url, benchPowers);
