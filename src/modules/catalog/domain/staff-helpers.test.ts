import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CurrentUser } from '../../../core/ui/context.ts';
import type { Role } from '../../../core/db/schema.ts';
import { catalogAccess } from './staff-access.ts';
import { emptyItemForm, formValuesOf, itemDataOf, marksText, shorten, splitCustomChannels, understandTimeLimit } from './item-form.ts';
import { planImport } from './import-preview.ts';
import { exportFileNames } from './export-names.ts';
import { contentDisposition } from '../../../core/http/content-disposition.ts';
import { countByDomain, groupCatalog } from './catalog-groups.ts';
import type { CatalogItemData } from './types.ts';

const ROOT = { id: 1, parentId: null, rootId: null };
const FINANCE = { id: 5, parentId: 1, rootId: 1 };
const OTHER_CITY = { id: 50, parentId: null, rootId: null };

function user(roles: Role[], unitId = 5): CurrentUser {
  return { id: 9, username: 'u', displayName: 'u', unitId, unitName: '', rootUnitId: 1, roles, mustChangePassword: false };
}

function item(level2: string, over: Partial<CatalogItemData> = {}): CatalogItemData {
  return {
    domainName: '财政预决算',
    level1: '政府预决算',
    level2,
    content: '收支表',
    basis: ['《中华人民共和国预算法》'],
    timeLimitText: '批准后20日内',
    timeLimitRule: { kind: 'calendar_days_after_event', days: 20, event: '批准' },
    publisherText: '楚雄市财政局',
    channels: ['政府网站'],
    customChannels: [],
    audience: { society: true, specificGroup: false },
    mode: { proactive: true, onRequest: false },
    level: { county: true, township: false },
    ...over,
  };
}

describe('catalog access', () => {
  it('gives the standard catalog to the openness office and system admins only', () => {
    assert.deepEqual(catalogAccess(user(['openness_office'], 2), ROOT), { view: true, edit: true, adopt: false });
    assert.deepEqual(catalogAccess(user(['system_admin'], 2), ROOT), { view: true, edit: true, adopt: false });
    assert.deepEqual(catalogAccess(user(['editor']), ROOT), { view: true, edit: false, adopt: false });
    assert.deepEqual(catalogAccess(user(['auditor'], 2), ROOT), { view: false, edit: false, adopt: false });
  });

  it('lets a unit manage its own catalog: editors items, unit admins also adoption, reviewers read', () => {
    assert.deepEqual(catalogAccess(user(['unit_admin']), FINANCE), { view: true, edit: true, adopt: true });
    assert.deepEqual(catalogAccess(user(['editor']), FINANCE), { view: true, edit: true, adopt: false });
    assert.deepEqual(catalogAccess(user(['reviewer']), FINANCE), { view: true, edit: false, adopt: false });
    assert.deepEqual(catalogAccess(user(['unit_admin'], 6), FINANCE), { view: false, edit: false, adopt: false });
    assert.deepEqual(catalogAccess(user(['openness_office'], 2), FINANCE), { view: true, edit: true, adopt: true });
  });

  it('never reaches another city', () => {
    assert.deepEqual(catalogAccess(user(['openness_office', 'system_admin'], 2), OTHER_CITY), { view: false, edit: false, adopt: false });
  });
});

