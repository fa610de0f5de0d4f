// End to end through the real database and HTTP server: a decision from 启动 through public comment
// (the shared consultation), hearing, review and publication; the catalog in versions; key tasks with
// progress reviewed before it goes public; bad input answered in Chinese at the field, never a 500.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { seedDecisionsDemo } from '../demo/seed-demo.ts';

let t: TestApp;
let office: TestClient;
let code = '';
let page = '';
before(async () => {
  t = await createTestApp({ now: '2026-09-20T02:00:00Z' });
  office = await t.signIn('gkb');
});
after(async () => t.dispose());

const one = async (sql: string, params: unknown[] = []) => (await t.core.pool.query(sql, params)).rows[0];
const step = (form: Record<string, string>) => office.submit(page, `${page}/steps`, { state: 'done', actor: '', summary: '', documents: '', skipReason: '', ...form });

describe('a major decision from draft to publication', () => {
  it('registers a decision, refusing bad input at the field and keeping it', async () => {
    const water = (await one("SELECT id FROM units WHERE slug = 'water'")).id;
    const bad = await office.submit('/staff/decisions/new', '/staff/decisions', { year: '26', title: '龙川江治理方案', leadUnitId: '999999', basis: '', plannedOn: '2026-13-01', draft: '' });
    assert.equal(bad.statusCode, 400);
    const text = textOf(bad.body);
    for (const m of ['请填写年度，如 2026', '请从列表中选择承办单位', '请填写决策依据', '计划完成时间应为有效日期，格式如 2026-09-30']) assert.match(text, new RegExp(m));
    assert.match(bad.body, /value="龙川江治理方案"/);
    const ok = await office.submit('/staff/decisions/new', '/staff/decisions', { year: '2026', title: '楚雄市城区供水价格调整方案', leadUnitId: String(water), basis: '《中华人民共和国价格法》', plannedOn: '2026-12-31', draft: '居民生活用水第一阶梯价格由2.9元/立方米调整为3.2元/立方米。' });
    assert.equal(ok.statusCode, 303);
    page = String(ok.headers.location);
    code = page.split('/').pop()!;
    assert.match(code, /^jc[0-9a-f]{12}$/);
  });

  it('records steps in order; a required step cannot be skipped', async () => {
    const early = await step({ step: 'legality', doneOn: '2026-09-20', actor: '市司法局', summary: '合法' });
    assert.equal(early.statusCode, 409);
    assert.match(textOf(early.body), /请先办理“公众参与”、“专家论证”、“风险评估”、“听证”，再记录“合法性审查”。/);
    assert.equal((await step({ step: 'launch', doneOn: '2026-09-18', actor: '市水务局', summary: '列入目录。' })).statusCode, 303);
    const noDate = await step({ step: 'expert', doneOn: '', actor: '', summary: '' });
    assert.equal(noDate.statusCode, 400);
    assert.match(textOf(noDate.body), /请填写办理日期.*请填写办理单位或人员.*请填写办理情况/s);
    const skipNoReason = await step({ step: 'expert', state: 'skipped' });
    assert.match(textOf(skipNoReason.body), /请说明未履行该程序的理由/);
  });

  it('opens the comment period for 30 days across National Day, shorter only with a reason', async () => {
    const form = { title: '关于《楚雄市城区供水价格调整方案（征求意见稿）》公开征求意见的公告', description: '起草说明：……', startsOn: '2026-09-20', endsOn: '2026-10-18', urgentReason: '' };
    const short = await office.submit(page, `${page}/consultation`, form);
    assert.equal(short.statusCode, 400);
    assert.match(textOf(short.body), /依照《重大行政决策程序暂行条例》第十五条，征集期至少30天（含首尾两天），截止日期最早为2026-10-19/);
    assert.match(short.body, /value="2026-10-18"/);
    const ok = await office.submit(page, `${page}/consultation`, { ...form, endsOn: '2026-10-19' });
    assert.equal(ok.statusCode, 303);
    const row = await one("SELECT subject, starts_on::text, ends_on::text FROM consultations WHERE subject = 'decision'");
    assert.deepEqual(row, { subject: 'decision', starts_on: '2026-09-20', ends_on: '2026-10-19' });
    const again = await office.submit(page, `${page}/consultation`, { ...form, endsOn: '2026-10-19' });
    assert.equal(again.statusCode, 409);
    assert.match(textOf(again.body), /该决策草案已经公开征求过意见。/);
  });

  it('takes public comments, keeping the contact private', async () => {
    const c = t.client();
    const pub = `/decisions/items/${code}`;
    const get = await c.get(pub);
    assert.equal(get.statusCode, 200);
    assert.match(textOf(get.body), /公开征求意见 征集期 2026-09-20 至 2026-10-19 状态 征集中/);
    const key = /name="submissionKey" value="([^"]+)"/.exec(get.body)![1]!;
    const bad = await c.submit(pub, `${pub}/comments`, { submissionKey: key, name: '', contact: '123', body: '建议分阶段调价。' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, />建议分阶段调价。<\/textarea>/);
    const form = { submissionKey: key, name: '李四', contact: '13887801234', body: '建议分阶段调价，给低保户减免。' };
    assert.equal((await c.submit(pub, `${pub}/comments`, form)).statusCode, 303);
    assert.equal((await c.submit(pub, `${pub}/comments`, form)).statusCode, 303);
    assert.equal((await one('SELECT count(*)::int AS n FROM consultation_comments')).n, 1);
    assert.doesNotMatch((await c.get(pub)).body, /13887801234|李四/);
    const audit = await one("SELECT count(*)::int AS n FROM audit_log WHERE action = 'decisions.comment-submitted'");
    assert.equal(audit.n, 1);
  });

  it('checks the hearing dates and refuses publication while a comment is unanswered', async () => {
    t.clock.set('2026-11-20T02:00:00Z');
    office = await t.signIn('gkb');
    assert.equal((await step({ step: 'participation', doneOn: '2026-09-20', actor: '市水务局', summary: '公开征求意见30日。' })).statusCode, 303);
    assert.equal((await step({ step: 'expert', state: 'skipped', skipReason: '不涉及专业技术问题' })).statusCode, 303);
    assert.equal((await step({ step: 'risk', doneOn: '2026-10-22', actor: '市水务局', summary: '低风险。' })).statusCode, 303);
    const hearing = { step: 'hearing', doneOn: '2026-11-05', actor: '市发展和改革局', summary: '听证会举行。', noticeOn: '2026-10-20', participantsPublishedOn: '2026-10-28', materialsSentOn: '2026-10-30', heldOn: '2026-11-05', participants: '消费者代表9名' };
    const late = await step(hearing);
    assert.equal(late.statusCode, 400);
    assert.match(textOf(late.body), /听证材料应于听证会7日前送达参加人（现为6日前），最晚为2026-10-29/);
    assert.equal((await step({ ...hearing, materialsSentOn: '2026-10-29' })).statusCode, 303);
    const skipLegality = await step({ step: 'legality', state: 'skipped', skipReason: '时间紧' });
    assert.equal(skipLegality.statusCode, 409);
    assert.match(textOf(skipLegality.body), /“合法性审查”是法定必经程序，不能跳过。/);
    assert.equal((await step({ step: 'legality', doneOn: '2026-11-10', actor: '市司法局', summary: '经审查合法。' })).statusCode, 303);
    const noMeeting = await step({ step: 'collective', doneOn: '2026-11-18', actor: '市人民政府', summary: '讨论通过。', meetingName: '' });
    assert.match(textOf(noMeeting.body), /请填写会议名称/);
    // The meeting is chosen from the recorded ones; the step shows its date and 议题, the meeting page the decision.
    const root = (await one("SELECT id FROM units WHERE slug = 'city-government'")).id;
    const meeting = await one(
      "INSERT INTO decisions_meetings (public_code, root_unit_id, kind, name, held_on, topics, attendees, summary, published_on, recorded_by_name) VALUES ('hy40meeting01', $1, 'executive', '市人民政府第40次常务会议', '2026-11-18', '研究城区供水价格调整方案\n研究冬季供暖保障', '市民代表2名', '会议研究了供水价格调整方案。', '2026-11-19', '市政务公开办') RETURNING id",
      [root],
    );
    const wrongDay = await step({ step: 'collective', doneOn: '2026-11-17', actor: '市人民政府', summary: '讨论通过。', meetingId: String(meeting.id) });
    assert.match(textOf(wrongDay.body), /办理日期应为会议召开日期（2026-11-18）/);
    assert.match(textOf((await step({ step: 'collective', doneOn: '2026-11-18', actor: '市人民政府', summary: '讨论通过。', meetingId: '99999999' })).body), /请从列表中选择会议/);
    assert.equal((await step({ step: 'collective', doneOn: '2026-11-18', actor: '市人民政府', summary: '讨论通过。', meetingId: String(meeting.id) })).statusCode, 303);
    assert.match(textOf((await t.client().get(`/decisions/items/${code}`)).body), /集体讨论决定：已完成.*会议 市人民政府第40次常务会议 ?（2026-11-18） 议题 研究城区供水价格调整方案 研究冬季供暖保障/s);
    assert.match(textOf((await t.client().get('/decisions/meetings/items/hy40meeting01')).body), /楚雄市城区供水价格调整方案/);

    const publish = { docNo: '楚市政发〔2026〕30号', publishedOn: '2026-11-20', decisionText: '自2027年1月1日起执行新水价。', explanation: '收到意见1条……' };
    const refused = await office.submit(page, `${page}/publish`, publish);
    assert.equal(refused.statusCode, 409);
    assert.match(textOf(refused.body), /公开征求意见还有1条意见没有答复/);
    assert.match(refused.body, /自2027年1月1日起执行新水价。/);

    const commentId = (await one('SELECT id FROM consultation_comments')).id;
    const noReason = await office.submit(page, `${page}/consultation/comments/${commentId}/answer`, { [`answer_${commentId}`]: 'partly_adopted', [`reason_${commentId}`]: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(textOf(noReason.body), /选择“部分采纳”时请填写理由/);
    assert.equal((await office.submit(page, `${page}/consultation/comments/${commentId}/answer`, { [`answer_${commentId}`]: 'partly_adopted', [`reason_${commentId}`]: '低保户减免已采纳，分阶段调价不采纳：成本缺口需一次弥补。' })).statusCode, 303);
    const stillOpen = await office.submit(page, `${page}/publish`, publish);
    assert.match(textOf(stillOpen.body), /请先结束征集并公布意见采纳情况/);
    assert.equal((await office.submit(page, `${page}/consultation/close`, {})).statusCode, 303);
    assert.equal((await office.submit(page, `${page}/publish`, publish)).statusCode, 303);

    const pub = textOf((await t.client().get(`/decisions/items/${code}`)).body);
    assert.match(pub, /决策内容 文号 楚市政发〔2026〕30号 公布日期 2026-11-20/);
    assert.match(pub, /部分采纳 理由 低保户减免已采纳/);
    assert.match(pub, /专家论证：未履行（已说明理由） .* 未履行，理由：不涉及专业技术问题/);
    assert.match(pub, /听证公告 2026-10-20 参加人名单公布 2026-10-28 材料送达参加人 2026-10-29 听证会 2026-11-05/);
    assert.match(pub, /会议 市人民政府第40次常务会议 ?（2026-11-18） 议题 研究城区供水价格调整方案 研究冬季供暖保障 列席人员 市民代表2名/);
    assert.match(pub, /决策执行：待办理/);
  });

  it('publishes the catalog in versions', async () => {
    const none = await office.submit('/staff/decisions', '/staff/decisions/catalog/2026', { reason: '' });
    assert.equal(none.statusCode, 400);
    assert.match(textOf(none.body), /请填写本版说明/);
    assert.equal((await office.submit('/staff/decisions', '/staff/decisions/catalog/2026', { reason: '首次发布' })).statusCode, 303);
    assert.equal((await office.submit('/staff/decisions', '/staff/decisions/catalog/2026', { reason: '更新状态' })).statusCode, 303);
    const v = textOf((await t.client().get('/decisions/catalog/2026?v=1')).body);
    assert.match(v, /版本 第1版 发布日期 2026-11-20 本版说明 首次发布/);
    assert.match(v, /1 楚雄市城区供水价格调整方案 楚雄市水务局 《中华人民共和国价格法》 2026-12-31 已公布/);
    assert.match(v, /第2版 （2026-11-20）：更新状态/);
    assert.equal((await t.client().get('/decisions/catalog/2026?v=9')).statusCode, 404);
    const home = textOf((await t.client().get('/decisions')).body);
    assert.match(home, /目录已于2026-11-20发布第2版/);
  });
});

describe('demo city: 执行公开 and 结果公开', () => {
  before(async () => {
    t.clock.set('2026-11-26T02:00:00Z');
    office = await t.signIn('gkb');
    const root = (await one("SELECT id FROM units WHERE slug = 'city-government'")).id;
    await seedDecisionsDemo(t.core, Number(root), '2026-11-26');
  });

  it('shows key tasks with computed parent progress and flags', async () => {
    const work = textOf((await t.client().get('/decisions/work/2026')).body);
    // 办好教育民生实事 = floor((100 (幼儿园, done in August) + 85) / 2).
    assert.match(work, /办好教育民生实事 楚雄市教育体育局 2026-12-31 92% （按子任务平均） 按计划推进/);
    // 停车泊位: the October report waits for review, so the September one (85%) is the latest public one; the next was due 2026-10-30.
    assert.match(work, /新增城市公共停车泊位1500个 楚雄市交通运输局 2026-11-30 85% 进展报告逾期/);
    // 一网通办 was due 2026-06-30 at 75%.
    assert.match(work, /建成“一网通办”政务服务事项全覆盖 楚雄市政务服务管理局 2026-06-30 75% 逾期未完成/);
    // 龙川江: last report 2026-10-31, the next due 2026-11-30: on track on 11-26; 垃圾分类 stopped at 2026-06-30.
    assert.match(work, /龙川江水质稳定达到Ⅲ类 楚雄市水务局 2026-12-31 62% 按计划推进/);
    assert.match(work, /建成城市生活垃圾分类示范片区5个 楚雄市住房和城乡建设局 2026-12-31 20% 进展报告逾期/);
    const results = textOf((await t.client().get('/decisions/results/2026')).body);
    assert.match(results, /重点工作完成情况（项） 状态 项数 已完成 0 按计划推进 4 进展报告逾期 0 逾期未完成 1/);
    const r2025 = textOf((await t.client().get('/decisions/results/2025')).body);
    assert.match(r2025, /楚雄市城区停车设施建设和管理办法 评估日期 2026-06-15/);
  });

  it('lets the lead unit report progress, published only after review', async () => {
    const task = await one("SELECT public_code FROM decisions_tasks WHERE title = '龙川江水质稳定达到Ⅲ类'");
    await t.createStaff('sw_editor', 'water', ['editor']);
    const editor = await t.signIn('sw_editor');
    const url = `/staff/decisions/tasks/${task.public_code}`;
    const czj = await t.signIn('czj_editor');
    assert.equal((await czj.submit(url, `${url}/progress`, { reportedOn: '2026-11-25', percent: '70', done: 'x' })).statusCode, 403);
    const back = await editor.submit(url, `${url}/progress`, { reportedOn: '2026-11-25', percent: '50', done: '完成湿地1处。', problems: '', nextSteps: '' });
    assert.equal(back.statusCode, 400);
    assert.match(textOf(back.body), /完成进度不能低于上次公布的62%/);
    assert.match(back.body, />完成湿地1处。<\/textarea>/);
    const page = await editor.get(url);
    const key = /name="submissionKey" value="([^"]+)"/.exec(page.body)![1]!;
    const form = { submissionKey: key, reportedOn: '2026-11-25', percent: '70', done: '完成湿地1处。', problems: '', nextSteps: '建设其余2处湿地。' };
    assert.equal((await editor.submit(url, `${url}/progress`, form)).statusCode, 303);
    assert.equal((await editor.submit(url, `${url}/progress`, form)).statusCode, 303);
    const row = await one("SELECT id, state, count(*) OVER ()::int AS n FROM decisions_progress WHERE reported_on = '2026-11-25'");
    assert.equal(row.n, 1);
    assert.equal(row.state, 'submitted');
    const pub = `/decisions/work/tasks/${task.public_code}`;
    assert.doesNotMatch(textOf((await t.client().get(pub)).body), /2026-11-25/);
    const noNote = await office.submit('/staff/decisions', `/staff/decisions/progress/${row.id}/review`, { [`decision_${row.id}`]: 'return', [`note_${row.id}`]: '' });
    assert.match(textOf(noNote.body), /退回时请说明需要修改的地方/);
    assert.equal((await office.submit('/staff/decisions', `/staff/decisions/progress/${row.id}/review`, { [`decision_${row.id}`]: 'publish', [`note_${row.id}`]: '' })).statusCode, 303);
    assert.match(textOf((await t.client().get(pub)).body), /2026-11-25：完成70%/);
  });

  it('answers malformed requests with 4xx, never 500, and serves the feed and API', async () => {
    const c = t.client();
    assert.equal((await c.get('/decisions/items/NOT-A-CODE')).statusCode, 404);
    assert.equal((await c.get('/decisions/catalog/abcd')).statusCode, 404);
    assert.equal((await c.get('/decisions/work/tasks/zz')).statusCode, 404);
    const api = await c.get('/api/v1/decisions?year=x');
    assert.equal(api.statusCode, 400);
    assert.equal(JSON.parse(api.body).error.fields.year, '年度应为四位数字，如 2026');
    const list = JSON.parse((await c.get('/api/v1/decisions?year=2026')).body);
    assert.ok(list.items.length >= 7);
    assert.ok(list.items.some((i: { title: string; steps: { label: string }[] }) => i.title === '楚雄市城市公共交通票价调整方案' && i.steps.some((s) => s.label === '听证')));
    const feed = await c.get('/decisions/consultations.atom');
    assert.equal(feed.statusCode, 200);
    assert.match(feed.body, /楚雄市“十五五”教育事业发展规划（征求意见至/);
    const home = textOf((await c.get('/decisions')).body);
    assert.match(home, /正在征求意见 楚雄市“十五五”教育事业发展规划/);
    const empty = await office.post(`/staff/decisions/progress/abc/review`, {});
    assert.ok(empty.statusCode < 500);
    const garbage = await office.submit(page, `${page}/steps`, { step: 'nonsense' });
    assert.equal(garbage.statusCode, 400);
    assert.match(textOf(garbage.body), /请从列表中选择程序/);
  });
});
