import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../../../core/testing/index.ts';
import { systemActor } from '../../../core/audit/index.ts';
import { unitsChanged } from '../../units/index.ts';
import { createItem, importItems, setAdoptedItems, updateItem } from '../service.ts';
import { readCatalogWorkbook } from '../import/read-sheet.ts';
import { parseCatalog } from '../import/parse-catalog.ts';
import { parseTimeLimit } from '../domain/time-limit.ts';
import type { CatalogItemData } from '../domain/types.ts';
import { withoutDemoCatalog } from '../testing/no-demo-catalog.ts';

const actor = { ...systemActor, name: '李政务（gkb）' };

function item(domainName: string, level1: string, level2: string, timeLimitText: string, over: Partial<CatalogItemData> = {}): CatalogItemData {
  return {
    domainName,
    level1,
    level2,
    content: `${level2}的相关信息`,
    basis: ['《中华人民共和国政府信息公开条例》'],
    timeLimitText,
    timeLimitRule: parseTimeLimit(timeLimitText).rule,
    publisherText: '楚雄市财政局',
    channels: ['政府网站'],
    customChannels: [],
    audience: { society: true, specificGroup: false },
    mode: { proactive: true, onRequest: false },
    level: { county: true, township: false },
    ...over,
  };
}

describe('public 政府信息公开 column', () => {
  let t: TestApp;
  let root: number;
  let finance: number;
  const codes: Record<string, string> = {};

  before(async () => {
    withoutDemoCatalog();
    t = await createTestApp();
    const id = async (slug: string) => Number((await t.core.pool.query('SELECT id FROM units WHERE slug = $1', [slug])).rows[0].id);
    root = await id('city-government');
    finance = await id('finance');
    const create = async (key: string, ownerUnitId: number | null, data: CatalogItemData) => {
      const r = await createItem(t.core, actor, { rootUnitId: root, ownerUnitId, data, reason: '首次编制' });
      assert.ok(r.ok, JSON.stringify(r));
      codes[key] = r.item.code;
      return r.item.id;
    };
    const eia = await create(
      'eia',
      null,
      item('生态环境', '行政许可', '建设项目环境影响评价文件审批', '信息形成（变更）之日起20个工作日内', {
        basis: ['《中华人民共和国环境影响评价法》', '《中华人民共和国政府信息公开条例》'],
        publisherText: '楚雄州生态环境局楚雄分局',
        content: '受理情况公示、报告书（表）全本；拟审查环评文件基本情况公示；环评批复',
      }),
    );
    const budget = await create(
      'budget',
      null,
      item('财政预决算', '政府预决算', '政府预算', '本级人民代表大会或其常务委员会批准后20日内', {
        basis: ['《中华人民共和国预算法》', '《中华人民共和国政府信息公开条例》'],
        level: { county: true, township: true },
      }),
    );
    const fund = await create(
      'fund',
      null,
      item('社会保险', '社会保险基金', '社会保险基金年度收支情况', '每年1月31日前', { publisherText: '楚雄市人力资源和社会保障局' }),
    );
    const up = await updateItem(
      t.core,
      actor,
      eia,
      item('生态环境', '行政许可', '建设项目环境影响评价文件审批', '信息形成（变更）之日起20个工作日内', {
        basis: ['《中华人民共和国环境影响评价法》', '《中华人民共和国政府信息公开条例》'],
        publisherText: '楚雄州生态环境局楚雄分局',
        content: '受理情况公示、报告书（表）全本；拟审查环评文件基本情况公示；环评批复',
        channels: ['政府网站', '政府公报'],
      }),
      '增加政府公报渠道',
    );
    assert.ok(up.ok && up.changed);
    const adopt = await setAdoptedItems(t.core, actor, finance, root, [budget, fund], '采用本市标准目录');
    assert.ok(adopt.ok);
    await create('own', finance, item('财政预决算', '财政专项资金', '财政专项资金管理办法', '及时公开'));
  });
  after(async () => t.dispose());

  it('shows the city column with the four standard parts and every unit grouped', async () => {
    const res = await t.client().get('/openness');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    for (const h of ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报']) assert.match(res.body, new RegExp(`<h2 id="[^"]+">${h}</h2>`));
    assert.match(text, /国办公开办函〔2019〕61号/);
    assert.match(text, /本市标准目录现有3个领域、3 ?个事项/);
    assert.match(res.body, /href="\/openness\/city-government\/guide"/);
    assert.match(res.body, /href="\/openness\/city-government\/catalog"/);
    for (const g of ['市人民政府', '市政府工作部门', '乡镇（街道）']) assert.match(res.body, new RegExp(`<h3 id="g-[a-z]+">${g}</h3>`));
    assert.match(text, /楚雄市财政局 （目录事项3项）/);
    assert.doesNotMatch(text, /楚雄市民政局 （目录事项/, 'no count for a unit without items');
    assert.match(text, /楚雄市人民政府 （目录事项3项）/);
    assert.match(res.body, /href="\/openness\/donggua"/);
  });

  it('shows a unit column with its guide, rules and catalog parts, and no annual-report section without reports', async () => {
    const res = await t.client().get('/openness/finance');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(res.body, /<h1>楚雄市财政局政府信息公开<\/h1>/);
    assert.match(res.body, /<h2 id="guide">政府信息公开指南<\/h2>/);
    assert.match(res.body, /href="\/openness\/finance\/guide"/);
    assert.match(res.body, /<h2 id="rules">政府信息公开制度<\/h2>/);
    assert.match(text, /自形成或者变更之日起20个工作日内公开，法律、法规对公开期限另有规定的从其规定（第二十六条）/);
    assert.match(text, /每年1月31日前向本级政府信息公开工作主管部门提交并向社会公布上一年度政府信息公开工作年度报告（第四十九条）/);
    assert.match(text, /接受本市政府信息公开工作主管部门楚雄市人民政府办公室的日常指导和监督检查（第四十七条）/);
    assert.doesNotMatch(res.body, /<h2[^>]*>政府信息公开年报<\/h2>/);
    assert.match(text, /现有2个领域、3个事项/);
    assert.match(res.body, /href="\/openness\/finance\/catalog\?domain=budget-final-accounts">财政预决算<\/a>（2项）/);
    assert.match(res.body, /href="\/openness\/finance\/catalog\/history"/);
    assert.match(res.body, /href="\/openness\/finance\/consultations">目录意见征集<\/a>/);
    for (const part of ['guide', 'consultations']) assert.equal((await t.client().get(`/openness/finance/${part}`)).statusCode, 200, `the ${part} page linked here exists`);
  });

  it('tailors the rules to a township and to the city government', async () => {
    const town = textOf((await t.client().get('/openness/donggua')).body);
    assert.match(town, /农村土地承包经营权流转、宅基地使用情况审核/);
    assert.match(town, /本单位的政务公开目录尚未列入事项/);
    const city = textOf((await t.client().get('/openness/city-government')).body);
    assert.match(city, /楚雄市人民政府办公室是本市政府信息公开工作主管部门/);
    assert.match(city, /每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告/);
  });

  it('lists a unit catalog by domain and 一级事项, each item linking to its page', async () => {
    const res = await t.client().get('/openness/finance/catalog');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(res.body, /<h2 id="d-budget-final-accounts">财政预决算（2项）<\/h2>/);
    assert.match(res.body, /<h3 id="d-budget-final-accounts-\d">政府预决算<\/h3>/);
    assert.match(res.body, /<h3 id="d-budget-final-accounts-\d">财政专项资金<\/h3>/);
    assert.match(res.body, /<h2 id="d-social-insurance">社会保险（1项）<\/h2>/);
    assert.match(res.body, new RegExp(`<a href="/openness/items/${codes.budget}\\?from=finance">政府预算</a>`));
    assert.match(text, /政府预算 本级人民代表大会或其常务委员会批准后20日内 楚雄市财政局/);
    assert.match(res.body, /<th scope="col">二级事项<\/th>/);
    assert.match(res.body, /<caption class="visually-hidden">财政预决算领域“政府预决算”下的二级事项<\/caption>/);
    // Not adopted by finance: not in its catalog.
    assert.doesNotMatch(text, /建设项目环境影响评价文件审批/);
    assert.match(res.body, /<form method="get" action="\/openness\/finance\/catalog" class="filters no-print"/);
  });

  it('filters the catalog by domain with a GET form, and refuses an unknown domain with 400', async () => {
    const res = await t.client().get('/openness/finance/catalog?domain=social-insurance');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /社会保险基金年度收支情况/);
    assert.doesNotMatch(text, /政府预算/);
    assert.match(res.body, /<option value="social-insurance" selected>社会保险<\/option>/);
    const empty = await t.client().get('/openness/finance/catalog?domain=health');
    assert.equal(empty.statusCode, 200);
    assert.match(textOf(empty.body), /本单位的目录在“卫生健康”领域暂无事项/);
    const bad = await t.client().get('/openness/finance/catalog?domain=no-such-domain');
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /提交的内容有1处问题/);
    assert.match(textOf(bad.body), /请从列表中选择领域/);
    assert.match(bad.body, /aria-invalid="true"/);
  });

  it('shows the standard catalog on the city government catalog page', async () => {
    const res = await t.client().get('/openness/city-government/catalog');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /本目录是本市的政务公开标准目录/);
    assert.match(text, /建设项目环境影响评价文件审批/);
    assert.doesNotMatch(text, /财政专项资金管理办法/, 'a unit’s own item is not in the standard catalog');
  });

  it('shows every element of an item, its understood rule, what its deadline counts from, and its history', async () => {
    const res = await t.client().get(`/openness/items/${codes.eia}`);
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(res.body, /<h1>建设项目环境影响评价文件审批<\/h1>/);
    assert.match(res.body, /<caption>“建设项目环境影响评价文件审批”的公开要素<\/caption>/);
    const rows: [string, string][] = [
      ['领域', '生态环境'],
      ['一级事项', '行政许可'],
      ['二级事项', '建设项目环境影响评价文件审批'],
      ['公开内容（要素）', '受理情况公示、报告书（表）全本；拟审查环评文件基本情况公示；环评批复'],
      ['公开依据', '《中华人民共和国环境影响评价法》、《中华人民共和国政府信息公开条例》'],
      ['公开时限', '信息形成（变更）之日起20个工作日内 计算规则：信息形成或变更之日起20个工作日内（《政府信息公开条例》第二十六条）'],
      ['公开主体', '楚雄州生态环境局楚雄分局'],
      ['公开渠道和载体', '政府网站、政府公报'],
      ['公开对象', '全社会'],
      ['公开方式', '主动'],
      ['公开层级', '县级'],
    ];
    for (const [label, value] of rows) {
      assert.match(res.body, new RegExp(`<th scope="row">${label.replace(/[()（）]/g, '.')}</th>`));
      assert.ok(text.includes(`${label} ${value}`), `${label} ${value}`);
    }
    assert.match(text, /下次公开期限 期限自该政府信息形成或者变更之日起计算（《政府信息公开条例》第二十六条）：每条信息应在形成或变更后20个工作日内公开/);
    assert.doesNotMatch(text, /下次应于/);
    assert.match(text, /第2版 2026-11-26 修改 增加政府公报渠道 公开渠道和载体：由“政府网站”改为“政府网站、政府公报”/);
    assert.match(text, /第1版 2026-11-26 新增 首次编制 —/);
    assert.match(text, /第2版，更新于 2026-11-26/);
    assert.match(res.body, /href="\/openness\/city-government\/catalog">楚雄市人民政府<\/a>/);
    assert.doesNotMatch(text, /李政务|gkb/, 'no staff names in public history');
  });

  it('shows when a yearly item is next due, counted from the test clock', async () => {
    const res = await t.client().get(`/openness/items/${codes.fund}`);
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /计算规则：每年1月31日前/);
    assert.match(text, /下次应于 2027-01-31 前公开/);
    assert.match(text, /每年1月31日前公开；尚无公开记录，应于 2027-01-31 前公开。/);
    // Both the city and finance hold it.
    assert.match(res.body, /href="\/openness\/finance\/catalog">楚雄市财政局<\/a>/);
  });

  it('explains a calendar-day deadline and shows no deadline for 及时公开', async () => {
    const budget = textOf((await t.client().get(`/openness/items/${codes.budget}`)).body);
    assert.match(budget, /计算规则：本级人民代表大会或其常务委员会批准后20日内/);
    assert.match(budget, /期限自“本级人民代表大会或其常务委员会批准”之日起计算：应在其后20日（按自然日计算，当日不计入）内公开/);
    const own = await t.client().get(`/openness/items/${codes.own}`);
    assert.equal(own.statusCode, 200);
    assert.match(textOf(own.body), /计算规则：及时公开（无可计算的期限）/);
    assert.doesNotMatch(own.body, /下次公开期限/);
    assert.match(own.body, /href="\/openness\/finance\/catalog">法定主动公开内容<\/a>/, 'breadcrumb to the owning unit');
  });

  it('shows the catalog change history with reasons and counts', async () => {
    const res = await t.client().get('/openness/finance/catalog/history');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(res.body, /<caption>目录版本及调整内容<\/caption>/);
    assert.match(text, /第2版 2026-11-26 首次编制 1 0 0 3 新增： 财政专项资金管理办法/);
    assert.match(text, /第1版 2026-11-26 采用本市标准目录 2 0 0 2 新增： 政府预算 、 社会保险基金年度收支情况/);
    assert.doesNotMatch(text, /李政务|gkb/);
    const city = textOf((await t.client().get('/openness/city-government/catalog/history')).body);
    assert.match(city, /第4版 2026-11-26 增加政府公报渠道 0 0 1 3 修改： 建设项目环境影响评价文件审批/);
    assert.match(city, /共4个/);
    assert.equal((await t.client().get('/openness/finance/catalog/history?page=abc')).statusCode, 400);
    assert.equal((await t.client().get('/openness/finance/catalog/history?page=9')).statusCode, 404);
  });

  it('explains the standard system in the reading guide, with the domains and their item counts', async () => {
    const res = await t.client().get('/openness/reading-guide');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(res.body, /<h1>政务公开导读<\/h1>/);
    assert.match(res.body, /<caption>本市政务公开标准目录的领域<\/caption>/);
    assert.equal((res.body.match(/<tr>/g) ?? []).length, 27, 'header + 26 domains');
    assert.match(text, /3 财政预决算 1/);
    assert.match(text, /26 城乡规划 0/);
    assert.match(res.body, /href="\/openness\/city-government\/catalog\?domain=ecology-environment">生态环境<\/a>/);
    for (const s of ['如何阅读目录事项', '如何查找政府信息', '如何申请政府信息公开', '如何提出意见或投诉']) assert.match(text, new RegExp(s));
    assert.match(text, /自收到申请之日起20个工作日内答复/);
    assert.match(text, /延长的期限最长不超过20个工作日（第三十三条）/);
    assert.match(text, /包括信件、数据电文在内的书面形式/);
    assert.match(text, /7个工作日内一次性告知/);
    assert.match(text, /本市的主管部门是楚雄市人民政府办公室/);
    assert.match(res.body, /href="\/openness\/city-government\/consultations">目录意见征集<\/a>/);
  });

  it('answers unknown units and items with the 404 page', async () => {
    for (const url of ['/openness/no-such-unit', '/openness/no-such-unit/catalog', '/openness/no-such-unit/catalog/history', '/openness/items/zzzzzz', '/openness/items/x%00y']) {
      const res = await t.client().get(url);
      assert.ok(res.statusCode === 404 || res.statusCode === 400, `${url} → ${res.statusCode}`);
      assert.match(res.headers['content-type'] as string, /text\/html/);
    }
    const res = await t.client().get('/openness/items/zzzzzz');
    assert.equal(res.statusCode, 404);
    assert.match(textOf(res.body), /该目录事项不存在/);
  });

  it('hides an archived unit’s column, catalog and own items', async () => {
    const r = await createItem(t.core, actor, {
      rootUnitId: root,
      ownerUnitId: Number((await t.core.pool.query("SELECT id FROM units WHERE slug = 'zixi'")).rows[0].id),
      data: item('扶贫', '帮扶项目', '紫溪镇帮扶项目公示', '及时公开', { level: { county: false, township: true } }),
      reason: '本单位补充事项',
    });
    assert.ok(r.ok);
    assert.equal((await t.client().get(`/openness/items/${r.item.code}`)).statusCode, 200);
    await t.core.pool.query("UPDATE units SET archived_at = now() WHERE slug = 'zixi'");
    unitsChanged(t.core);
    for (const url of ['/openness/zixi', '/openness/zixi/catalog', '/openness/zixi/catalog/history', `/openness/items/${r.item.code}`]) {
      const res = await t.client().get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(textOf(res.body), /不存在/);
    }
    assert.doesNotMatch((await t.client().get('/openness')).body, /href="\/openness\/zixi"/);
  });

  it('shows a retired item with a notice and its last history entry', async () => {
    const { retireItem } = await import('../service.ts');
    const id = Number((await t.core.pool.query('SELECT id FROM catalog_items WHERE code = $1', [codes.own])).rows[0].id);
    const r = await retireItem(t.core, actor, id, '并入财政预决算公开事项');
    assert.ok(r.ok);
    const res = await t.client().get(`/openness/items/${codes.own}`);
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /本事项已于 2026-11-26 停用，不再列入政务公开目录/);
    assert.match(text, /第2版 2026-11-26 停用 并入财政预决算公开事项 —/);
    assert.doesNotMatch(textOf((await t.client().get('/openness/finance/catalog')).body), /财政专项资金管理办法/);
  });

  it('pages a large catalog (links without JavaScript, filter kept) and offers it for download as xlsx and csv', async () => {
    const donggua = Number((await t.core.pool.query("SELECT id FROM units WHERE slug = 'donggua'")).rows[0].id);
    const township = { county: false, township: true };
    const items = [
      ...Array.from({ length: 300 }, (_, i) => item('财政预决算', `镇级预决算${Math.floor(i / 10)}`, `镇级财政事项${i + 1}`, '及时公开', { level: township, publisherText: '东瓜镇' })),
      ...Array.from({ length: 150 }, (_, i) => item('生态环境', '镇级环境', `镇级环境事项${i + 1}`, '及时公开', { level: township, publisherText: '东瓜镇' })),
    ];
    const r = await importItems(t.core, actor, { rootUnitId: root, ownerUnitId: donggua, items, reason: '东瓜镇目录' });
    assert.ok(r.ok, JSON.stringify(r));
    const links = (body: string) => (body.match(/href="\/openness\/items\//g) ?? []).length;
    const first = await t.client().get('/openness/donggua/catalog');
    assert.equal(first.statusCode, 200);
    assert.equal(links(first.body), 200);
    assert.match(textOf(first.body), /共 450 项，每页 200 项，本页是第 1–200 项。 下一页 第 1 \/ 3 页|共 450 项，每页 200 项，本页是第 1–200 项。 第 1 \/ 3 页 下一页/);
    assert.match(first.body, /<a href="\/openness\/donggua\/catalog\?page=2" rel="next">下一页<\/a>/);
    console.log(`public catalog of 450 items: page 1 is ${Math.round(first.body.length / 1024)} KB`);
    const last = await t.client().get('/openness/donggua/catalog?page=3');
    assert.equal(links(last.body), 50);
    assert.match(textOf(last.body), /本页是第 401–450 项/);
    const filtered = await t.client().get('/openness/donggua/catalog?domain=budget-final-accounts&page=2');
    assert.equal(links(filtered.body), 100);
    assert.match(filtered.body, /<a href="\/openness\/donggua\/catalog\?domain=budget-final-accounts&amp;page=1" rel="prev">上一页<\/a>/);
    assert.equal(links((await t.client().get('/openness/donggua/catalog?domain=ecology-environment')).body), 150);
    assert.equal((await t.client().get('/openness/donggua/catalog?page=4')).statusCode, 404);
    assert.equal((await t.client().get('/openness/donggua/catalog?page=x')).statusCode, 400);

    assert.match(first.body, /<a href="\/openness\/donggua\/catalog\/export.xlsx" download="">Excel（.xlsx）<\/a>|<a href="\/openness\/donggua\/catalog\/export.xlsx" download>/);
    const xlsx = await t.client().get('/openness/donggua/catalog/export.xlsx');
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const sheet = await readCatalogWorkbook(xlsx.rawPayload);
    assert.equal(parseCatalog(sheet.grid, sheet.merges, { parseTimeLimit }).items.length, 450);
    const csv = await t.client().get('/openness/donggua/catalog/export.csv');
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.body.trimEnd().split('\r\n').length, 451, 'a header and every item');
    assert.equal((await t.client().get('/openness/no-such-unit/catalog/export.csv')).statusCode, 404);
  });
});

