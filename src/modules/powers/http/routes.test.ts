// End to end through the real database and HTTP server: import, adjustment, 执法 decisions, guides, links.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Packer, Paragraph } from 'docx';
import { createTestApp, textOf, type TestApp } from '../../../core/testing/index.ts';
import { writeListWorkbook } from '../import/write-list.ts';
import type { PowerRow } from '../domain/power-list.ts';
import { postMultipart } from '../testing/multipart.ts';
import { catalogItemSource, enforcementCounts } from '../index.ts';
import { waitForImportRun } from '../../../core/import-runs/run.ts';

const row = (n: number, over: Partial<PowerRow> = {}): PowerRow => ({
  code: `DG-CF-${String(n).padStart(3, '0')}`,
  name: `对违法行为${n}的处罚`,
  subItem: '',
  type: '行政处罚',
  basis: ['《中华人民共和国城乡规划法》第六十五条'],
  subject: '东瓜镇人民政府',
  entrustedBy: '',
  target: '公民、法人或其他组织',
  duties: [{ stage: '立案责任', text: '符合立案条件的，十个工作日内予以立案。' }],
  accountability: '没有法律依据实施处罚的',
  accountabilityBasis: '《中华人民共和国行政处罚法》第七十六条',
  supervision: '市司法局 0878-3123456',
  remedy: '行政复议、行政诉讼',
  source: '下放',
  note: '',
  ...over,
});

