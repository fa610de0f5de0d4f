// 社情民意调查 end to end: staff create a survey on a published decision (bad input kept, Chinese message
// at the field), the public answers once per submission key, the results appear when it closes, and a
// written answer is published only after staff choose it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { seedDecisionsDemo } from '../demo/seed-demo.ts';

let t: TestApp;
let office: TestClient;
let dossier = '';
let staffSurvey = '';
let pub = '';
before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  office = await t.signIn('gkb');
  const root = Number((await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id);
  await seedDecisionsDemo(t.core, root, '2026-11-26');
  const code = (await t.core.pool.query("SELECT public_code FROM decisions_items WHERE title = '楚雄市城市公共交通票价调整方案'")).rows[0].public_code;
  dossier = `/staff/decisions/items/${code}`;
});
after(async () => t.dispose());

const count = async () => Number((await t.core.pool.query('SELECT count(*) FROM decisions_survey_responses r JOIN decisions_surveys s ON s.id = r.survey_id WHERE s.public_code = $1', [pub.split('/').pop()])).rows[0].count);
const QUESTIONS = '单选：您对票价调整后的公交服务是否满意？\n- 满意\n- 基本满意\n- 不满意\n多选：您主要在什么时段乘车？\n- 早高峰\n- 晚高峰\n- 平峰\n填空：您还有什么建议？';

