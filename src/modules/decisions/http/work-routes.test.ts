// End to end through the real database and HTTP server: key tasks entered and changed by staff,
// 建议提案 from 交办 to the published result, 督查/审计 findings and their rectification, the pages in
// the platform search; bad input answered in Chinese at the field, never a 500.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { seedDecisionsDemo } from '../demo/seed-demo.ts';

let t: TestApp;
let office: TestClient;
const one = async (sql: string, params: unknown[] = []) => (await t.core.pool.query(sql, params)).rows[0];
const unit = async (slug: string) => String((await one('SELECT id FROM units WHERE slug = $1', [slug])).id);

before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  const root = (await one("SELECT id FROM units WHERE slug = 'city-government'")).id;
  await seedDecisionsDemo(t.core, Number(root), '2026-11-26');
  office = await t.signIn('gkb');
});
after(async () => t.dispose());

describe('key tasks entered by staff', () => {
  let parentCode = '';
  let childCode = '';
  const base = { year: '2026', source: '2026年市政府工作报告', parentCode: '', supportingUnits: '', steps: '', reportEveryDays: '30' };

  it('refuses bad input at the field, keeping it, and creates a task that is public at once', async () => {
    const form = await office.get('/staff/decisions/tasks/new?year=2026');
    assert.equal(form.statusCode, 200);
    const bad = await office.submit('/staff/decisions/tasks/new', '/staff/decisions/tasks', { ...base, title: '实施城乡供水一体化工程', leadUnitId: 'x', startsOn: '2026-03-01', dueOn: '2026-02-01', reportEveryDays: '400' });
    assert.equal(bad.statusCode, 400);
    const text = textOf(bad.body);
    for (const m of ['请从列表中选择牵头单位', '完成时限不能早于开始日期（2026-03-01）', '报告周期应为7到366之间的天数']) assert.match(text, new RegExp(m));
    assert.match(bad.body, /value="实施城乡供水一体化工程"/);
    const ok = await office.submit('/staff/decisions/tasks/new', '/staff/decisions/tasks', { ...base, title: '实施城乡供水一体化工程', leadUnitId: await unit('water'), supportingUnits: '市财政局', steps: '完成水厂扩建\n铺设管网80公里', startsOn: '2026-03-01', dueOn: '2026-12-31' });
    assert.equal(ok.statusCode, 303);
    parentCode = String(ok.headers.location).split('/').pop()!;
    assert.match(parentCode, /^zd[0-9a-f]{12}$/);
    const pub = textOf((await t.client().get(`/decisions/work/tasks/${parentCode}`)).body);
    assert.match(pub, /来源 2026年市政府工作报告 牵头单位 楚雄市水务局 配合单位 市财政局 完成时限 2026-12-31/);
    assert.match(pub, /实施步骤 完成水厂扩建 铺设管网80公里/);
    // Started 2026-03-01 with monthly reports and none yet: the first was due 2026-03-31.
    assert.match(textOf((await t.client().get('/decisions/work/2026')).body), /实施城乡供水一体化工程 楚雄市水务局 2026-12-31 0% 进展报告逾期/);
  });

  it('nests a sub-task, refuses a cycle and a parent that already reports, and audits the change', async () => {
    const pre = await office.get(`/staff/decisions/tasks/new?parent=${parentCode}`);
    assert.match(pre.body, new RegExp(`<option value="${parentCode}" selected`));
    const late = await office.submit('/staff/decisions/tasks/new', '/staff/decisions/tasks', { ...base, parentCode, title: '铺设供水管网80公里', leadUnitId: await unit('water'), startsOn: '2026-03-01', dueOn: '2027-03-31' });
    assert.equal(late.statusCode, 400);
    assert.match(textOf(late.body), /子任务的完成时限不能晚于上级任务（2026-12-31）/);
    const ok = await office.submit('/staff/decisions/tasks/new', '/staff/decisions/tasks', { ...base, parentCode, title: '铺设供水管网80公里', leadUnitId: await unit('water'), startsOn: '2026-03-01', dueOn: '2026-11-30' });
    assert.equal(ok.statusCode, 303);
    childCode = String(ok.headers.location).split('/').pop()!;
    const river = (await one("SELECT public_code FROM decisions_tasks WHERE title = '龙川江水质稳定达到Ⅲ类'")).public_code;
    const reporting = await office.submit('/staff/decisions/tasks/new', '/staff/decisions/tasks', { ...base, parentCode: river, title: '建设人工湿地', leadUnitId: await unit('water'), startsOn: '2026-03-01', dueOn: '2026-11-30' });
    assert.match(textOf(reporting.body), /该任务已有进展报告，不能再分解子任务/);
    const edit = `/staff/decisions/tasks/${parentCode}/edit`;
    const cycle = await office.submit(edit, edit, { ...base, parentCode: childCode, title: '实施城乡供水一体化工程', leadUnitId: await unit('water'), startsOn: '2026-03-01', dueOn: '2026-12-31' });
    assert.equal(cycle.statusCode, 400);
    assert.match(textOf(cycle.body), /不能选择本任务或其下级任务作为上级任务/);
    const shorter = await office.submit(edit, edit, { ...base, title: '实施城乡供水一体化工程', leadUnitId: await unit('water'), startsOn: '2026-03-01', dueOn: '2026-10-31' });
    assert.match(textOf(shorter.body), /完成时限不能早于子任务的完成时限（最晚为2026-11-30）/);
    assert.equal((await office.submit(edit, edit, { ...base, title: '推进城乡供水一体化', leadUnitId: await unit('water'), supportingUnits: '市财政局', steps: '完成水厂扩建\n铺设管网80公里', startsOn: '2026-03-01', dueOn: '2026-12-31', reportEveryDays: '60' })).statusCode, 303);
    const audit = await one("SELECT summary FROM audit_log WHERE action = 'decisions.task-updated' ORDER BY id DESC LIMIT 1");
    assert.deepEqual(audit.summary, { before: { title: '实施城乡供水一体化工程', reportEveryDays: 30 }, after: { title: '推进城乡供水一体化', reportEveryDays: 60 } });
    const work = textOf((await t.client().get('/decisions/work/2026')).body);
    assert.match(work, /推进城乡供水一体化 楚雄市水务局 2026-12-31 0% （按子任务平均） 按计划推进 铺设供水管网80公里/);
  });

  it('lets only the openness office enter tasks', async () => {
    await t.createStaff('sw_editor2', 'water', ['editor']);
    const editor = await t.signIn('sw_editor2');
    assert.equal((await editor.get('/staff/decisions/tasks/new')).statusCode, 403);
    assert.equal((await editor.post('/staff/decisions/tasks', { title: 'x' })).statusCode, 403);
    assert.equal((await office.get('/staff/decisions/tasks/NOPE!/edit')).statusCode, 404);
  });

  it('finds the new task through the platform search', async () => {
    const s = textOf((await t.client().get(`/search?q=${encodeURIComponent('城乡供水一体化')}`)).body);
    assert.match(s, /决策和执行公开 推进城乡供水一体化 重点工作 · 2026年 · 牵头单位：楚雄市水务局/);
  });
});