describe('item form', () => {
  it('round-trips an item through the form values', () => {
    const d = item('政府预算', {
      basis: ['《预算法》', '《条例》'],
      basisText: '《预算法》《条例》',
      channels: ['政府网站', '政府公报', '社区/企事业单位/村公示栏（电子屏）'],
      customChannels: ['部门网站'],
      channelsText: '村务公开栏、政府网站、部门网站、政府公报',
    });
    const v = formValuesOf(d);
    assert.equal(v.basis, '《预算法》《条例》');
    assert.equal(v.customChannels, '村务公开栏、部门网站');
    assert.deepEqual(v.channels, ['政府网站', '政府公报', '社区/企事业单位/村公示栏（电子屏）']);
    assert.deepEqual(v.audience, ['society']);
    assert.deepEqual(itemDataOf(v), d);
  });

  it('splits other channels and ticks standard ones typed as text, in checklist order', () => {
    assert.deepEqual(splitCustomChannels('信用中国网站，政府网站；部门网站、信用中国网站', ['政务服务中心']), {
      channels: ['政府网站', '政务服务中心'],
      customChannels: ['信用中国网站', '部门网站'],
      channelsText: '信用中国网站、部门网站、政府网站、政务服务中心',
    });
  });

  it('keeps 公开依据 as typed and parses the sources beside it', () => {
    const d = itemDataOf({ ...emptyItemForm(), basis: ' 1.《预算法》；\r\n2.《条例》第二十条 ' });
    assert.equal(d.basisText, '1.《预算法》；\n2.《条例》第二十条');
    assert.deepEqual(d.basis, ['1.《预算法》', '2.《条例》第二十条']);
  });

  it('keeps the channel text while the form says the same, and otherwise the words still written', () => {
    const v = (over: Partial<ReturnType<typeof emptyItemForm>>) => itemDataOf({ ...emptyItemForm(), ...over });
    const written = '■政府网站 □政府公报 ■公示栏';
    const same = v({ channelsText: written, channels: ['政府网站', '社区/企事业单位/村公示栏（电子屏）'], customChannels: '公示栏' });
    assert.equal(same.channelsText, written);
    // A channel ticked: the unit's words stay, the new channel is added after them.
    const more = v({ channelsText: written, channels: ['政府网站', '社区/企事业单位/村公示栏（电子屏）', '政务服务中心'], customChannels: '公示栏' });
    assert.equal(more.channelsText, '政府网站、公示栏、政务服务中心');
    // The own word removed and its channel unticked: it goes.
    const fewer = v({ channelsText: written, channels: ['政府网站'], customChannels: '' });
    assert.equal(fewer.channelsText, '政府网站');
    assert.deepEqual(fewer.channels, ['政府网站']);
  });

  it('derives the time-limit rule from the text and never rejects it', () => {
    assert.deepEqual(itemDataOf({ ...emptyItemForm(), timeLimitText: '每年1月31日前' }).timeLimitRule, { kind: 'yearly_by', month: 1, day: 31 });
    assert.deepEqual(understandTimeLimit('信息形成（变更）之日起20个工作日内'), { recognised: true, description: '信息形成或变更之日起20个工作日内', computable: true });
    assert.deepEqual(understandTimeLimit('随部门决算一并公开'), { recognised: false, description: '无可计算的期限', computable: false });
    assert.deepEqual(understandTimeLimit('及时公开'), { recognised: true, description: '及时公开（无可计算的期限）', computable: false });
    assert.equal(understandTimeLimit('  '), null);
  });

  it('prints marks as words and shortens long content', () => {
    assert.deepEqual(marksText(item('x', { level: { county: true, township: true } })), { audience: '全社会', mode: '主动', level: '县级、乡级' });
    assert.deepEqual(marksText(item('x', { mode: { proactive: false, onRequest: false } })).mode, '—');
    assert.equal(shorten('一二三四五六', 4), '一二三四…');
    assert.equal(shorten('一二 \n 三', 4), '一二 三');
  });
});

