import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { verifyAuditChain } from '../../../core/audit/index.ts';
import { findItemByCode, listCatalogVersions } from '../data/repository.ts';
import { withoutDemoCatalog } from '../testing/no-demo-catalog.ts';

const FORMED_20 = '信息形成（变更）之日起20个工作日内';

function itemFields(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    domainName: '财政预决算',
    level1: '政府预决算',
    level2: '政府预算',
    content: '一般公共预算收入表、支出表；政府性基金收入表、支出表',
    basis: '《中华人民共和国预算法》第十四条\n《中华人民共和国政府信息公开条例》',
    timeLimitText: '本级人民代表大会或其常务委员会批准后20日内',
    publisherText: '楚雄市财政局',
    channels: ['政府网站'],
    customChannels: '',
    audience: ['society'],
    mode: ['proactive'],
    level: ['county', 'township'],
    reason: '首次编制财政预决算领域目录',
    ...over,
  };
}

function codeFrom(location: unknown): string {
  const m = /#item-([a-z0-9]+)$/.exec(String(location));
  assert.ok(m, `an item anchor in ${String(location)}`);
  return m[1]!;
}

async function unitId(t: TestApp, slug: string): Promise<number> {
  return Number((await t.core.pool.query('SELECT id FROM units WHERE slug = $1', [slug])).rows[0].id);
}