let t: TestApp;
before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
});
after(async () => t.dispose());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('权责清单: import, adjustment, editions', () => {
  it('refuses a sheet with problems, naming each row, and saves nothing', async () => {
    const c = await t.signIn('dgz_editor');
    const bytes = await writeListWorkbook('东瓜镇权责清单', [row(1), row(2, { type: '行政审批' }), row(3, { basis: [] })]);
    const res = await postMultipart(t, c, '/staff/powers/donggua/import', '/staff/powers/donggua/import', { label: '2023年版', publishedOn: '2023-12-06', docNo: '' }, { name: '清单.xlsx', bytes, type: XLSX });
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /有2处问题/);
    assert.match(text, /4 E（职权类型） 职权类型“行政审批”不在本市的职权类型列表中/);
    assert.match(text, /5 F（设定依据） 请填写设定依据/);
    assert.doesNotMatch(res.body, /name="code"/);
    assert.equal((await c.get('/powers/donggua')).statusCode, 404);
  });

  it('refuses a file that is not an xlsx at the file field, keeping the input', async () => {
    const c = await t.signIn('dgz_editor');
    const res = await postMultipart(t, c, '/staff/powers/donggua/import', '/staff/powers/donggua/import', { label: '2023年版', publishedOn: '2023-12-06', docNo: '楚政办通〔2023〕28号' }, { name: 'a.xlsx', bytes: Buffer.from('hello') });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /无法导入：文件不是有效的 Excel/);
    assert.match(res.body, /value="楚政办通〔2023〕28号"/);
  });

  let firstCode = '';
  it('previews, then saves all rows once as an edition; the public sees it and can download it', async () => {
    const c = await t.signIn('dgz_editor');
    const rows = [row(1), row(2, { source: '法定', type: '行政检查' }), row(3, { source: '委托', entrustedBy: '楚雄市农业农村局', type: '行政许可' })];
    const res = await postMultipart(t, c, '/staff/powers/donggua/import', '/staff/powers/donggua/import', { label: '2023年版', publishedOn: '2023-12-06', docNo: '楚政办通〔2023〕28号' }, { name: '清单.xlsx', bytes: await writeListWorkbook('东瓜镇权责清单', rows), type: XLSX });
    assert.equal(res.statusCode, 200);
    assert.match(textOf(res.body), /全部3行可以导入/);
    const code = /name="code" value="([^"]+)"/.exec(res.body)![1]!;
    const page = await c.get('/staff/powers/donggua');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const ok = await c.post('/staff/powers/donggua/import/confirm', { _csrf: token, code });
    assert.equal(ok.statusCode, 303);
    const runUrl = String(ok.headers.location);
    assert.match(runUrl, /^\/staff\/powers\/donggua\/import\/runs\/[A-Za-z0-9_-]{16}$/);
    const again = await c.post('/staff/powers/donggua/import/confirm', { _csrf: token, code });
    assert.equal(again.statusCode, 303, 'a retried confirm is no error');
    assert.equal(again.headers.location, runUrl, 'a retried confirm shows the same run');
    await waitForImportRun(runUrl.split('/').pop()!);
    const run = await c.get(runUrl);
    assert.match(textOf(run.body), /已导入“2023年版”：新增3项，更新0项，取消0项，并发布为新版本。/);
    const n = await t.core.pool.query("SELECT count(*)::int AS n FROM powers_items i JOIN units u ON u.id = i.unit_id WHERE u.slug = 'donggua'");
    assert.equal(n.rows[0].n, 3, 'saved once');
    const pub = textOf((await t.client().get('/powers/donggua')).body);
    assert.match(pub, /东瓜镇人民政府权责清单（2023年版）/);
    assert.match(pub, /共3类3项/);
    assert.match(pub, /法定职权1项，赋权事项2项（下放1项、委托1项）/);
    const xlsx = await t.client().get('/powers/donggua/export.xlsx');
    assert.equal(xlsx.headers['content-type'], XLSX);
    assert.match(String(xlsx.headers['content-disposition']), /filename\*=UTF-8''/);
    firstCode = /href="\/powers\/items\/(p[0-9a-f]{12})"/.exec((await t.client().get('/powers/donggua')).body)![1]!;
  });

  it('a cancellation goes proposed → reviewed → legality → approved (文号) → published, then a new edition and a diff', async () => {
    const ed = await t.signIn('dgz_editor');
    const res = await ed.submit(`/staff/powers/donggua/changes/new?item=${firstCode}`, '/staff/powers/donggua/changes', { item: firstCode, kind: '取消', reason: '设定依据已修订', proposedOn: '2026-11-02' });
    assert.equal(res.statusCode, 303);
    const url = String(res.headers.location);
    // The unit cannot record the approval chain.
    assert.equal((await ed.submit(url, url, { action: 'review', on: '2026-11-05' })).statusCode, 403);
    const gkb = await t.signIn('gkb');
    const bad = await gkb.submit(url, url, { action: 'review', on: '2026-10-30' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /日期不能早于上一步的日期（2026-11-02）/);
    assert.equal((await gkb.submit(url, url, { action: 'review', on: '2026-11-05' })).statusCode, 303);
    assert.equal((await gkb.submit(url, url, { action: 'check_legality', on: '2026-11-10' })).statusCode, 303);
    const noDoc = await gkb.submit(url, url, { action: 'approve', on: '2026-11-20', docNo: '' });
    assert.match(textOf(noDoc.body), /请填写同意调整的文件文号/);
    assert.equal((await gkb.submit(url, url, { action: 'approve', on: '2026-11-20', docNo: '楚政办通〔2026〕31号' })).statusCode, 303);
    assert.equal((await gkb.submit(url, url, { action: 'publish', on: '2026-11-23' })).statusCode, 303);
    const log = textOf((await t.client().get('/powers/donggua/changes')).body);
    assert.match(log, /取消 对违法行为1的处罚 设定依据已修订 2026-11-02 2026-11-05 2026-11-10 2026-11-20 楚政办通〔2026〕31号 2026-11-23/);
    assert.equal((await gkb.submit('/staff/powers/donggua', '/staff/powers/donggua/editions', { label: '2026年版', publishedOn: '2026-11-25', docNo: '', note: '' })).statusCode, 303);
    const diff = textOf((await t.client().get('/powers/donggua/diff')).body);
    assert.match(diff, /2023年版 → 2026年版：增加0项，取消1项，变更0项/);
    const wrong = await t.client().get('/powers/donggua/diff?from=2019年版&to=2026年版');
    assert.equal(wrong.statusCode, 400);
    assert.match(textOf(wrong.body), /请从列表中选择原版本/);
  });
});