describe('社情民意调查', () => {
  it('shows the demo survey of the parking decision with its published results', async () => {
    const code = (await t.core.pool.query("SELECT d.public_code FROM decisions_items d WHERE d.title = '楚雄市城区停车设施建设和管理办法'")).rows[0].public_code;
    const page = await t.client().get(`/decisions/items/${code}`);
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    // 620 满意 of 1,260 = 49.2 %, 470 基本满意 = 37.3 %, 170 不满意 = 13.5 %.
    assert.match(text, /共收到有效答卷 1260 份/);
    assert.match(text, /满意 620 49\.2% 基本满意 470 37\.3% 不满意 170 13\.5%/);
    assert.match(page.body, /<svg role="img"/);
    assert.match(text, /以下是经审核选登的回答（原文）/);
  });

  it('creates a survey, refusing bad input at the field and keeping it', async () => {
    const bad = await office.submit(dossier, `${dossier}/surveys`, { title: '', intro: '', questions: '单选：满意吗？\n- 是', opensOn: '2026-11-20', closesOn: '2026-11-19' });
    assert.equal(bad.statusCode, 400);
    const text = textOf(bad.body);
    for (const m of ['请填写调查名称', '第1题（满意吗？）至少需要两个选项', '开始日期不能早于今天（2026-11-26）', '截止日期不能早于开始日期']) assert.match(text, new RegExp(m.replace(/[()（）]/g, '.')));
    assert.match(bad.body, /单选：满意吗？\n- 是<\/textarea>/);
    const ok = await office.submit(dossier, `${dossier}/surveys`, { title: '城区公交票价调整实施效果调查', intro: '匿名填写。', questions: QUESTIONS, opensOn: '2026-11-26', closesOn: '2026-12-10' });
    assert.equal(ok.statusCode, 303);
    staffSurvey = String(ok.headers.location);
    pub = staffSurvey.replace('/staff/decisions/surveys/', '/decisions/surveys/');
    const audit = await t.core.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'decisions.survey-created'");
    assert.equal(audit.rows[0].n, 1);
  });

  it('refuses a survey on a decision not yet published', async () => {
    const code = (await t.core.pool.query("SELECT public_code FROM decisions_items WHERE published_on IS NULL LIMIT 1")).rows[0].public_code;
    const page = `/staff/decisions/items/${code}`;
    const r = await office.post(`${page}/surveys`, { _csrf: /name="_csrf" value="([^"]+)"/.exec((await office.get(dossier)).body)![1]!, title: '调查', intro: '', questions: QUESTIONS, opensOn: '2026-11-26', closesOn: '2026-12-10' });
    assert.equal(r.statusCode, 409);
    assert.match(textOf(r.body), /决策公布后才能开展决策后评估的社情民意调查。/);
  });

  it('takes answers once per submission key; a missing choice is named at the question, the rest kept', async () => {
    const c = t.client();
    const get = await c.get(pub);
    assert.equal(get.statusCode, 200);
    const key = /name="submissionKey" value="([^"]+)"/.exec(get.body)![1]!;
    const bad = await c.submit(pub, pub, { submissionKey: key, q1: ['0', '9'], q2: '多开夜班车' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请选择一项.*请从列出的选项中选择/s);
    assert.match(bad.body, />多开夜班车<\/textarea>/);
    const form = { submissionKey: key, q0: '0', q1: ['0', '1'], q2: '多开夜班车' };
    assert.equal((await c.submit(pub, pub, form)).statusCode, 303);
    assert.equal((await c.submit(pub, pub, form)).statusCode, 303);
    assert.equal(await count(), 1);
    const other = t.client();
    const k2 = /name="submissionKey" value="([^"]+)"/.exec((await other.get(pub)).body)![1]!;
    assert.equal((await other.submit(pub, pub, { submissionKey: k2, q0: '2', q1: '0' })).statusCode, 303);
    // Malformed: a made-up key, an object for an answer, an unknown survey.
    assert.equal((await other.submit(pub, pub, { submissionKey: 'x', q0: '0', q1: '0' })).statusCode, 409);
    assert.equal((await other.get('/decisions/surveys/nosuchsurvey1')).statusCode, 404);
    // Nothing published while open.
    assert.doesNotMatch(textOf((await c.get(pub)).body), /有效答卷/);
  });

  it('publishes the counts when closed, and a written answer only once staff chose it', async () => {
    t.clock.set('2026-12-11T02:00:00Z');
    const page = textOf((await t.client().get(pub)).body);
    // 2 answers: 满意 1 (50.0 %), 不满意 1 (50.0 %); 早高峰 by both (100.0 %), 晚高峰 by one (50.0 %).
    assert.match(page, /共收到有效答卷 2 份/);
    assert.match(page, /满意 1 50\.0% 基本满意 0 0\.0% 不满意 1 50\.0%/);
    assert.match(page, /早高峰 2 100\.0% 晚高峰 1 50\.0% 平峰 0 0\.0%/);
    assert.match(page, /1人填写了本题。填写内容经整理后用于评估报告，原文不公开。/);
    assert.doesNotMatch(page, /多开夜班车/);
    office = await t.signIn('gkb'); // the earlier session has expired
    const staff = await office.get(staffSurvey);
    const value = /name="featured" value="([^"]+)"/.exec(staff.body)![1]!;
    assert.equal((await office.submit(staffSurvey, `${staffSurvey}/featured`, { featured: 'bogus' })).statusCode, 400);
    assert.equal((await office.submit(staffSurvey, `${staffSurvey}/featured`, { featured: value })).statusCode, 303);
    assert.match(textOf((await t.client().get(pub)).body), /以下是经审核选登的回答（原文）： 多开夜班车/);
    const closed = await t.client().submit(pub, pub, { submissionKey: 'abcdefghijklmnopqrstuv', q0: '0', q1: '0' }).catch(() => undefined);
    assert.equal(closed, undefined); // no form (and no CSRF token) once closed
    t.clock.set('2026-11-26T02:00:00Z');
  });
});