describe('catalog staff pages', () => {
  let t: TestApp;
  let gkb: TestClient;
  let budgetCode = '';
  let finalCode = '';
  before(async () => {
    withoutDemoCatalog();
    t = await createTestApp();
    gkb = await t.signIn('gkb');
  });
  after(async () => t.dispose());

  it('lists the city standard catalog for the openness office, with every unit below it', async () => {
    const res = await gkb.get('/staff/catalog');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /本市标准目录（楚雄市人民政府）/);
    assert.match(text, /共 0 项二级事项，尚无版本。您可以修改此目录。/);
    assert.match(res.body, /href="\/staff\/catalog\/city-government\/items\/new"/);
    assert.match(text, /各部门、乡镇目录/);
    assert.match(res.body, /href="\/staff\/catalog\/finance"/);
  });

  it('refuses an incomplete item with field messages and keeps the input', async () => {
    const res = await gkb.submit(
      '/staff/catalog/city-government/items/new',
      '/staff/catalog/city-government/items',
      itemFields({ level2: '', mode: [], reason: '', customChannels: '部门网站' }),
    );
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /提交的内容有3处问题/);
    assert.match(text, /请填写二级事项/);
    assert.match(text, /请选择公开方式（主动或依申请）/);
    assert.match(text, /请填写变更说明/);
    assert.match(res.body, /name="level1" type="text" value="政府预决算"/);
    assert.match(res.body, /value="部门网站"/);
    assert.match(res.body, /<input type="checkbox" name="channels" value="政府网站" checked/);
    assert.match(res.body, /<option value="财政预决算" selected>/);
    assert.match(res.body, /《中华人民共和国预算法》第十四条\n《中华人民共和国政府信息公开条例》<\/textarea>/);
  });

  it('shows how a time limit is understood without saving, and flags one it cannot compute', async () => {
    const ok = await gkb.submit('/staff/catalog/city-government/items/new', '/staff/catalog/city-government/items', itemFields({ timeLimitText: FORMED_20, action: 'check' }));
    assert.equal(ok.statusCode, 200);
    assert.match(textOf(ok.body), /系统理解为：信息形成或变更之日起20个工作日内（可自动计算到期日）/);
    assert.match(textOf(ok.body), /已检查公开时限，尚未保存/);
    const odd = await gkb.submit('/staff/catalog/city-government/items/new', '/staff/catalog/city-government/items', itemFields({ timeLimitText: '随部门决算一并公开', action: 'check' }));
    assert.match(textOf(odd.body), /无法自动计算： 系统没有识别出这段时限的计算规则，将按原文保存/);
    assert.match(odd.body, /name="timeLimitText" type="text" value="随部门决算一并公开"/);
    assert.equal((await listCatalogVersions(t.core.db, await unitId(t, 'city-government'))).length, 0, 'nothing saved');
  });

  it('creates standard items, each a new version of the standard catalog', async () => {
    const a = await gkb.submit('/staff/catalog/city-government/items/new', '/staff/catalog/city-government/items', itemFields());
    assert.equal(a.statusCode, 303);
    budgetCode = codeFrom(a.headers.location);
    const b = await gkb.submit(
      '/staff/catalog/city-government/items/new',
      '/staff/catalog/city-government/items',
      itemFields({ level2: '政府决算', timeLimitText: '随部门决算一并公开', customChannels: '部门网站、政府公报', reason: '补充政府决算' }),
    );
    assert.equal(b.statusCode, 303);
    finalCode = codeFrom(b.headers.location);
    const stored = await findItemByCode(t.core.db, finalCode);
    assert.deepEqual(stored!.channels, ['政府网站', '政府公报'], 'a standard channel typed as text is ticked');
    assert.deepEqual(stored!.customChannels, ['部门网站']);
    assert.deepEqual(stored!.basis, ['《中华人民共和国预算法》第十四条', '《中华人民共和国政府信息公开条例》']);
    assert.deepEqual(stored!.timeLimitRule, { kind: 'not_computable' });

    const page = await gkb.get(String(b.headers.location).replace(/#.*$/, ''));
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    assert.match(text, /已新增事项“政府决算”。/);
    assert.match(text, /共 2 项二级事项，当前为第2版。/);
    assert.match(text, /财政预决算领域（2项）/);
    assert.match(text, /一级事项：政府预决算/);
    assert.match(text, /政府预算 一般公共预算收入表、支出表；政府性基金收入表、支出表 本级人民代表大会或其常务委员会批准后20日内 楚雄市财政局 全社会 主动 县级、乡级/);
    assert.match(text, /随部门决算一并公开 （无法自动计算）/);
    assert.match(page.body, new RegExp(`href="/staff/catalog/items/${budgetCode}/edit"`));
    for (const link of ['新增事项', '导入 Excel', '版本历史', 'Excel（.xlsx）', 'CSV', 'JSON']) assert.ok(text.includes(link), link);
    assert.ok(!text.includes('采用标准目录事项'), 'the standard catalog adopts nothing');
  });

  it('edits an item into version 2 and shows its history', async () => {
    const form = await gkb.get(`/staff/catalog/items/${budgetCode}/edit`);
    assert.equal(form.statusCode, 200);
    assert.match(textOf(form.body), /当前为第1版。保存后形成第2版。/);
    assert.match(textOf(form.body), /系统理解为：本级人民代表大会或其常务委员会批准后20日内/);
    const res = await gkb.submit(`/staff/catalog/items/${budgetCode}/edit`, `/staff/catalog/items/${budgetCode}`, {
      ...itemFields({ channels: ['政府网站', '政府公报'], reason: '增加政府公报渠道' }),
      version: '1',
    });
    assert.equal(res.statusCode, 303);
    const page = await gkb.get('/staff/catalog/city-government');
    assert.match(textOf(page.body), /已保存“政府预算”（第2版）。/);
    assert.equal((await findItemByCode(t.core.db, budgetCode))!.version, 2);

    const history = await gkb.get(`/staff/catalog/items/${budgetCode}/history`);
    assert.equal(history.statusCode, 200);
    const text = textOf(history.body);
    assert.match(text, /第2版 2026-11-26 10:00 李政务（政务公开办）（gkb） 修改 增加政府公报渠道 公开渠道和载体：“政府网站”改为“政府网站、政府公报”/);
    assert.match(text, /第1版 2026-11-26 10:00 李政务（政务公开办）（gkb） 新增 首次编制财政预决算领域目录/);
  });

  it('refuses to overwrite a newer version opened by someone else', async () => {
    const res = await gkb.submit(`/staff/catalog/items/${budgetCode}/edit`, `/staff/catalog/items/${budgetCode}`, {
      ...itemFields({ reason: '旧页面上的修改' }),
      version: '1',
    });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /该事项已被他人修改（现为第2版，您打开的是第1版）/);
  });

  it('lists catalog versions with counts and diffs any two of them', async () => {
    const res = await gkb.get('/staff/catalog/city-government/versions');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /第3版 2026-11-26 10:00 李政务（政务公开办）（gkb） 增加政府公报渠道 2 0 0 1/);
    assert.match(text, /第2版 2026-11-26 10:00 李政务（政务公开办）（gkb） 补充政府决算 2 1 0 0/);
    assert.match(text, /第1版 2026-11-26 10:00 李政务（政务公开办）（gkb） 首次编制财政预决算领域目录 1 1 0 0/);

    const diff = await gkb.get('/staff/catalog/city-government/versions/diff?from=1&to=3');
    assert.equal(diff.statusCode, 200);
    const d = textOf(diff.body);
    assert.match(d, /新增 1 项，移除 0 项，修改 1 项。/);
    assert.match(d, /新增的事项（1） 财政预决算 \/ 政府预决算 \/ 政府决算/);
    assert.match(d, /财政预决算 \/ 政府预决算 \/ 政府预算 （事项第1版 → 第2版） 列 修改前 修改后 公开渠道和载体 政府网站 政府网站、政府公报/);

    const back = await gkb.get('/staff/catalog/city-government/versions/diff?from=3&to=1');
    assert.match(textOf(back.body), /新增 0 项，移除 1 项，修改 1 项。/);

    const bad = await gkb.get('/staff/catalog/city-government/versions/diff?from=2&to=2');
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请选择两个不同的版本/);
    const missing = await gkb.get('/staff/catalog/city-government/versions/diff?from=abc&to=99');
    assert.equal(missing.statusCode, 400);
    assert.match(textOf(missing.body), /请选择一个存在的版本/);
  });

  it('retires an item only with a reason', async () => {
    const empty = await gkb.submit(`/staff/catalog/items/${finalCode}/edit`, `/staff/catalog/items/${finalCode}/retire`, { retireReason: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(textOf(empty.body), /请填写停用原因/);
    const res = await gkb.submit(`/staff/catalog/items/${finalCode}/edit`, `/staff/catalog/items/${finalCode}/retire`, { retireReason: '与部门决算合并' });
    assert.equal(res.statusCode, 303);
    const page = await gkb.get('/staff/catalog/city-government');
    const text = textOf(page.body);
    assert.match(text, /已停用事项“政府决算”。/);
    assert.match(text, /共 1 项二级事项，当前为第4版。/);
    assert.equal((await gkb.get(`/staff/catalog/items/${finalCode}/edit`)).statusCode, 404);
    const history = textOf((await gkb.get(`/staff/catalog/items/${finalCode}/history`)).body);
    assert.match(history, /已停用/);
    assert.match(history, /第2版 2026-11-26 10:00 李政务（政务公开办）（gkb） 停用 与部门决算合并/);
  });

  it('lets a finance editor view but not edit the standard catalog, and view their own unit', async () => {
    const ed = await t.signIn('czj_editor');
    const index = await ed.get('/staff/catalog');
    assert.equal(index.statusCode, 200);
    assert.match(textOf(index.body), /本市标准目录（楚雄市人民政府） 共 1 项二级事项，当前为第4版。您可以查看此目录。/);
    assert.match(textOf(index.body), /楚雄市财政局目录/);
    assert.ok(!textOf(index.body).includes('各部门、乡镇目录'));
    const std = await ed.get('/staff/catalog/city-government');
    assert.equal(std.statusCode, 200);
    assert.ok(!std.body.includes('/edit"'), 'no edit links');
    assert.ok(!textOf(std.body).includes('新增事项'));
    assert.equal((await ed.get('/staff/catalog/city-government/items/new')).statusCode, 403);
    assert.equal((await ed.get(`/staff/catalog/items/${budgetCode}/edit`)).statusCode, 403);
    const page = await ed.get('/staff/catalog/finance');
    const token = /name="_csrf" value="([^"]+)"/.exec((await ed.get('/staff/catalog/finance/items/new')).body)![1]!;
    const post = await ed.post('/staff/catalog/city-government/items', { _csrf: token, ...itemFields({ level2: '偷偷加的' }) });
    assert.equal(post.statusCode, 403);
    assert.match(textOf(post.body), /只有政务公开办可以修改本市标准目录/);
    const upd = await ed.post(`/staff/catalog/items/${budgetCode}`, { _csrf: token, ...itemFields({ reason: '改' }) });
    assert.equal(upd.statusCode, 403);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(page.body), /楚雄市财政局目录 共 0 项二级事项。/);
    assert.equal((await ed.get('/staff/catalog/donggua')).statusCode, 403, 'another unit');
    assert.equal((await ed.get('/staff/catalog/donggua/export.csv')).statusCode, 403);
    assert.equal((await ed.get('/staff/catalog/finance/adopt')).statusCode, 403, 'adoption is for the unit admin');
    assert.equal((await ed.get('/staff/catalog/no-such-unit')).statusCode, 404);
  });

  it('keeps auditors and visitors out', async () => {
    const auditor = await t.signIn('auditor');
    assert.equal((await auditor.get('/staff/catalog')).statusCode, 403);
    const anon = await t.client().get('/staff/catalog/city-government');
    assert.equal(anon.statusCode, 303);
    assert.equal(anon.headers.location, '/staff/login?next=%2Fstaff%2Fcatalog%2Fcity-government');
  });

  it('shows the levels on the adopt page and refuses a township items of another level, unless they name it', async () => {
    const make = async (level2: string, level: string[], publisherText: string) => {
      const res = await gkb.submit('/staff/catalog/city-government/items/new', '/staff/catalog/city-government/items', itemFields({ domainName: '生态环境', level1: '环境监管', level2, level, publisherText, timeLimitText: '实时公开', reason: '层级' }));
      assert.equal(res.statusCode, 303);
      return codeFrom(res.headers.location);
    };
    const countyOnly = await make('县级环境执法', ['county'], '楚雄市生态环境分局');
    const naming = await make('镇环境网格巡查', ['county'], '东瓜镇');
    const townOnly = await make('村级环境整治', ['township'], '各乡镇人民政府');
    const form = await gkb.get('/staff/catalog/donggua/adopt');
    const text = textOf(form.body);
    assert.match(text, /县级环境执法 （公开层级：县级；公开主体：楚雄市生态环境分局）不能采用：该事项的公开层级为县级，乡级未标记，乡镇（街道）不能采用/);
    assert.ok(!form.body.includes(`value="${countyOnly}"`), 'no checkbox for an item of another level');
    assert.match(form.body, new RegExp(`value="${naming}"`));
    assert.match(text, /村级环境整治 （公开层级：乡级；公开主体：各乡镇人民政府）/);
    // Posted anyway (an old form, a script): refused with the reason, nothing saved.
    const refused = await gkb.submit('/staff/catalog/donggua/adopt', '/staff/catalog/donggua/adopt', { items: [countyOnly, townOnly], reason: '采用' });
    assert.equal(refused.statusCode, 400);
    assert.match(textOf(refused.body), /有1项不能采用。「县级环境执法」：该事项的公开层级为县级，乡级未标记/);
    const ok = await gkb.submit('/staff/catalog/donggua/adopt', '/staff/catalog/donggua/adopt', { items: [naming, townOnly], reason: '采用乡级事项和写明本镇的事项' });
    assert.equal(ok.statusCode, 303);
    assert.match(textOf((await gkb.get('/staff/catalog/donggua')).body), /已更新采用的标准事项：新增2项，移除0项。/);
    // The finance bureau (county level) may not adopt the 乡级-only item.
    const dept = await gkb.submit('/staff/catalog/finance/adopt', '/staff/catalog/finance/adopt', { items: [townOnly], reason: '采用' });
    assert.equal(dept.statusCode, 400);
    assert.match(textOf(dept.body), /县级未标记，只有乡镇（街道）可以采用/);
  });

  it('lets the finance unit admin adopt standard items and add its own', async () => {
    // One more standard item, so there is something left unadopted.
    const more = await gkb.submit('/staff/catalog/city-government/items/new', '/staff/catalog/city-government/items', itemFields({ domainName: '生态环境', level1: '环境质量', level2: '空气质量状况', timeLimitText: '实时公开', reason: '生态环境领域' }));
    assert.equal(more.statusCode, 303);
    const airCode = codeFrom(more.headers.location);

    const admin = await t.signIn('czj_admin');
    const form = await admin.get('/staff/catalog/finance/adopt');
    assert.equal(form.statusCode, 200);
    assert.match(textOf(form.body), /目前已采用 0 项/);
    assert.match(form.body, new RegExp(`name="items" value="${budgetCode}"`));
    assert.ok(!form.body.includes(`value="${finalCode}"`), 'retired items are not offered');

    const noReason = await admin.submit('/staff/catalog/finance/adopt', '/staff/catalog/finance/adopt', { items: [budgetCode], reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(textOf(noReason.body), /请填写变更说明/);
    assert.match(noReason.body, new RegExp(`value="${budgetCode}" checked`), 'choice kept');

    const bogus = await admin.submit('/staff/catalog/finance/adopt', '/staff/catalog/finance/adopt', { items: [budgetCode, 'nosuchcode'], reason: '采用' });
    assert.equal(bogus.statusCode, 400);
    assert.match(textOf(bogus.body), /所选事项中有不属于本市标准目录的事项/);

    const ok = await admin.submit('/staff/catalog/finance/adopt', '/staff/catalog/finance/adopt', { items: [budgetCode, airCode], reason: '采用财政、生态环境事项' });
    assert.equal(ok.statusCode, 303);
    const page = await admin.get('/staff/catalog/finance');
    let text = textOf(page.body);
    assert.match(text, /已更新采用的标准事项：新增2项，移除0项。/);
    assert.match(text, /共 2 项二级事项，当前为第1版。/);
    assert.match(text, /政府预算 （标准事项）/);
    assert.ok(!page.body.includes(`/staff/catalog/items/${budgetCode}/edit`), 'standard items are edited by the openness office');

    const again = await admin.get('/staff/catalog/finance/adopt');
    assert.match(textOf(again.body), /目前已采用 2 项/);
    assert.match(again.body, new RegExp(`value="${airCode}" checked`));
    const drop = await admin.submit('/staff/catalog/finance/adopt', '/staff/catalog/finance/adopt', { items: [budgetCode], reason: '空气质量不属本局' });
    assert.equal(drop.statusCode, 303);

    const own = await admin.submit('/staff/catalog/finance/items/new', '/staff/catalog/finance/items', itemFields({ level1: '部门预决算', level2: '部门预算', reason: '本局部门预算' }));
    assert.equal(own.statusCode, 303);
    const ownCode = codeFrom(own.headers.location);
    assert.equal((await findItemByCode(t.core.db, ownCode))!.ownerUnitId, await unitId(t, 'finance'));
    text = textOf((await admin.get('/staff/catalog/finance')).body);
    assert.match(text, /共 2 项二级事项，当前为第3版。/);
    const versions = textOf((await admin.get('/staff/catalog/finance/versions')).body);
    assert.match(versions, /第3版 .* 本局部门预算 2 1 0 0/);
    assert.match(versions, /第2版 .* 空气质量不属本局 1 0 1 0/);
    assert.equal((await admin.get('/staff/catalog/city-government/adopt')).statusCode, 404);
    assert.equal((await admin.get('/staff/catalog/donggua/adopt')).statusCode, 403);

    // The openness office may adjust a unit's adoption too.
    assert.equal((await gkb.get('/staff/catalog/finance/adopt')).statusCode, 200);
  });

  it('exports a catalog as xlsx in the national layout, and as CSV and JSON', async () => {
    const res = await gkb.get('/staff/catalog/finance/export.xlsx');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const name = encodeURIComponent('楚雄市财政局政务公开标准目录-2026-11-26.xlsx');
    assert.equal(res.headers['content-disposition'], `attachment; filename="catalog-finance-2026-11-26.xlsx"; filename*=UTF-8''${name}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const row = (r: number) => Array.from({ length: ws.columnCount }, (_, c) => ws.getCell(r, c + 1).text);
    assert.equal(row(1)[0], '楚雄市财政局基层政务公开标准目录');
    assert.deepEqual(row(2).slice(0, 4), ['序号', '领域', '公开事项', '公开事项']);
    assert.deepEqual(row(3).slice(2, 4), ['一级事项', '二级事项']);
    assert.equal(row(2)[8], '公开渠道和载体');
    assert.deepEqual(row(4).slice(0, 4), ['1', '财政预决算', '政府预决算', '政府预算']);
    assert.deepEqual(row(5).slice(0, 4), ['2', '财政预决算', '部门预决算', '部门预算']);
    assert.deepEqual(row(4).slice(9), ['√', '', '√', '', '√', '√']);
    assert.equal(ws.rowCount, 5);

    const csv = await gkb.get('/staff/catalog/finance/export.csv');
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(String(csv.headers['content-disposition']), /filename\*=UTF-8''.*\.csv$/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines.length, 3);
    assert.match(lines[1]!, /^1,财政预决算,政府预决算,政府预算,/);

    const json = await gkb.get('/staff/catalog/finance/export.json');
    const body = JSON.parse(json.body) as { title: string; items: { level2: string; channels: string[] }[] };
    assert.equal(body.title, '楚雄市财政局基层政务公开标准目录');
    assert.deepEqual(body.items.map((i) => i.level2), ['政府预算', '部门预算']);
    assert.deepEqual(body.items[0]!.channels, ['政府网站', '政府公报']);
  });

  it('links a unit catalog to its 指南 editor, its 意见征集 and its public page, for those who may use them', async () => {
    const office = await gkb.get('/staff/catalog/finance');
    assert.equal(office.statusCode, 200);
    assert.match(office.body, /<a href="\/staff\/catalog\/finance\/guide">编辑政府信息公开指南<\/a>/);
    assert.match(office.body, /<a href="\/staff\/catalog\/finance\/consultations">目录意见征集<\/a>/);
    assert.match(office.body, /<a href="\/openness\/finance\/catalog">查看公开页面<\/a>/);
    const city = await gkb.get('/staff/catalog/city-government');
    assert.match(city.body, /href="\/staff\/catalog\/city-government\/guide"/);
    assert.equal((await t.client().get('/openness/city-government/catalog')).statusCode, 200, 'the public page linked from the city catalog exists');
    const editor = await t.signIn('czj_editor');
    const own = await editor.get('/staff/catalog/finance');
    assert.equal(own.statusCode, 200);
    assert.doesNotMatch(own.body, /\/staff\/catalog\/finance\/guide"/, 'an editor cannot edit the 指南');
    assert.doesNotMatch(own.body, /\/staff\/catalog\/finance\/consultations"/);
    assert.match(own.body, /href="\/openness\/finance\/catalog"/);
    const admin = await t.signIn('czj_admin');
    assert.match((await admin.get('/staff/catalog/finance')).body, /href="\/staff\/catalog\/finance\/guide"/);
  });

  it('writes a consistent audit chain', async () => {
    const r = await verifyAuditChain(t.core.db);
    assert.equal(r.ok, true);
    const actions = (await t.core.pool.query("SELECT action FROM audit_log WHERE action LIKE 'catalog.%' ORDER BY id")).rows.map((x) => x.action);
    assert.deepEqual(actions, [
      'catalog.item-created',
      'catalog.item-created',
      'catalog.item-updated',
      'catalog.item-retired',
      'catalog.item-created',
      'catalog.item-created',
      'catalog.item-created',
      'catalog.adopted',
      'catalog.item-created',
      'catalog.adopted',
      'catalog.adopted',
      'catalog.item-created',
    ]);
  });
});