describe('行政执法公示: decisions with due dates, privacy, withdrawal', () => {
  const base = { kind: '行政处罚', partyType: '法人', partyName: '楚雄某某商贸有限公司', uscc: '91532301MA6K12345X', legalRep: '李某', facts: '销售过期食品12件', basis: '《中华人民共和国食品安全法》第一百二十四条', content: '罚款5000元', fineYuan: '5000' };

  it('refuses an ID number in the facts at its field and keeps the input', async () => {
    const c = await t.signIn('dgz_editor');
    const res = await c.submit('/staff/powers/donggua/decisions', '/staff/powers/donggua/decisions', { ...base, partyType: '自然人', uscc: '', partyName: '张某', docNo: '东瓜罚〔2026〕1号', facts: '张某（532301198805120011）无照经营', decidedOn: '2026-11-20' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /违法事实（主要事实）中含有身份证号码，自然人的身份证号码不得公开，请删除/);
    assert.match(res.body, /东瓜罚〔2026〕1号/);
  });

  let code = '';
  it('computes the 7-working-day due date, publishes, lists publicly, withdraws with a reason', async () => {
    const c = await t.signIn('dgz_editor');
    const res = await c.submit('/staff/powers/donggua/decisions', '/staff/powers/donggua/decisions', { ...base, docNo: '东瓜罚〔2026〕2号', decidedOn: '2026-11-20' });
    assert.equal(res.statusCode, 303);
    const url = String(res.headers.location);
    code = url.split('/').pop()!;
    // 11-23..11-27 (5), 11-30 (6), 12-01 (7).
    assert.match(textOf((await c.get(url)).body), /公开期限 2026-12-01/);
    assert.equal((await c.submit(url, `${url}/publish`, { publishedOn: '2026-11-26' })).statusCode, 303);
    const list = textOf((await t.client().get('/enforcement')).body);
    assert.match(list, /东瓜罚〔2026〕2号 行政处罚 楚雄某某商贸有限公司/);
    const w = await c.submit(url, `${url}/withdraw`, { ground: '依法撤销', eventOn: '2026-11-26', withdrawnOn: '2026-11-26', reason: '原决定经行政复议被撤销' });
    assert.equal(w.statusCode, 303);
    // 11-27, 11-30, 12-01.
    assert.match(textOf((await c.get(url)).body), /撤回期限 2026-12-01/);
    const pub = textOf((await t.client().get(`/enforcement/decisions/${code}`)).body);
    assert.match(pub, /已于 2026-11-26 撤回（依法撤销）。理由：原决定经行政复议被撤销/);
    assert.doesNotMatch(pub, /楚雄某某商贸有限公司/);
  });

  it('flags an unpublished decision past its due date; a minor’s case is never published', async () => {
    const c = await t.signIn('dgz_editor');
    // 2026-11-02: 11-03..11-06 (4), 11-09..11-11 (7) → due 2026-11-11, overdue on 11-26.
    await c.submit('/staff/powers/donggua/decisions', '/staff/powers/donggua/decisions', { ...base, docNo: '东瓜罚〔2026〕3号', decidedOn: '2026-11-02' });
    const overdue = textOf((await c.get('/staff/powers/donggua/decisions?overdue=1')).body);
    assert.match(overdue, /逾期未公开1件/);
    assert.match(overdue, /东瓜罚〔2026〕3号 行政处罚 2026-11-02 2026-11-11 — 已逾期未公开/);
    const m = await c.submit('/staff/powers/donggua/decisions', '/staff/powers/donggua/decisions', { ...base, partyType: '自然人', uscc: '', legalRep: '', partyName: '王某', docNo: '东瓜罚〔2026〕4号', decidedOn: '2026-11-25', flags: 'minor' });
    const url = String(m.headers.location);
    const p = await c.submit(url, `${url}/publish`, { publishedOn: '2026-11-26' });
    assert.equal(p.statusCode, 400);
    assert.match(textOf(p.body), /依法不公开：当事人是未成年人/);
    assert.deepEqual(
      (await enforcementCounts(t.core.db, (await t.core.pool.query("SELECT id FROM units WHERE slug='city-government'")).rows[0].id, 2026)).find((x) => x.kind === '行政处罚'),
      { kind: '行政处罚', n: 3, fines: 15000 },
    );
  });
});

describe('办事指南: key elements, forms, public column', () => {
  const guide = {
    name: '农村宅基地建房审批',
    itemType: '行政许可',
    audience: '个人',
    theme: '农业农村',
    basis: '《中华人民共和国土地管理法》第六十二条',
    conditions: '本镇农村集体经济组织成员，一户一宅',
    process: '申请\n受理\n审查\n决定',
    place: '',
    hours: '周一至周五 9:00-12:00',
    legalLimit: '20',
    promisedLimit: '10',
    fee: '不收费',
    consultPhone: '0878-3121234',
    complaintPhone: '12345',
    delivery: '窗口领取',
    remedy: '行政复议、行政诉讼',
    slots: '3',
    'material-0': '农村宅基地和建房（规划许可）申请表',
    'material-0-form': '原件',
    'material-0-copies': '1',
    'material-0-required': 'on',
  };

  it('refuses 其他材料 at its field', async () => {
    const c = await t.signIn('dgz_editor');
    const res = await c.submit('/staff/powers/donggua/guides/new', '/staff/powers/donggua/guides', { ...guide, 'material-1': '其他材料' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /材料名称“其他材料”属于兜底表述，请逐一写明具体材料/);
  });

  it('cannot publish without 办理地点; publishes once complete; forms download with their names and types', async () => {
    const c = await t.signIn('dgz_editor');
    const res = await c.submit('/staff/powers/donggua/guides/new', '/staff/powers/donggua/guides', guide);
    assert.equal(res.statusCode, 303);
    const url = String(res.headers.location);
    const code = url.split('/').pop()!;
    const p = await c.submit(url, `${url}/publish`, {});
    assert.equal(p.statusCode, 400);
    assert.match(textOf(p.body), /缺少重点要素“办理地点”，办事指南不能发布/);
    assert.equal((await c.submit(url, url, { ...guide, place: '东瓜镇便民服务中心' })).statusCode, 303);
    assert.equal((await c.submit(url, `${url}/publish`, {})).statusCode, 303);
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('申请表')] }] }));
    const up = await postMultipart(t, c, url, `${url}/forms`, { material: '0', kind: 'blank' }, { name: 'x.docx', bytes: docx });
    assert.equal(up.statusCode, 303);
    const bad = await postMultipart(t, c, url, `${url}/forms`, { material: '0', kind: 'sample' }, { name: 'x.docx', bytes: Buffer.from('MZ not a docx') });
    assert.equal(bad.statusCode, 400);
    const list = textOf((await t.client().get('/services?audience=个人&theme=农业农村')).body);
    assert.match(list, /农村宅基地建房审批 楚雄市东瓜镇人民政府 · 个人/);
    const dl = await t.client().get(`/services/${code}/forms/0/blank`);
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(String(dl.headers['content-disposition']), new RegExp(encodeURIComponent('农村宅基地建房审批-农村宅基地和建房（规划许可）申请表-空白表格.docx').replace(/[()]/g, '\\$&')));
    assert.match(textOf((await t.client().get(`/services/${code}/print`)).body), /办理地点 东瓜镇便民服务中心/);
    assert.equal((await t.client().get('/services?theme=不存在')).statusCode, 400);
    // The platform search finds the guide by its service's name, and loses it when the guide is withdrawn.
    const found = await t.client().get(`/search?q=${encodeURIComponent('宅基地建房')}`);
    assert.equal(found.statusCode, 200);
    assert.match(textOf(found.body), /办事指南 农村宅基地建房审批 楚雄市东瓜镇人民政府 · 行政许可 · 服务对象：个人/);
    assert.match(found.body, new RegExp(`href="/services/${code}"`));
    assert.equal((await c.submit(url, `${url}/unpublish`, {})).statusCode, 303);
    assert.doesNotMatch((await t.client().get(`/search?q=${encodeURIComponent('宅基地建房')}`)).body, new RegExp(`/services/${code}`));
    assert.equal((await c.submit(url, `${url}/publish`, {})).statusCode, 303);
    assert.match((await t.client().get(`/search?q=${encodeURIComponent('宅基地')}`)).body, new RegExp(`/services/${code}`));
  });
});

