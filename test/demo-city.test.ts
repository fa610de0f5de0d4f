// The full demo city, as `npm start` loads it on the first start (demoVolume full): every domain of the
// standard catalog filled and adopted, a 指南 per unit with the elements 条例 第十二条 asks for, three
// years of records, the earlier annual reports, and the demo notice on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../src/core/testing/index.ts';
import { verifyAuditChain } from '../src/core/audit/index.ts';
import { buildApp } from '../src/app.ts';
import { GUIDE_SECTION_KEYS } from '../src/modules/catalog/domain/guide.ts';

async function q<T = Record<string, unknown>>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.core.pool.query(text, params)).rows as T[];
}

describe('the full demo city (first start of npm start)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demoVolume: 'full' });
  });
  after(async () => t.dispose());

  it('has the units the plan names, with e-mails on the city domain and the site’s 备案 numbers', async () => {
    const names = (await q<{ name: string }>(t, 'SELECT name FROM units')).map((u) => u.name);
    for (const n of ['楚雄经济技术开发区（高新技术产业开发区）管理委员会', '楚雄市公安局', '楚雄市统计局', '楚雄市审计局', '楚雄市林业和草原局', '楚雄市医疗保障局', '楚雄市信访局', '楚雄市档案馆']) {
      assert.ok(names.includes(n), n);
    }
    assert.equal(names.length, 43);
    assert.deepEqual(await q(t, "SELECT count(*)::int AS n FROM units WHERE email NOT LIKE '%@cxs.gov.cn'"), [{ n: 0 }]);
    const home = textOf((await t.client().get('/')).body);
    assert.match(home, /网站标识码：5323010001 滇ICP备18003271号-1 滇公网安备 53230102000318号/);
    assert.match(home, /演示站点：本网站所列单位的人员、电话、电子邮箱、文件和数据均为虚构的演示数据/);
  });

  it('fills all 26 domains of the standard catalog, and every unit adopts the items of its domains at its level', async () => {
    const [city] = await q<{ id: string }>(t, "SELECT id FROM units WHERE slug = 'city-government'");
    const perDomain = await q<{ name: string; n: number }>(
      t,
      'SELECT d.name, count(i.id)::int AS n FROM catalog_domains d LEFT JOIN catalog_items i ON i.domain_id = d.id AND i.owner_unit_id IS NULL WHERE d.root_unit_id = $1 GROUP BY d.name',
      [city!.id],
    );
    assert.equal(perDomain.length, 26);
    for (const d of perDomain) assert.ok(d.n >= 3, `${d.name}: ${d.n} items`);
    assert.equal(
      perDomain.reduce((s, d) => s + d.n, 0),
      135,
    );
    const empty = await q<{ slug: string }>(
      t,
      "SELECT u.slug FROM units u WHERE u.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM catalog_unit_items c WHERE c.unit_id = u.id AND c.removed_at IS NULL) ORDER BY u.slug",
    );
    assert.deepEqual(empty, [], 'every unit has a catalog');
    // A township adopts only items marked for the township level; the police adopt 户籍管理.
    const wrongLevel = await q(
      t,
      "SELECT u.slug, i.level2 FROM catalog_unit_items c JOIN units u ON u.id = c.unit_id JOIN catalog_items i ON i.id = c.item_id WHERE u.type = 'township' AND NOT i.level_township",
    );
    assert.deepEqual(wrongLevel, []);
    const police = textOf((await t.client().get('/openness/public-security/catalog')).body);
    assert.match(police, /户籍管理/);
    assert.match(police, /户口迁移办理指南/);
    const town = textOf((await t.client().get('/openness/donggua/catalog')).body);
    assert.match(town, /低保对象审核确认/);
    assert.doesNotMatch(town, /建设工程规划许可/, 'a county-only item');
  });

  it('publishes a 指南 for every unit with each element of 条例 第十二条, naming the review body and the court', async () => {
    const guides = await q<{ slug: string; type: string; parent_id: string | null; sections: { key: string; body: string }[]; email: string; fax: string; phone: string }>(
      t,
      'SELECT u.slug, u.type, u.parent_id, u.email, u.fax, u.phone, g.sections FROM catalog_guides g JOIN units u ON u.id = g.unit_id WHERE g.version = 1',
    );
    assert.equal(guides.length, 43);
    for (const g of guides) {
      const by = Object.fromEntries(g.sections.map((s) => [s.key, s.body]));
      assert.deepEqual(Object.keys(by).sort(), [...GUIDE_SECTION_KEYS].sort(), g.slug);
      const office = by.office!;
      for (const label of ['机构名称及联系人：', '办公地址：云南省楚雄彝族自治州楚雄市', '办公时间：周一至周五', `联系电话：${g.phone}`, `传真号码：${g.fax}`, `电子邮箱：${g.email}`, '互联网联系方式：']) {
        assert.ok(office.includes(label), `${g.slug} office: ${label}`);
      }
      assert.match(by.on_request!, /申请方式[\s\S]*补正[\s\S]*答复期限/, g.slug);
      assert.match(by.on_request!, /信息处理费/, g.slug);
      assert.doesNotMatch(Object.values(by).join('\n'), /待补充|有管辖权的|上一级行政机关/, `${g.slug}: every body is named`);
      const review = /向(.+?)申请行政复议/.exec(by.supervision!)?.[1];
      const court = /向(.+?)提起行政诉讼/.exec(by.supervision!)?.[1];
      const expected =
        g.parent_id === null
          ? ['楚雄彝族自治州人民政府', '楚雄彝族自治州中级人民法院']
          : g.slug === 'taxation'
            ? ['国家税务总局楚雄彝族自治州税务局', '楚雄市人民法院']
            : g.slug === 'ecology-environment'
              ? ['楚雄彝族自治州人民政府', '楚雄市人民法院']
              : ['楚雄市人民政府', '楚雄市人民法院'];
      assert.deepEqual([review, court], expected, g.slug);
    }
    const page = textOf((await t.client().get('/openness/audit/guide')).body);
    assert.match(page, /楚雄市审计局政府信息公开指南/);
    assert.match(page, /sjj@cxs\.gov\.cn/);
  });

  it('has a few thousand published records over three years, with 索引号 in sequence and no duplicate 文号', async () => {
    const years = await q<{ y: number; n: number; units: number }>(
      t,
      "SELECT index_year AS y, count(*)::int AS n, count(DISTINCT unit_id)::int AS units FROM pub_records WHERE state = 'published' AND index_year >= 2024 GROUP BY 1 ORDER BY 1",
    );
    assert.deepEqual(
      years.map((r) => r.y),
      [2024, 2025, 2026],
    );
    for (const r of years) {
      assert.ok(r.n >= 900 && r.n <= 1300, `${r.y}: ${r.n} records`);
      assert.equal(r.units, 43, `${r.y}: every unit published`);
    }
    assert.deepEqual(await q(t, "SELECT doc_no, count(*)::int AS n FROM pub_records WHERE doc_no <> '' GROUP BY 1 HAVING count(*) > 1"), []);
    assert.deepEqual(
      await q(t, 'SELECT unit_id, index_year FROM pub_records WHERE index_year IS NOT NULL GROUP BY 1, 2 HAVING max(index_seq) <> count(*)'),
      [],
      'sequences have no gaps',
    );
    assert.deepEqual(await q(t, "SELECT count(*)::int AS n FROM pub_records r WHERE r.state = 'published' AND r.disclosure = 'proactive' AND NOT EXISTS (SELECT 1 FROM pub_search_documents s WHERE s.record_id = r.id)"), [{ n: 0 }]);
    // Every record filed under an item is filed under an item of its unit's catalog.
    assert.deepEqual(
      await q(
        t,
        `SELECT r.title FROM pub_records r JOIN units u ON u.id = r.unit_id WHERE r.catalog_item_id IS NOT NULL AND u.parent_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM catalog_unit_items c WHERE c.unit_id = r.unit_id AND c.item_id = r.catalog_item_id)`,
      ),
      [],
    );
    const search = textOf((await t.client().get(`/search?q=${encodeURIComponent('部门预算')}`)).body);
    assert.match(search, /楚雄市\S+局2026年 ?部门预算 ?公开/);
    // A later publication continues the unit's sequence.
    const [seq] = await q<{ last: number; max: number }>(
      t,
      "SELECT s.last_seq AS last, (SELECT max(index_seq) FROM pub_records r WHERE r.unit_id = s.unit_id AND r.index_year = 2026) AS max FROM pub_index_sequences s JOIN units u ON u.id = s.unit_id WHERE u.slug = 'finance' AND s.year = 2026",
    );
    assert.equal(seq!.last, seq!.max);
  });

  it('shows the earlier annual reports as published in the column and on the dashboard', async () => {
    const list = textOf((await t.client().get('/openness/city-government/annual-reports')).body);
    for (const y of [2023, 2024, 2025]) assert.match(list, new RegExp(`${y}年`), String(y));
    const report = textOf((await t.client().get('/openness/city-government/annual-reports/2025')).body);
    assert.match(report, /全年新收政府信息公开申请91件/);
    const gkb = await t.signIn('gkb');
    const dashboard = textOf((await gkb.get('/staff/annual-reports?year=2025')).body);
    assert.match(dashboard, /共43个单位：已发布43个，草稿0个，未开始0个； 已逾期未发布0个。/);
    assert.match(dashboard, /楚雄市人民政府 人民政府 2026-03-31 已发布（手工补录），2026-03-18发布 已按时发布/);
    assert.match(dashboard, /楚雄市公安局 政府部门 2026-01-31 已发布（手工补录），2026-01-\d\d发布 已按时发布/);
  });

  it('wrote an unbroken audit chain, and a second start loads nothing more', async () => {
    const count = async () => (await q(t, 'SELECT (SELECT count(*) FROM pub_records)::int AS r, (SELECT count(*) FROM catalog_unit_items)::int AS c, (SELECT count(*) FROM catalog_guides)::int AS g, (SELECT count(*) FROM ar_reports)::int AS a'))[0];
    const first = await count();
    const again = await buildApp({ config: t.config, databaseUrl: t.url, clock: t.clock, seed: true, logger: false, poolSize: 2 });
    await again.close();
    assert.deepEqual(await count(), first);
    assert.equal((await verifyAuditChain(t.core.db)).ok, true);
  });
});