describe('建议提案办理', () => {
  let url = '';
  const form = { kind: 'npc', year: '2026', number: '0088', title: '关于增加城区公交早高峰班次的建议', proposer: '杨洁代表', supportingUnits: '', assignedOn: '2026-08-31', dueOn: '' };

  it('registers an item, due three months after 交办, refusing a number twice', async () => {
    const bad = await office.submit('/staff/decisions/proposals', '/staff/decisions/proposals', { ...form, kind: '', number: '八十八', leadUnitId: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请选择人大代表建议或政协提案.*请填写建议或提案的编号.*请从列表中选择主办单位/s);
    assert.match(bad.body, /value="关于增加城区公交早高峰班次的建议"/);
    const ok = await office.submit('/staff/decisions/proposals', '/staff/decisions/proposals', { ...form, leadUnitId: await unit('transport') });
    assert.equal(ok.statusCode, 303);
    url = String(ok.headers.location);
    assert.equal((await one("SELECT due_on::text AS d FROM decisions_proposals WHERE number = '0088'")).d, '2026-11-30');
    const twice = await office.submit('/staff/decisions/proposals', '/staff/decisions/proposals', { ...form, leadUnitId: await unit('transport') });
    assert.equal(twice.statusCode, 400);
    assert.match(textOf(twice.body), /2026年已登记过第0088号/);
    const code = url.split('/').pop()!;
    assert.equal((await t.client().get(`/decisions/proposals/items/${code}`)).statusCode, 404);
  });

  it('is answered by the handling unit, reopened when the representative is unsatisfied, then published as a summary', async () => {
    await t.createStaff('jt_editor', 'transport', ['editor']);
    await t.createStaff('sw_editor3', 'water', ['editor']);
    const other = await t.signIn('sw_editor3');
    assert.equal((await other.get(url)).statusCode, 404);
    const jt = await t.signIn('jt_editor');
    assert.match(textOf((await jt.get('/staff/decisions/proposals')).body), /关于增加城区公交早高峰班次的建议/);
    const noText = await jt.submit(url, `${url}/reply`, { repliedOn: '2026-08-30', result: '', replyText: '' });
    assert.equal(noText.statusCode, 400);
    assert.match(textOf(noText.body), /答复日期不能早于交办日期（2026-08-31）.*请选择办理结果.*请填写办理复文/s);
    assert.equal((await jt.submit(url, `${url}/reply`, { repliedOn: '2026-11-20', result: 'B', replyText: '杨洁代表：已在3条线路增加早高峰班次，其余线路待客流评估。' })).statusCode, 303);
    assert.equal((await jt.submit(url, `${url}/reply`, { repliedOn: '2026-11-21', result: 'A', replyText: '再答' })).statusCode, 409);
    assert.equal((await jt.post(`${url}/publish`, { publicity: 'full' })).statusCode, 403);
    assert.equal((await office.submit(url, `${url}/publish`, { satisfaction: 'unsatisfied', publicity: 'full', summary: '', withheldReason: '' })).statusCode, 303);
    assert.match(textOf((await office.get(url)).body), /状态 代表（委员）不满意，重新办理/);
    assert.equal((await jt.submit(url, `${url}/reply`, { repliedOn: '2026-11-25', result: 'A', replyText: '杨洁代表：经重新办理，全部12条线路早高峰班次已加密。内部测算表见附件。' })).statusCode, 303);
    const noSummary = await office.submit(url, `${url}/publish`, { satisfaction: 'satisfied', publicity: 'summary', summary: '', withheldReason: '' });
    assert.match(textOf(noSummary.body), /选择“公开摘要”时请填写复文摘要/);
    assert.equal((await office.submit(url, `${url}/publish`, { satisfaction: 'satisfied', publicity: 'summary', summary: '全部12条线路早高峰班次已加密。', withheldReason: '' })).statusCode, 303);
    const code = url.split('/').pop()!;
    const pub = textOf((await t.client().get(`/decisions/proposals/items/${code}`)).body);
    assert.match(pub, /类别和编号 人大代表建议第0088号 提出人 杨洁代表 主办单位 楚雄市交通运输局 交办日期 2026-08-31 答复日期 2026-11-25 办理结果 A类：所提问题已经解决或基本解决 代表满意度 满意 公开方式 公开摘要（2026-11-26公开）/);
    assert.match(pub, /办理复文 全部12条线路早高峰班次已加密。/);
    assert.doesNotMatch(pub, /内部测算表/);
    const list = textOf((await t.client().get('/decisions/proposals/2026')).body);
    assert.match(list, /人大代表建议 4 3 3 政协提案 2 2 1/);
    const api = JSON.parse((await t.client().get('/api/v1/decisions/proposals?year=2026')).body);
    const item = api.items.find((i: { number: string }) => i.number === '0088');
    assert.equal(item.reply, '全部12条线路早高峰班次已加密。');
    assert.equal(item.satisfactionLabel, '满意');
    const s = textOf((await t.client().get(`/search?q=${encodeURIComponent('早高峰班次')}`)).body);
    assert.match(s, /关于增加城区公交早高峰班次的建议 人大代表建议第0088号/);
  });
});

describe('督查 and 审计 findings', () => {
  it('records a finding attached to a task, public at once, then its rectification', async () => {
    const task = (await one("SELECT public_code FROM decisions_tasks WHERE title = '新增城市公共停车泊位1500个'")).public_code;
    const page = '/staff/decisions/findings';
    const bad = await office.submit(page, page, { kind: 'inspection', source: '2026年第四季度专项督查', unitId: await unit('transport'), taskCode: 'zzzz', foundOn: '2026-11-20', finding: '', measures: '', rectifyBy: '2026-11-01' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请从列表中选择相关的重点工作.*请填写发现的问题.*整改时限不能早于发现日期（2026-11-20）/s);
    const form = { kind: 'inspection', source: '2026年第四季度专项督查', unitId: await unit('transport'), taskCode: task, foundOn: '2026-11-20', finding: '10月进展报告未按时报送，新建泊位验收滞后。', measures: '12月10日前完成验收并报送进展。', rectifyBy: '2026-12-10' };
    assert.equal((await office.submit(page, page, form)).statusCode, 303);
    const pub = textOf((await t.client().get(`/decisions/work/tasks/${task}`)).body);
    assert.match(pub, /督查和审计发现的问题 .* 督查 2026年第四季度专项督查（2026-11-20） 楚雄市交通运输局 10月进展报告未按时报送，新建泊位验收滞后。 整改要求：12月10日前完成验收并报送进展。 2026-12-10 整改中/);
    const sup = textOf((await t.client().get('/decisions/supervision/2026')).body);
    assert.match(sup, /本年度共5项，已整改2项，尚在整改3项/);
    assert.match(sup, /“一网通办”全覆盖任务未按6月30日时限完成.* 2026-12-31 整改中/);
    assert.match(sup, /示范片区建设进度滞后.* 2026-09-30 逾期未整改/);
    const code = (await one("SELECT public_code FROM decisions_findings WHERE source = '2026年第四季度专项督查'")).public_code;
    const early = await office.submit(page, `${page}/${code}/rectify`, { [`rectifiedOn_${code}`]: '2026-11-19', [`result_${code}`]: '' });
    assert.equal(early.statusCode, 400);
    assert.match(textOf(early.body), /整改完成日期不能早于发现日期（2026-11-20）.*请填写整改结果/s);
    assert.equal((await office.submit(page, `${page}/${code}/rectify`, { [`rectifiedOn_${code}`]: '2026-11-25', [`result_${code}`]: '已完成验收，进展已报送。' })).statusCode, 303);
    assert.equal((await office.submit(page, `${page}/${code}/rectify`, { [`rectifiedOn_${code}`]: '2026-11-25', [`result_${code}`]: '再次' })).statusCode, 409);
    assert.match(textOf((await t.client().get(`/decisions/work/tasks/${task}`)).body), /已整改 2026-11-25：已完成验收，进展已报送。/);
  });
});

describe('常务会议 and 专题会议', () => {
  it('records a held meeting with its 纪要, linked both ways to the decisions it dealt with', async () => {
    const page = '/staff/decisions/meetings';
    const fare = (await one("SELECT public_code FROM decisions_items WHERE title = '楚雄市城市公共交通票价调整方案'")).public_code;
    const list = await office.get(page);
    assert.equal(list.statusCode, 200);
    assert.match(textOf(list.body), /市人民政府第28次常务会议 ?（2026-06-10，常务会议）/);
    const form = { kind: 'executive', name: '市人民政府第41次常务会议', heldOn: '2026-11-27', topics: '研究公交票价执行情况\n研究冬季供暖保障', attendees: '市民代表2名', summary: '', interpretation: '', decisionCodes: [fare, 'jcnope'] };
    const bad = await office.submit(page, page, form);
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /会议日期不能晚于今天（2026-11-26），会后再登记.*请填写会议纪要或新闻稿.*请从列表中选择相关的决策事项/s);
    assert.match(bad.body, new RegExp(`value="${fare}" checked`));
    const ok = await office.submit(page, page, { ...form, heldOn: '2026-11-25', summary: '会议听取了公交票价调整执行情况汇报。', decisionCodes: [fare] });
    assert.equal(ok.statusCode, 303);
    const code = (await one("SELECT public_code FROM decisions_meetings WHERE name = '市人民政府第41次常务会议'")).public_code;
    const pub = textOf((await t.client().get(`/decisions/meetings/items/${code}`)).body);
    assert.match(pub, /会议类型 常务会议 会议日期 2026-11-25 列席人员 市民代表2名 公开日期 2026-11-26 会议议题 研究公交票价执行情况 研究冬季供暖保障 研究的重大行政决策事项 楚雄市城市公共交通票价调整方案 会议纪要 会议听取了公交票价调整执行情况汇报。/);
    const dossier = textOf((await t.client().get(`/decisions/items/${fare}`)).body);
    assert.match(dossier, /研究本事项的政府会议 市人民政府第28次常务会议 ?（2026-06-10） 市人民政府第41次常务会议 ?（2026-11-25）/);
    assert.match(textOf((await t.client().get('/decisions/meetings/2026')).body), /市人民政府第41次常务会议 ?（2026-11-25，常务会议）：研究公交票价执行情况；研究冬季供暖保障/);
    assert.equal((await t.client().get('/decisions/meetings/items/hy000000000000')).statusCode, 404);
  });
});

describe('malformed requests', () => {
  it('answer 4xx, never 500', async () => {
    const c = t.client();
    for (const u of ['/decisions/proposals/abcd', '/decisions/proposals/items/NOT!', '/decisions/supervision/20x6', '/decisions/proposals/items/ja000000000000']) assert.equal((await c.get(u)).statusCode, 404, u);
    assert.equal((await c.get('/api/v1/decisions/proposals?year=abc')).statusCode, 400);
    assert.equal((await c.get('/decisions/proposals')).statusCode, 302);
    for (const [u, body] of [
      ['/staff/decisions/tasks', { year: ['2026', '2027'], title: { a: 1 } }],
      ['/staff/decisions/proposals', { kind: 'npc', year: '2026', number: '1', assignedOn: '9999-99-99' }],
      ['/staff/decisions/findings', { kind: 'audit', foundOn: 'x', rectifyBy: '' }],
      ['/staff/decisions/findings/!!/rectify', {}],
      ['/staff/decisions/proposals/ja000000000000/reply', {}],
      ['/staff/decisions/meetings', { kind: 'x', decisionCodes: { a: 1 } }],
    ] as const) {
      const r = await office.post(u, body as unknown as Record<string, string>);
      assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${u}: ${r.statusCode}`);
    }
  });
});
