import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { verifyAuditChain } from '../../../core/audit/index.ts';
import { orgCodeCheckChar, usccCheckChar } from '../../../core/validation/identifiers.ts';
import { DEMO_SITE } from '../demo-data.ts';

// Well-formed per GB 32100-2015 (valid check characters), not used by any demo unit.
const LONGCHUAN_USCC = '11532301015122502L';
const OTHER_USCC = '115323010151226090';

const LONGCHUAN = {
  parentSlug: 'city-government',
  name: '楚雄市龙川街道办事处',
  shortName: '龙川街道',
  type: 'township',
  slug: 'longchuan',
  uscc: LONGCHUAN_USCC,
  address: '云南省楚雄彝族自治州楚雄市龙川街道龙川路1号',
  officeHours: '周一至周五 上午9:00—12:00',
  phone: '0878-3122201',
  fax: '',
  email: 'lcjd@cxs.example.com',
  opennessContact: '党政综合办公室 李文，0878-3122202',
  functions: '执行本级人民代表大会的决议和上级国家行政机关的决定、命令。',
};

/** The message shown at a field (its field-message paragraph). */
function fieldMessage(html: string, field: string): string | undefined {
  const id = `f-${field.replace(/[^A-Za-z0-9_-]/g, '-')}-error`;
  const m = new RegExp(`id="${id.replace(/[[\]]/g, '\\$&')}">([\\s\\S]*?)</p>`).exec(html);
  return m ? textOf(m[1]!).replace('错误：', '').trim() : undefined;
}

async function auditActions(t: TestApp): Promise<{ action: string; target_id: string; summary: Record<string, unknown> }[]> {
  const r = await t.core.pool.query(`SELECT action, target_id, summary FROM audit_log WHERE action LIKE 'units.%' OR action LIKE 'site.%' ORDER BY id`);
  return r.rows;
}

async function unitIdOf(t: TestApp, slug: string): Promise<string> {
  const r = await t.core.pool.query('SELECT id FROM units WHERE slug = $1', [slug]);
  return String(r.rows[0].id);
}