describe('catalog items name the 权责事项 they come from', () => {
  it('links a finance catalog item to a power item, shown on the power item page', async () => {
    const c = await t.signIn('czj_editor');
    const bytes = await writeListWorkbook('财政局权责清单', [row(1, { code: 'CZ-JC-001', name: '对预算执行情况的监督检查', type: '行政检查', subject: '楚雄市财政局', source: '法定' })]);
    const res = await postMultipart(t, c, '/staff/powers/finance/import', '/staff/powers/finance/import', { label: '2026年版', publishedOn: '2026-03-01', docNo: '' }, { name: 'cz.xlsx', bytes, type: XLSX });
    const code = /name="code" value="([^"]+)"/.exec(res.body)![1]!;
    const confirm = await c.submit('/staff/powers/finance', '/staff/powers/finance/import/confirm', { code });
    assert.equal(confirm.statusCode, 303);
    await waitForImportRun(String(confirm.headers.location).split('/').pop()!);
    const item = /href="\/staff\/powers\/items\/(p[0-9a-f]{12})"/.exec((await c.get('/staff/powers/finance')).body)![1]!;
    const page = await c.get(`/staff/powers/items/${item}`);
    const [, catId, label] = /<option value="(\d+)"[^>]*>([^<]+)<\/option>/.exec(page.body)!;
    const bad = await c.submit(`/staff/powers/items/${item}`, `/staff/powers/items/${item}/links`, { catalogItem: '999999' });
    assert.equal(bad.statusCode, 400);
    assert.equal((await c.submit(`/staff/powers/items/${item}`, `/staff/powers/items/${item}/links`, { catalogItem: catId! })).statusCode, 303);
    const pub = textOf((await t.client().get(`/powers/items/${item}`)).body);
    assert.ok(pub.includes(label!.replace(/&amp;/g, '&')), 'the item page lists the openness item it produces');
    assert.equal((await catalogItemSource(t.core.db, Number(catId)))?.href, `/powers/items/${item}`);
    const catCode = (await t.core.pool.query('SELECT code FROM catalog_items WHERE id = $1', [catId])).rows[0].code;
    const catPage = await t.client().get(`/openness/items/${catCode}`);
    assert.equal(catPage.statusCode, 200);
    assert.match(textOf(catPage.body), /来源事项 权责事项： 对预算执行情况的监督检查 （楚雄市财政局）/);
    assert.match(catPage.body, new RegExp(`<a href="/powers/items/${item}">对预算执行情况的监督检查</a>`));
  });
});