describe('import plan', () => {
  it('counts creates, updates and unchanged items like the save does', () => {
    const existing = [item('政府预算'), item('政府决算')];
    const plan = planImport(
      existing,
      [
        { ...item('政府预算'), sourceRow: 4 },
        { ...item('政府决算', { content: '决算表' }), sourceRow: 5 },
        { ...item('预算调整', { domainName: '财政预决算领域' }), sourceRow: 6 },
      ],
      ['财政预决算'],
    );
    assert.deepEqual([plan.create, plan.update, plan.unchanged], [1, 1, 1]);
    assert.deepEqual(plan.rows.map((r) => [r.sourceRow, r.action, r.changes.map((c) => c.label)]), [
      [4, 'unchanged', []],
      [5, 'update', ['公开内容（要素）']],
      [6, 'create', []],
    ]);
    assert.equal(plan.items[2]!.domainName, '财政预决算', 'the suffix 领域 is dropped');
    assert.ok(!('sourceRow' in plan.items[0]!));
  });

  it("adopts a unit's rows that are city standard items, and refuses one whose content differs", () => {
    const standard = [{ ...item('政府预算'), adopted: true }, { ...item('政府决算'), adopted: false }, { ...item('预算调整'), adopted: false }];
    const plan = planImport(
      [item('部门自有事项')],
      [
        { ...item('政府预算'), sourceRow: 4 },
        { ...item('政府决算'), sourceRow: 5 },
        { ...item('部门自有事项'), sourceRow: 6 },
        { ...item('新事项'), sourceRow: 7 },
        { ...item('预算调整', { content: '改过的内容' }), sourceRow: 8 },
      ],
      ['财政预决算'],
      '',
      standard,
    );
    assert.deepEqual([plan.create, plan.update, plan.adopt, plan.unchanged], [1, 0, 1, 2]);
    assert.deepEqual(plan.rows.map((r) => [r.sourceRow, r.action]), [
      [4, 'unchanged'],
      [5, 'adopt'],
      [6, 'unchanged'],
      [7, 'create'],
    ]);
    assert.deepEqual(plan.problems, [
      { row: 8, column: '', severity: 'error', message: '该事项属于本市标准目录，本单位导入时不能修改其内容（与标准目录不同的列：公开内容（要素））。请按标准目录填写该行，或请政务公开办修改标准目录' },
    ]);
  });

  it('takes a repeated item from its last row and reports unknown domains once', () => {
    const plan = planImport(
      [],
      [
        { ...item('政府预算'), sourceRow: 4 },
        { ...item('政府预算', { content: '新' }), sourceRow: 9 },
        { ...item('甲', { domainName: '涉农资金' }), sourceRow: 10 },
        { ...item('乙', { domainName: '涉农资金' }), sourceRow: 11 },
      ],
      ['财政预决算'],
      'B',
    );
    assert.deepEqual(plan.items.map((i) => i.content), ['新']);
    assert.deepEqual(plan.problems, [
      { row: 4, column: '', message: '与第9行是同一事项（政府预决算 / 政府预算），以第9行为准，本行不导入', severity: 'warning' },
      { row: 10, column: 'B', message: '领域「涉农资金」不存在：本市标准目录中没有这个领域，请改为已有的领域，或请政务公开办先添加该领域', severity: 'error' },
    ]);
  });
});

describe('exports', () => {
  it('names the file in Chinese with an ASCII fallback (RFC 6266 / RFC 5987)', () => {
    const n = exportFileNames('楚雄市财政局', 'finance', '2026-11-26', 'xlsx');
    assert.deepEqual(n, { name: '楚雄市财政局政务公开标准目录-2026-11-26.xlsx', ascii: 'catalog-finance-2026-11-26.xlsx' });
    assert.equal(
      contentDisposition("目录(试行)'s*.csv", { ascii: 'a"b.csv' }),
      `attachment; filename="a_b.csv"; filename*=UTF-8''%E7%9B%AE%E5%BD%95%28%E8%AF%95%E8%A1%8C%29%27s%2A.csv`,
    );
  });
});

describe('catalog groups', () => {
  it('groups by domain order, then by level-1 item in order of appearance', () => {
    const domains = [
      { id: 2, name: '生态环境', slug: 'eco', sortOrder: 12 },
      { id: 1, name: '财政预决算', slug: 'fin', sortOrder: 3 },
      { id: 3, name: '就业', slug: 'job', sortOrder: 18 },
    ];
    const rows = [
      { domainId: 2, level1: '环境质量', n: 1 },
      { domainId: 1, level1: '部门预决算', n: 2 },
      { domainId: 1, level1: '政府预决算', n: 3 },
      { domainId: 1, level1: '部门预决算', n: 4 },
    ];
    const g = groupCatalog(domains, rows);
    assert.deepEqual(
      g.map((d) => [d.domain.name, d.count, d.level1.map((l) => [l.name, l.items.map((i) => i.n)])]),
      [
        ['财政预决算', 3, [['部门预决算', [2, 4]], ['政府预决算', [3]]]],
        ['生态环境', 1, [['环境质量', [1]]]],
      ],
    );
    assert.deepEqual([...countByDomain(rows)], [[2, 1], [1, 3]]);
  });
});