describe('unit administration', () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
  });
  after(async () => t.dispose());

  it('lets the system admin create a township that then appears on /units and in the API', async () => {
    const res = await admin.submit('/staff/units/new', '/staff/units', LONGCHUAN);
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, '/staff/units/longchuan/edit');
    const edit = await admin.get('/staff/units/longchuan/edit');
    assert.match(textOf(edit.body), /已新增单位「楚雄市龙川街道办事处」/);

    const row = (await t.core.pool.query('SELECT u.root_id, p.slug AS parent, u.type FROM units u JOIN units p ON p.id = u.parent_id WHERE u.slug = $1', ['longchuan'])).rows[0];
    assert.equal(row.parent, 'city-government');
    assert.equal(row.type, 'township');
    assert.equal(String(row.root_id), await unitIdOf(t, 'city-government'));

    const list = await t.client().get('/units');
    assert.match(list.body, /<a href="\/units\/longchuan">楚雄市龙川街道办事处<\/a>/);
    const profile = await t.client().get('/units/longchuan');
    assert.equal(profile.statusCode, 200);
    assert.match(textOf(profile.body), /统一社会信用代码 11532301015122502L/);
    const home = await t.client().get('/');
    assert.match(home.body, /<a href="\/units\/longchuan">龙川街道<\/a>/);

    const api = await t.client().get('/api/v1/units');
    assert.equal(api.statusCode, 200);
    const body = JSON.parse(api.body) as { items: Record<string, unknown>[]; total: number };
    assert.deepEqual(
      body.items.find((u) => u.slug === 'longchuan'),
      { slug: 'longchuan', name: '楚雄市龙川街道办事处', shortName: '龙川街道', type: 'township', parentSlug: 'city-government' },
    );

    const audit = (await auditActions(t)).filter((a) => a.action === 'units.created');
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.target_id, await unitIdOf(t, 'longchuan'));
    assert.deepEqual((audit[0]!.summary.after as Record<string, unknown>).uscc, LONGCHUAN_USCC);
    assert.equal((audit[0]!.summary.after as Record<string, unknown>).parent, 'city-government');
  });

  it('shows the city tree with type, code, staff count and links, the new unit indented under the city', async () => {
    const res = await admin.get('/staff/units');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /楚雄市人民政府 人民政府 115323010151200721 0人 编辑 楚雄市人民政府 \| 查看公开页/);
    assert.match(text, /└ （第2级） 楚雄市财政局 政府部门 115323010151204940 3人 编辑 楚雄市财政局/);
    assert.match(text, /└ （第2级） 楚雄市龙川街道办事处 乡镇（街道） 11532301015122502L 0人/);
    assert.match(res.body, /href="\/staff\/units\/donggua\/edit"/);
    assert.match(res.body, /href="\/units\/donggua"/);
  });

  it('refuses an invalid 统一社会信用代码 with the validateUscc message at the field, keeping the input', async () => {
    const form = { ...LONGCHUAN, slug: 'longchuan-2', uscc: LONGCHUAN_USCC.slice(0, 17) + 'M' };
    const res = await admin.submit('/staff/units/new', '/staff/units', form);
    assert.equal(res.statusCode, 400);
    assert.equal(fieldMessage(res.body, 'uscc'), '统一社会信用代码校验位错误');
    assert.match(res.body, /<a href="#f-uscc">统一社会信用代码校验位错误<\/a>/);
    assert.match(res.body, /name="name" type="text" value="楚雄市龙川街道办事处"/);
    assert.match(res.body, /name="slug" type="text" value="longchuan-2"/);
    assert.match(res.body, /name="uscc" type="text" value="11532301015122502M"/);
    assert.match(res.body, /name="email" type="email" value="lcjd@cxs.example.com"/);
    assert.match(res.body, /<option value="township" selected>/);
    assert.match(res.body, /执行本级人民代表大会的决议和上级国家行政机关的决定、命令。<\/textarea>/);
  });

  it('refuses a slug or code already in use, and a double submit never creates two units', async () => {
    const dupSlug = await admin.submit('/staff/units/new', '/staff/units', { ...LONGCHUAN, uscc: OTHER_USCC });
    assert.equal(dupSlug.statusCode, 400);
    assert.equal(fieldMessage(dupSlug.body, 'slug'), '网址标识「longchuan」已被「楚雄市龙川街道办事处」使用，请换一个');

    const page = await admin.get('/staff/units/new');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const form = { _csrf: token, ...LONGCHUAN, slug: 'baoshan', name: '楚雄市保山镇人民政府', shortName: '保山镇', uscc: OTHER_USCC };
    const [first, second] = await Promise.all([admin.post('/staff/units', form), admin.post('/staff/units', form)]);
    assert.deepEqual([first.statusCode, second.statusCode].sort(), [303, 400]);
    const again = await admin.post('/staff/units', form);
    assert.equal(again.statusCode, 400);
    assert.match(fieldMessage(again.body, 'uscc') ?? '', /该统一社会信用代码已被「楚雄市保山镇人民政府」使用|已被其他单位使用/);
    const count = await t.core.pool.query('SELECT count(*)::int AS n FROM units WHERE uscc = $1', [OTHER_USCC]);
    assert.equal(count.rows[0].n, 1);
  });

  it('lets the finance unit admin edit its phone and leaders, shown on /units/finance', async () => {
    const c = await t.signIn('czj_admin');
    const list = await c.get('/staff/units');
    assert.equal(list.statusCode, 200);
    assert.match(textOf(list.body), /楚雄市财政局/);
    assert.doesNotMatch(textOf(list.body), /东瓜镇/);

    const page = await c.get('/staff/units/finance/edit');
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /name="slug"/, 'a unit admin cannot change the slug');
    assert.doesNotMatch(page.body, /name="parentSlug"/);
    assert.match(page.body, /name="leaders\[2\]\.name" type="text" value="李秀英"/);
    assert.match(page.body, /name="leaders\[5\]\.name" type="text" value /, 'two leaders plus three empty rows');
    assert.doesNotMatch(page.body, /name="leaders\[6\]\.name"/);

    const values = {
      name: '楚雄市财政局',
      shortName: '市财政局',
      type: 'department',
      uscc: '115323010151204940',
      address: '云南省楚雄彝族自治州楚雄市鹿城镇鹿城南路318号',
      officeHours: '周一至周五',
      phone: '0878-3121188',
      fax: '0878-3121149',
      email: 'czj@cxs.gov.cn',
      opennessContact: '办公室 李秀英，0878-3121142',
      functions: '编制年度市级预决算草案并组织执行。',
      // Ignored: only a system admin moves or renames a unit.
      slug: 'caizheng',
      parentSlug: 'donggua',
    };
    const saved = await c.submit('/staff/units/finance/edit', '/staff/units/finance/edit', values);
    assert.equal(saved.statusCode, 303, saved.body);
    assert.equal(saved.headers.location, '/staff/units/finance/edit');

    const leaders = await c.submit('/staff/units/finance/edit', '/staff/units/finance/leaders', {
      'leaders[1].name': '黄海涛',
      'leaders[1].title': '局长',
      'leaders[1].duties': '主持局全面工作。',
      'leaders[1].sort': '1',
      'leaders[2].name': '李秀英',
      'leaders[2].title': '副局长',
      'leaders[2].sort': '2',
      'leaders[2].delete': 'on',
      'leaders[3].name': '罗建国',
      'leaders[3].title': '副局长',
      'leaders[3].duties': '分管政府采购工作。',
      'leaders[3].sort': '',
      'leaders[4].name': '',
      'leaders[4].title': '',
    });
    assert.equal(leaders.statusCode, 303, leaders.body);
    assert.equal(leaders.headers.location, '/staff/units/finance/edit#leaders');

    const pub = textOf((await t.client().get('/units/finance')).body);
    assert.match(pub, /联系电话 0878-3121188/);
    assert.match(pub, /黄海涛 局长 主持局全面工作。 罗建国 副局长 分管政府采购工作。/);
    assert.doesNotMatch(pub, /李秀英 副局长/);
    const row = (await t.core.pool.query("SELECT u.slug, p.slug AS parent FROM units u JOIN units p ON p.id = u.parent_id WHERE u.uscc = '115323010151204940'")).rows[0];
    assert.deepEqual({ slug: row.slug, parent: row.parent }, { slug: 'finance', parent: 'city-government' });

    const api = JSON.parse((await t.client().get('/api/v1/units/finance')).body);
    assert.equal(api.phone, '0878-3121188');
    assert.deepEqual(api.leaders, [
      { name: '黄海涛', title: '局长', duties: '主持局全面工作。' },
      { name: '罗建国', title: '副局长', duties: '分管政府采购工作。' },
    ]);

    const audit = await auditActions(t);
    const financeId = await unitIdOf(t, 'finance');
    const updated = audit.filter((a) => a.action === 'units.updated' && a.target_id === financeId);
    assert.equal(updated.length, 1);
    assert.deepEqual(updated[0]!.summary.before, {
      phone: '0878-3121141',
      officeHours: '周一至周五 上午9:00—12:00，下午14:30—18:00（法定节假日除外）',
      functions:
        '拟订全市财政发展规划和政策；编制年度市级预决算草案并组织执行，组织推进政府预决算和部门预决算公开；管理政府债务、政府采购、行政事业单位国有资产和财政监督；负责惠民惠农财政补贴资金的发放管理和公开。',
    });
    assert.equal((updated[0]!.summary.after as Record<string, unknown>).phone, '0878-3121188');
    const leadersSaved = audit.filter((a) => a.action === 'units.leaders-saved');
    assert.equal(leadersSaved.length, 1);
    assert.deepEqual(
      (leadersSaved[0]!.summary.before as { name: string }[]).map((l) => l.name),
      ['黄海涛', '李秀英'],
    );
    assert.deepEqual(
      (leadersSaved[0]!.summary.after as { name: string }[]).map((l) => l.name),
      ['黄海涛', '罗建国'],
    );
  });

  it('names the row of a leader without name or title and keeps the rows', async () => {
    const c = await t.signIn('czj_admin');
    const res = await c.submit('/staff/units/finance/edit', '/staff/units/finance/leaders', {
      'leaders[1].name': '黄海涛',
      'leaders[1].title': '局长',
      'leaders[2].name': '',
      'leaders[2].title': '副局长',
      'leaders[2].duties': '分管预算工作。',
      'leaders[3].name': '张三',
      'leaders[3].title': '',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(fieldMessage(res.body, 'leaders[2].name'), '第2行：请填写姓名');
    assert.equal(fieldMessage(res.body, 'leaders[3].title'), '第3行：请填写职务');
    assert.match(res.body, /name="leaders\[2\]\.duties" type="text" value="分管预算工作。"/);
    const count = await t.core.pool.query("SELECT count(*)::int AS n FROM unit_leaders l JOIN units u ON u.id = l.unit_id WHERE u.slug = 'finance'");
    assert.equal(count.rows[0].n, 2, 'nothing saved');
  });

  it('forbids the finance unit admin other units and the system-admin pages', async () => {
    const c = await t.signIn('czj_admin');
    const dongguaPhone = (await t.core.pool.query("SELECT phone FROM units WHERE slug = 'donggua'")).rows[0].phone;
    assert.equal((await c.get('/staff/units/donggua/edit')).statusCode, 403);
    assert.equal((await c.get('/staff/units/new')).statusCode, 403);
    assert.equal((await c.get('/staff/site-settings')).statusCode, 403);
    const page = await c.get('/staff/units/finance/edit');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    assert.equal((await c.post('/staff/units/donggua/edit', { _csrf: token, ...LONGCHUAN, phone: '0878-3120000' })).statusCode, 403);
    assert.equal((await c.post('/staff/units/donggua/leaders', { _csrf: token, 'leaders[1].name': '某', 'leaders[1].title': '镇长' })).statusCode, 403);
    assert.equal((await c.post('/staff/units', { _csrf: token, ...LONGCHUAN, slug: 'sneaky' })).statusCode, 403);
    assert.equal((await c.post('/staff/units/finance/archive', { _csrf: token, reason: '试图撤销' })).statusCode, 403);
    assert.equal((await t.core.pool.query("SELECT 1 FROM units WHERE slug = 'sneaky'")).rowCount, 0);
    assert.equal((await t.core.pool.query("SELECT phone FROM units WHERE slug = 'donggua'")).rows[0].phone, dongguaPhone);
  });

  it('lets the openness office view the whole list without edit links', async () => {
    const c = await t.signIn('gkb');
    const res = await c.get('/staff/units');
    assert.equal(res.statusCode, 200);
    assert.match(textOf(res.body), /楚雄市东瓜镇人民政府/);
    assert.doesNotMatch(res.body, /\/staff\/units\/[a-z-]+\/edit/);
    assert.equal((await c.get('/staff/units/finance/edit')).statusCode, 403);
    const editor = await t.signIn('czj_editor');
    assert.equal((await editor.get('/staff/units')).statusCode, 403);
  });

  it('refuses to make a unit its own parent or hang it under its descendant', async () => {
    const a = await admin.submit('/staff/units/new', '/staff/units', {
      ...LONGCHUAN,
      parentSlug: 'city-government',
      slug: 'dev-zone',
      name: '楚雄市开发区管理委员会',
      shortName: '开发区管委会',
      type: 'other',
      uscc: makeUscc('01512270'),
    });
    assert.equal(a.statusCode, 303, a.body);
    const b = await admin.submit('/staff/units/new', '/staff/units', {
      ...LONGCHUAN,
      parentSlug: 'dev-zone',
      slug: 'dev-zone-office',
      name: '楚雄市开发区管理委员会办公室',
      shortName: '开发区办',
      type: 'other',
      uscc: makeUscc('01512280'),
    });
    assert.equal(b.statusCode, 303, b.body);

    const edit = await admin.get('/staff/units/dev-zone/edit');
    assert.doesNotMatch(edit.body, /<option value="dev-zone-office"/, 'descendants are not offered as parents');
    const values = { ...LONGCHUAN, slug: 'dev-zone', name: '楚雄市开发区管理委员会', shortName: '开发区管委会', type: 'other', uscc: makeUscc('01512270') };
    const under = await admin.submit('/staff/units/dev-zone/edit', '/staff/units/dev-zone/edit', { ...values, parentSlug: 'dev-zone-office' });
    assert.equal(under.statusCode, 400);
    assert.equal(fieldMessage(under.body, 'parentSlug'), '上级单位不能是本单位的下级单位（「楚雄市开发区管理委员会办公室」）');
    const self = await admin.submit('/staff/units/dev-zone/edit', '/staff/units/dev-zone/edit', { ...values, parentSlug: 'dev-zone' });
    assert.equal(self.statusCode, 400);
    assert.equal(fieldMessage(self.body, 'parentSlug'), '上级单位不能是本单位');
    const parent = await t.core.pool.query("SELECT p.slug FROM units u JOIN units p ON p.id = u.parent_id WHERE u.slug = 'dev-zone'");
    assert.equal(parent.rows[0].slug, 'city-government');

    // A legal move with a new slug: the old public URL goes away.
    const moved = await admin.submit('/staff/units/dev-zone-office/edit', '/staff/units/dev-zone-office/edit', {
      ...values,
      slug: 'dz-office',
      name: '楚雄市开发区管理委员会办公室',
      shortName: '开发区办',
      uscc: makeUscc('01512280'),
      parentSlug: 'city-government',
    });
    assert.equal(moved.statusCode, 303, moved.body);
    assert.equal(moved.headers.location, '/staff/units/dz-office/edit');
    assert.equal((await t.client().get('/units/dz-office')).statusCode, 200);
    assert.equal((await t.client().get('/units/dev-zone-office')).statusCode, 404);
    const officeId = await unitIdOf(t, 'dz-office');
    const audit = (await auditActions(t)).filter((a) => a.action === 'units.updated' && a.target_id === officeId);
    assert.deepEqual(audit.at(-1)!.summary.parentSlug, { before: 'dev-zone', after: 'city-government' });
    assert.deepEqual(audit.at(-1)!.summary.before, { slug: 'dev-zone-office', parentId: Number(await unitIdOf(t, 'dev-zone')) });
  });

  it('refuses to archive a unit with staff or children, listing why, and archives an empty one', async () => {
    const withStaff = await admin.submit('/staff/units/finance/edit', '/staff/units/finance/archive', { reason: '机构改革' });
    assert.equal(withStaff.statusCode, 409);
    assert.match(textOf(withStaff.body), /不能撤销该单位 该单位还有3个未停用的工作人员账号，请先调出或停用这些账号/);

    const root = await admin.submit('/staff/units/city-government/edit', '/staff/units/city-government/archive', { reason: '测试' });
    assert.equal(root.statusCode, 409);
    assert.match(textOf(root.body), /根单位（本级人民政府）不能撤销/);
    assert.match(textOf(root.body), /该单位还有下级单位：楚雄市人民政府办公室、/);

    const noReason = await admin.submit('/staff/units/longchuan/edit', '/staff/units/longchuan/archive', { reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(fieldMessage(noReason.body, 'reason'), '请填写撤销原因');

    assert.equal((await t.client().get('/units/longchuan')).statusCode, 200);
    const ok = await admin.submit('/staff/units/longchuan/edit', '/staff/units/longchuan/archive', { reason: '楚市编〔2026〕3号：龙川街道并入鹿城镇' });
    assert.equal(ok.statusCode, 303, ok.body);
    assert.equal(ok.headers.location, '/staff/units');
    assert.equal((await t.client().get('/units/longchuan')).statusCode, 404);
    assert.doesNotMatch((await t.client().get('/units')).body, /\/units\/longchuan"/);
    const api = await t.client().get('/api/v1/units/longchuan');
    assert.equal(api.statusCode, 404);
    assert.doesNotMatch(JSON.parse((await t.client().get('/api/v1/units')).body).items.map((u: { slug: string }) => u.slug).join(','), /longchuan/);
    assert.doesNotMatch((await admin.get('/staff/units')).body, /\/staff\/units\/longchuan\/edit/);
    assert.equal((await admin.get('/staff/units/longchuan/edit')).statusCode, 404);
    const row = (await t.core.pool.query("SELECT archived_at FROM units WHERE slug = 'longchuan'")).rows[0];
    assert.equal(new Date(row.archived_at).toISOString(), '2026-11-26T02:00:00.000Z');
    const audit = (await auditActions(t)).filter((a) => a.action === 'units.archived');
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.summary.reason, '楚市编〔2026〕3号：龙川街道并入鹿城镇');
    assert.deepEqual(audit[0]!.summary.after, { archivedAt: '2026-11-26T02:00:00.000Z' });
  });

  it('saves site settings, which show at once in the footer of /', async () => {
    const before = await t.client().get('/');
    assert.match(textOf(before.body), /网站标识码：5323010001 滇ICP备18003271号-1 滇公网安备 53230102000318号/);
    // The footer: the 党政机关网站标识 linking to its verification page, and 我为政府网站找错.
    assert.match(before.body, /<a class="conac-mark" href="https:\/\/bszs\.conac\.cn\/sitename\?method=show&amp;id=5323010001"[^>]*title="党政机关网站标识：点击核验网站身份"/);
    assert.match(before.body, /<footer[\s\S]*<a href="\/messages\/write\/site-error">我为政府网站找错<\/a>/);
    assert.equal((await t.client().get('/messages/write/site-error')).statusCode, 200);
    assert.match(before.body, /<div class="demo-notice" role="note" aria-label="演示数据提示"><p class="wrap">演示站点：本网站所列单位的人员、电话、电子邮箱、文件和数据均为虚构的演示数据/);
    const bad = await admin.submit('/staff/site-settings', '/staff/site-settings', {
      siteName: '楚雄市人民政府门户网站',
      siteCode: '53230100',
      icpNo: '滇ICP备00000000号-1',
      psbNo: '',
      hostName: '',
      hostUnitName: '楚雄市人民政府办公室',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(fieldMessage(bad.body, 'siteCode'), '网站标识码应为10位数字或字母，当前为8个字符');
    assert.match(bad.body, /name="icpNo" type="text" value="滇ICP备00000000号-1"/);

    const ok = await admin.submit('/staff/site-settings', '/staff/site-settings', {
      siteName: '楚雄市人民政府网',
      siteCode: '5323010002',
      icpNo: '滇ICP备12345678号-2',
      psbNo: '滇公网安备 53230102000123号',
      hostName: '',
      hostUnitName: '楚雄市人民政府办公室（市政务公开办）',
      // Kept as the form shows them.
      superiorGovernment: DEMO_SITE.superiorGovernment,
      basicCourt: DEMO_SITE.basicCourt,
      intermediateCourt: DEMO_SITE.intermediateCourt,
    });
    assert.equal(ok.statusCode, 303, ok.body);
    const home = textOf((await t.client().get('/')).body);
    assert.match(home, /主办单位：楚雄市人民政府办公室（市政务公开办）/);
    assert.match(home, /网站标识码：5323010002 滇ICP备12345678号-2 滇公网安备 53230102000123号/);
    assert.match(home, /楚雄市人民政府网/);
    assert.doesNotMatch(home, /演示站点/, 'the 演示数据提示 was cleared, so no page shows it');
    assert.doesNotMatch(home, /党政机关/, 'the 标识 link was cleared, so the footer shows no 标识');
    const audit = (await auditActions(t)).filter((a) => a.action === 'site.settings-updated');
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0]!.summary.before, {
      siteName: '楚雄市人民政府门户网站',
      siteCode: '5323010001',
      icpNo: '滇ICP备18003271号-1',
      psbNo: '滇公网安备 53230102000318号',
      conacUrl: DEMO_SITE.conacUrl,
      hostUnitName: '楚雄市人民政府办公室',
      demoNotice: DEMO_SITE.demoNotice,
    });
  });

  it('wrote one audit row per change, in an unbroken chain', async () => {
    const actions = (await auditActions(t)).map((a) => a.action);
    for (const a of ['units.created', 'units.updated', 'units.leaders-saved', 'units.archived', 'site.settings-updated']) assert.ok(actions.includes(a), a);
    assert.deepEqual(
      actions.filter((a) => a === 'units.created').length,
      4,
      'longchuan, baoshan, dev-zone, dev-zone-office',
    );
    assert.deepEqual(await verifyAuditChain(t.core.db).then((r) => r.ok), true);
  });
});

/** A well-formed 楚雄市 机关 code from 8 本体 characters. */
function makeUscc(body8: string): string {
  const first17 = `11532301${body8}${orgCodeCheckChar(body8)}`;
  return first17 + usccCheckChar(first17);
}