describe('证据材料', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  async function upload(page: string, action: string, fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
    const token = /name="_csrf" value="([^"]+)"/.exec((await office.get(page)).body)![1]!;
    const boundary = '----gkevidence0123456789';
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries({ _csrf: token, ...fields })) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return t.app.inject({ method: 'POST', url: action, headers: { cookie: [...office.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(parts) });
  }

  it('attaches files to a recorded step and to a key task, checked by content, shown on the dossier and results pages', async () => {
    t.clock.set('2026-11-26T02:00:00Z');
    office = await t.signIn('gkb');
    const none = await upload(dossier, `${dossier}/evidence`, { step: 'hearing', title: '' });
    assert.equal(none.statusCode, 400);
    assert.match(textOf(none.body), /请填写材料名称.*请选择要上传的文件/s);
    const text = await upload(dossier, `${dossier}/evidence`, { step: 'evaluation', title: '评估报告' }, { name: 'a.pdf', bytes: Buffer.from('not a pdf') });
    assert.equal(text.statusCode, 400);
    assert.match(textOf(text.body), /“决策后评估”尚未办理，办理后才能上传材料.*无法识别的文件类型/s);
    assert.match(text.body, /value="评估报告"/);
    const ok = await upload(dossier, `${dossier}/evidence`, { step: 'hearing', title: '听证会现场照片' }, { name: '听证会.png', bytes: PNG });
    assert.equal(ok.statusCode, 303);
    const code = (await t.core.pool.query("SELECT public_code FROM decisions_evidence WHERE title = '听证会现场照片'")).rows[0].public_code;
    const pub = await t.client().get(dossier.replace('/staff', ''));
    assert.match(textOf(pub.body), /听证：已完成.*证据材料： 听证会现场照片 ?（图片，/s);
    const file = await t.client().get(`/decisions/evidence/${code}`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/png');
    assert.equal((await t.client().get('/decisions/evidence/zlnothere0000')).statusCode, 404);
    const task = (await t.core.pool.query("SELECT public_code FROM decisions_tasks WHERE year = 2026 AND parent_id IS NULL ORDER BY sort_order LIMIT 1")).rows[0].public_code;
    const taskPage = `/staff/decisions/tasks/${task}`;
    assert.equal((await upload(taskPage, `${taskPage}/evidence`, { title: '完工验收照片' }, { name: 'photo.png', bytes: PNG })).statusCode, 303);
    assert.match(textOf((await t.client().get('/decisions/results/2026')).body), /证据材料： 完工验收照片 ?（图片，/);
    assert.match(textOf((await t.client().get(`/decisions/work/tasks/${task}`)).body), /证据材料 完工验收照片/);
  });
});

describe('malformed input on the survey and evidence routes', () => {
  it('answers 4xx, never 500', async () => {
    const HUGE = '政'.repeat(60_000);
    const bodies = [
      { type: 'application/x-www-form-urlencoded', body: '' },
      { type: 'application/x-www-form-urlencoded', body: `q0=%ZZ&q1[]=1&q1[a]=2&q2=${encodeURIComponent(HUGE)}&submissionKey[]=x&featured[x]=1&step=evaluation&title=${encodeURIComponent(HUGE)}&opensOn=2026-02-30&questions=%00` },
      { type: 'application/json', body: '{"q0":{"$gt":""},"q1":[null,1,{}],"featured":[{}],"questions":["x"],"submissionKey":"abcdefghijklmnopqrstu"}' },
      { type: 'application/json', body: '{"broken json' },
      { type: 'multipart/form-data; boundary=zzz', body: '--zzz\r\nContent-Disposition: form-data; name="file"; filename="x.exe"\r\n\r\nMZ\r\n--zzz--\r\n' },
    ];
    const task = (await t.core.pool.query('SELECT public_code FROM decisions_tasks LIMIT 1')).rows[0].public_code;
    const token = /name="_csrf" value="([^"]+)"/.exec((await office.get(dossier)).body)![1]!;
    const urls = [pub, `${dossier}/surveys`, `${dossier}/evidence`, `${staffSurvey}/featured`, `/staff/decisions/tasks/${task}/evidence`, `${dossier}/steps`];
    const failures: string[] = [];
    for (const url of urls) {
      for (const b of bodies) {
        const res = await t.app.inject({ method: 'POST', url, headers: { cookie: [...office.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': b.type, 'x-csrf-token': token }, payload: b.body });
        if (res.statusCode >= 500) failures.push(`${url} ${b.type} → ${res.statusCode}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