describe('年度执法数据 and the annual report, from the register', () => {
  const base = { partyType: '法人', partyName: '楚雄某某商贸有限公司', uscc: '91532301MA6K12345X', legalRep: '李某', facts: '经查明的事实', basis: '《中华人民共和国食品安全法》第一百二十四条' };
  it('counts 2025 decisions by kind (worked by hand) for the public page and pre-fills the 2025 annual report', async () => {
    const c = await t.signIn('dgz_editor');
    // 2025 register of 东瓜镇: 处罚 5000 元 + 800 元, one 许可; one 处罚 of 2024 that must not count.
    const decisions = [
      { kind: '行政处罚', docNo: '东瓜罚〔2025〕1号', decidedOn: '2025-03-10', content: '罚款5000元', fineYuan: '5000' },
      { kind: '行政处罚', docNo: '东瓜罚〔2025〕2号', decidedOn: '2025-12-31', content: '罚款800元', fineYuan: '800' },
      { kind: '行政许可', docNo: '东瓜许〔2025〕1号', decidedOn: '2025-06-02', content: '准予许可', fineYuan: '' },
      { kind: '行政处罚', docNo: '东瓜罚〔2024〕9号', decidedOn: '2024-12-31', content: '罚款100元', fineYuan: '100' },
    ];
    for (const d of decisions) assert.equal((await c.submit('/staff/powers/donggua/decisions', '/staff/powers/donggua/decisions', { ...base, ...d })).statusCode, 303, d.docNo);
    const page = await t.client().get('/enforcement/donggua/statistics/2025');
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    assert.match(text, /应于 2026-01-31 前公开/);
    // 东瓜镇's list (imported above) holds 处罚, 检查 and 许可 rows: 检查 shows 0; 强制、征收、征用 are "无相关职责".
    assert.match(
      text,
      /行政许可 处理决定数量 1件 执法决定登记自动统计 行政处罚 处理决定数量 2件 执法决定登记自动统计 行政处罚 罚没金额 5,800元 执法决定登记自动统计 行政强制 本单位无相关行政执法职责 行政征收 本单位无相关行政执法职责 行政征用 本单位无相关行政执法职责 行政检查 处理决定数量 0件 执法决定登记自动统计/,
    );
    assert.equal((await t.client().get('/enforcement/donggua/statistics/2026')).statusCode, 404, 'the current year is not over');
    assert.equal((await t.client().get('/enforcement/donggua/statistics/abcd')).statusCode, 404);

    const gen = await c.submit('/staff/annual-reports/donggua', '/staff/annual-reports/donggua/generate', { year: '2025' });
    assert.equal(gen.statusCode, 303);
    const entry = await c.get('/staff/annual-reports/donggua/2025/entry');
    assert.match(entry.body, /name="s2.licensing"[^>]*value="1"/);
    assert.match(entry.body, /name="s2.penalty"[^>]*value="2"/);
    assert.match(entry.body, /name="s2.enforcement"[^>]*value="0"/);
    assert.match(textOf(entry.body), /来源：行政执法公示的执法决定登记（按决定日期计入2025年，生成年报时统计）：行政许可 1 件，行政处罚 2 件，行政强制 0 件。/);
  });

  it('takes the figures the register cannot know and a 情况说明 from staff, shown next to the computed ones', async () => {
    const c = await t.signIn('dgz_editor');
    const form = '/staff/powers/donggua/statistics/2025';
    const staffPage = await c.get('/staff/powers/donggua/enforcement');
    assert.match(staffPage.body, /href="\/staff\/powers\/donggua\/statistics\/2025"/);
    // Bad figures: messages at the fields, the input kept, nothing saved.
    const bad = await c.submit(form, form, { inspections: '十二', randomInspections: '5', levyAmount: '1.234', explanation: '全年执法情况良好。' });
    assert.equal(bad.statusCode, 400);
    const badText = textOf(bad.body);
    assert.match(badText, /行政检查：开展行政检查次数应为不小于0的整数（次），例如 25/);
    assert.match(badText, /行政征收：征收金额应为金额（元），最多两位小数/);
    assert.match(bad.body, /name="inspections"[^>]*value="十二"/);
    assert.match(bad.body, /aria-invalid="true"/);
    assert.match(bad.body, /全年执法情况良好。/);
    assert.doesNotMatch(textOf((await t.client().get('/enforcement/donggua/statistics/2025')).body), /本单位填报 /);
    // Full-width digits are accepted; saving twice saves once.
    const fields = { inspections: '１２０', randomInspections: '４０', licenceApplications: '3', reconsiderations: '1', explanation: '2025年共开展行政检查120次。\n行政复议1件，维持原决定。' };
    const saved = await c.submit(form, form, fields);
    assert.equal(saved.statusCode, 303);
    assert.match(textOf((await c.get(form)).body), /已保存2025年度执法数据/);
    const again = await c.submit(form, form, fields);
    assert.equal(again.statusCode, 303);
    assert.match(textOf((await c.get(form)).body), /没有变化，未重复保存/);
    const audits = await t.core.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'powers.statistics-entered'");
    assert.equal(audits.rows[0].n, 1);
    const pub = await t.client().get('/enforcement/donggua/statistics/2025');
    const text = textOf(pub.body);
    assert.match(text, /行政许可 处理决定数量 1件 执法决定登记自动统计 行政许可 受理许可申请数量 3件 本单位填报/);
    assert.match(text, /行政检查 处理决定数量 0件 执法决定登记自动统计 行政检查 开展行政检查次数 120次 本单位填报 行政检查 其中“双随机”抽查次数 40次 本单位填报/);
    assert.match(text, /执法监督 被申请行政复议数量 1件 本单位填报/);
    assert.match(text, /行政执法情况说明 2025年共开展行政检查120次。 行政复议1件，维持原决定。/);
    // The current year cannot be filled in; a reader cannot save.
    assert.equal((await c.get('/staff/powers/donggua/statistics/2026')).statusCode, 404);
    assert.equal((await c.get('/staff/powers/donggua/statistics/x')).statusCode, 404);
  });
});
