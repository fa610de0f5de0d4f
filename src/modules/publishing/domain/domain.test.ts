import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from '../../../core/calendar/working-days.ts';
import { OFFICIAL_YEARS } from '../../../core/calendar/official-holidays.ts';
import { checkDocNo, normaliseDocNo } from './doc-no.ts';
import { formatIndexNo, parseIndexNo } from './index-no.ts';
import { validateRecordInput } from './metadata.ts';
import { checkAction, allowedActions, TRANSITIONS, type WorkflowRecord, type WorkflowUser } from './workflow.ts';
import { checkInterpretationAtPublication, checkInterpretationMaterial, interpretationTriggers, NO_INTERPRETATION_MESSAGE, requiresInterpretation } from './interpretation.ts';
import { assessTimeliness, periodEndOf } from './timeliness.ts';
import type { RecordInput } from './types.ts';
import { DISCLOSURE_GROUNDS, GENRES, SUBJECTS } from './vocab.ts';

const cal = buildCalendar(OFFICIAL_YEARS);

describe('文号', () => {
  const cases: [string, string | null, string | null][] = [
    // input, normalised value, error (substring)
    ['楚市政通〔2017〕47号', '楚市政通〔2017〕47号', null],
    ['楚市政通[2017]47号', '楚市政通〔2017〕47号', null],
    ['楚市政通［2017］47号', '楚市政通〔2017〕47号', null],
    ['楚市政通（2017）47号', '楚市政通〔2017〕47号', null],
    ['楚市政通【２０１７】４７号', '楚市政通〔2017〕47号', null],
    [' 国办发〔2017〕42号 ', '国办发〔2017〕42号', null],
    ['楚市政通〔2017〕第47号', null, '不加“第”字'],
    ['楚市政通〔17〕47号', null, '四位数字'],
    ['楚市政通〔2017〕047号', null, '不编虚位'],
    ['楚市政通〔2099〕1号', null, '年份2099不正确'],
    ['2017年47号', null, '格式不正确'],
    ['楚市政通〔2017〕47', null, '格式不正确'],
  ];
  for (const [input, value, error] of cases) {
    it(`${input} → ${value ?? error}`, () => {
      const r = checkDocNo(input, { maxYear: 2027 });
      assert.equal(r.value, value);
      if (error) assert.match(r.error ?? '', new RegExp(error));
      else assert.equal(r.error, null);
    });
  }
  it('says when brackets were normalised, and not otherwise', () => {
    assert.match(checkDocNo('楚市政通[2017]47号', { maxYear: 2027 }).normalisedNote ?? '', /六角括号/);
    assert.equal(checkDocNo('楚市政通〔2017〕47号', { maxYear: 2027 }).normalisedNote, null);
    assert.deepEqual(normaliseDocNo('楚市政通(2017)47号'), { value: '楚市政通〔2017〕47号', changed: true });
  });
  it('accepts a 政府令 number only for a 规章', () => {
    assert.equal(checkDocNo('楚雄州人民政府令第3号', { maxYear: 2027, allowOrderNo: true }).error, null);
    assert.match(checkDocNo('楚雄州人民政府令第3号', { maxYear: 2027 }).error ?? '', /格式不正确/);
  });
});

describe('索引号', () => {
  it('formats the unit code, year and a five-digit sequence', () => {
    assert.equal(formatIndexNo('115323010151200721', 2025, 42), '115323010151200721/2025-00042');
    assert.equal(formatIndexNo('115323010151200721', 2026, 100000), '115323010151200721/2026-100000');
    assert.deepEqual(parseIndexNo('115323010151200721/2025-00042'), { uscc: '115323010151200721', year: 2025, seq: 42 });
    assert.equal(parseIndexNo('115323010151200721/2025-42'), null);
    assert.equal(parseIndexNo('../../etc/passwd'), null);
    assert.throws(() => formatIndexNo('123', 2025, 1), /统一社会信用代码/);
    assert.throws(() => formatIndexNo('115323010151200721', 2025, 0), /序号/);
  });
});

function input(over: Partial<RecordInput> = {}): RecordInput {
  return {
    kind: 'record',
    interpretationForm: null,
    catalogItemId: null,
    generalColumn: 'policy',
    title: '楚雄市人民政府关于印发试点工作实施方案的通知',
    publisherName: '楚雄市人民政府',
    docNo: '楚市政通〔2017〕47号',
    writtenOn: '2017-06-26',
    formedOn: '2017-06-26',
    subject: '综合政务',
    genre: '通知',
    docType: 'normative',
    needsInterpretation: false,
    keywords: ['政务公开，试点', '政务公开'],
    summary: '',
    bodyHtml: '<p>正文</p>',
    disclosure: 'proactive',
    disclosureGrounds: [],
    disclosureNote: '',
    reevaluateOn: null,
    ...over,
  };
}

describe('metadata', () => {
  const today = '2026-11-26';
  it('accepts the 2017 plan and cleans keywords', () => {
    const r = validateRecordInput(input(), { today, publishedOn: '2017-06-30' });
    assert.deepEqual(r.errors, {});
    assert.deepEqual(r.value.keywords, ['政务公开', '试点']);
  });
  it('names every missing required field in Chinese', () => {
    const r = validateRecordInput(input({ title: ' ', publisherName: '', writtenOn: '', formedOn: '', subject: '', genre: '', bodyHtml: '<p> </p>', generalColumn: null, docNo: '' }), { today });
    assert.deepEqual(r.errors, {
      title: '请填写标题',
      publisherName: '请填写发布机构',
      generalColumn: '请选择所属公开事项或栏目（政务动态、通知公告、政策文件）',
      subject: '请选择主题分类',
      genre: '请选择体裁',
      docNo: '行政规范性文件须填写文号',
      writtenOn: '请填写成文日期',
      formedOn: '请填写信息形成（变更）日期',
      bodyHtml: '请填写正文',
    });
  });
  it('refuses impossible dates', () => {
    const cases: [Partial<RecordInput>, string | null, string, string][] = [
      [{ writtenOn: '2099-01-01' }, null, 'writtenOn', '成文日期的年份2099不正确：不能晚于2027年'],
      [{ writtenOn: '2026-02-30' }, null, 'writtenOn', '成文日期不是有效日期，应为“年-月-日”，如 2025-06-26'],
      [{ writtenOn: '1900-01-01' }, null, 'writtenOn', '成文日期的年份1900不正确'],
      [{ writtenOn: '2026-11-20', formedOn: '2026-11-20' }, '2026-11-19', 'writtenOn', '成文日期（2026-11-20）不能晚于发布日期（2026-11-19）'],
      [{ writtenOn: '2026-11-01', formedOn: '2026-11-27' }, '2026-11-26', 'formedOn', '信息形成（变更）日期（2026-11-27）不能晚于发布日期（2026-11-26）'],
    ];
    for (const [over, publishedOn, field, message] of cases) {
      const r = validateRecordInput(input(over), { today, publishedOn });
      assert.equal(r.errors[field], message, JSON.stringify(over));
    }
    // A future 成文日期 is refused already in a draft (no publication date yet); today is fine.
    assert.equal(validateRecordInput(input({ writtenOn: '2027-01-05', formedOn: '2026-11-26' }), { today }).errors.writtenOn, '成文日期（2027-01-05）不能晚于今天（2026-11-26）：成文日期是负责人签发的日期');
    assert.equal(validateRecordInput(input({ writtenOn: '2026-11-27', formedOn: '2026-11-26' }), { today }).errors.writtenOn, '成文日期（2026-11-27）不能晚于今天（2026-11-26）：成文日期是负责人签发的日期');
    assert.equal(validateRecordInput(input({ writtenOn: '2026-11-26', formedOn: '2026-11-26' }), { today }).errors.writtenOn, undefined);
  });
  it('requires grounds from 条例 第十四、十五、十六条 and a re-evaluation date for 依申请公开 / 不予公开', () => {
    const r = validateRecordInput(input({ disclosure: 'withheld' }), { today });
    assert.match(r.errors.disclosureGrounds!, /第十四、十五、十六条/);
    assert.equal(r.errors.reevaluateOn, '请填写复查日期（《政府信息公开条例》第十八条）');
    const ok = validateRecordInput(input({ disclosure: 'on_request', disclosureGrounds: ['art16-process'], reevaluateOn: '2027-06-30' }), { today });
    assert.deepEqual(ok.errors, {});
    const past = validateRecordInput(input({ disclosure: 'withheld', disclosureGrounds: ['art14-secret'], reevaluateOn: '2026-11-01' }), { today });
    assert.equal(past.errors.reevaluateOn, '复查日期应晚于今天（2026-11-26）');
    const unknown = validateRecordInput(input({ disclosure: 'withheld', disclosureGrounds: ['art99'], reevaluateOn: '2027-06-30' }), { today });
    assert.equal(unknown.errors.disclosureGrounds, '所选依据不在可选范围内');
    // 主动公开 drops grounds left over from an earlier choice.
    assert.deepEqual(validateRecordInput(input({ disclosureGrounds: ['art14-secret'], reevaluateOn: '2027-01-01' }), { today }).value.disclosureGrounds, []);
  });
  it('takes the grounds of 依申请公开 outside 第十九、二十条, never for 不予公开', () => {
    const specific = validateRecordInput(input({ disclosure: 'on_request', disclosureGrounds: ['specific-persons'], reevaluateOn: '2027-06-30' }), { today });
    assert.deepEqual(specific.errors, {});
    const outside = validateRecordInput(input({ disclosure: 'on_request', disclosureGrounds: ['outside-proactive'], reevaluateOn: '2027-06-30' }), { today });
    assert.deepEqual(outside.errors, {});
    const withheld = validateRecordInput(input({ disclosure: 'withheld', disclosureGrounds: ['specific-persons'], reevaluateOn: '2027-06-30' }), { today });
    assert.equal(withheld.errors.disclosureGrounds, '不予公开只能依据《政府信息公开条例》第十四、十五、十六条；“不属于主动公开范围”的信息应标为依申请公开');
    const none = validateRecordInput(input({ disclosure: 'on_request', reevaluateOn: '2027-06-30' }), { today });
    assert.match(none.errors.disclosureGrounds!, /仅涉及特定对象、不属于第十九、二十条主动公开范围/);
  });
  it('lists the grounds of articles 14, 15 and 16 (and of 依申请公开), the 22 subjects and the 15 公文种类', () => {
    const exemptions = DISCLOSURE_GROUNDS.filter((g) => g.fits.includes('withheld'));
    assert.deepEqual([...new Set(exemptions.map((g) => g.article.slice(0, 4)))], ['第十四条', '第十五条', '第十六条']);
    assert.deepEqual(DISCLOSURE_GROUNDS.filter((g) => !g.fits.includes('withheld')).map((g) => g.code), ['specific-persons', 'outside-proactive']);
    assert.equal(SUBJECTS.length, 22);
    assert.equal(GENRES.indexOf('纪要'), 14);
  });
  it('keeps HTML in a title as text (escaped when shown), not as markup', () => {
    const r = validateRecordInput(input({ title: '<script>alert(1)</script>通知' }), { today });
    assert.equal(r.value.title, '<script>alert(1)</script>通知');
    assert.deepEqual(r.errors, {});
  });
  it('an interpretation needs its form and is of type 其他', () => {
    const r = validateRecordInput(input({ kind: 'interpretation', docNo: '', docType: 'normative' }), { today });
    assert.equal(r.errors.interpretationForm, '请选择解读形式');
    assert.equal(r.errors.docType, '政策解读的文件类型应为“其他”');
  });
});

describe('workflow state table', () => {
  const editor: WorkflowUser = { id: 1, unitId: 10, rootUnitId: 1, roles: ['editor'] };
  const reviewer: WorkflowUser = { id: 2, unitId: 10, rootUnitId: 1, roles: ['reviewer'] };
  const admin: WorkflowUser = { id: 3, unitId: 10, rootUnitId: 1, roles: ['unit_admin'] };
  const cityReviewer: WorkflowUser = { id: 4, unitId: 2, rootUnitId: 1, roles: ['openness_office', 'reviewer'] };
  const otherUnitReviewer: WorkflowUser = { id: 5, unitId: 11, rootUnitId: 1, roles: ['reviewer'] };
  const rec = (over: Partial<WorkflowRecord> = {}): WorkflowRecord => ({ unitId: 10, rootUnitId: 1, state: 'draft', kind: 'record', disclosure: 'proactive', submittedById: null, reviewOwed: false, ...over });

  it('moves draft → submitted → approved → published / scheduled → withdrawn', () => {
    assert.deepEqual(checkAction('submit', rec(), editor), { ok: true, to: 'submitted' });
    assert.deepEqual(checkAction('approve', rec({ state: 'submitted', submittedById: 1 }), reviewer), { ok: true, to: 'approved' });
    assert.deepEqual(checkAction('publish', rec({ state: 'approved' }), editor), { ok: true, to: 'published' });
    assert.deepEqual(checkAction('publish', rec({ state: 'approved' }), editor, { scheduleAt: true }), { ok: true, to: 'scheduled' });
    assert.deepEqual(checkAction('send_back', rec({ state: 'submitted' }), cityReviewer), { ok: true, to: 'draft' });
    assert.deepEqual(checkAction('withdraw', rec({ state: 'published' }), reviewer), { ok: true, to: 'withdrawn' });
    assert.deepEqual(checkAction('revise', rec({ state: 'published' }), admin), { ok: true, to: 'published' });
    assert.deepEqual(checkAction('force_publish', rec(), admin), { ok: true, to: 'published' });
  });
  it('refuses with every reason', () => {
    assert.deepEqual(checkAction('approve', rec({ state: 'draft', submittedById: 2 }), reviewer), {
      ok: false,
      reasons: ['该信息当前为“草稿”，不能审核通过', '不能审核自己提交的信息，请由本单位其他审核人审核'],
    });
    assert.deepEqual(checkAction('approve', rec({ state: 'submitted', submittedById: 9 }), editor), {
      ok: false,
      reasons: ['只有本单位的审核人或政务公开办的审核人可以审核（《政府信息公开条例》第十七条）'],
    });
    assert.equal(checkAction('approve', rec({ state: 'submitted', submittedById: 1 }), otherUnitReviewer).ok, false);
    assert.equal(checkAction('force_publish', rec(), editor).ok, false);
    assert.equal(checkAction('edit', rec({ state: 'submitted' }), editor).ok, false);
    assert.deepEqual(checkAction('review_forced', rec({ state: 'published', reviewOwed: true, forcedById: 4 }), cityReviewer), {
      ok: false,
      reasons: ['紧急发布人不能补充审核自己发布的信息'],
    });
    assert.deepEqual(checkAction('submit', rec({ kind: 'interpretation', movesWithPolicy: true }), editor), {
      ok: false,
      reasons: ['该政策解读须随所解读的政策文件一并提交、审核和发布，请在政策文件上办理'],
    });
  });
  it('offers each role the buttons it may use', () => {
    assert.deepEqual(allowedActions(rec(), editor), ['edit', 'submit']);
    assert.deepEqual(allowedActions(rec({ state: 'submitted', submittedById: 1 }), reviewer), ['approve', 'send_back']);
    assert.deepEqual(allowedActions(rec({ state: 'published', reviewOwed: true, forcedById: 3 }), reviewer), ['review_forced', 'revise', 'withdraw', 'set_validity']);
    assert.deepEqual(allowedActions(rec({ state: 'withdrawn' }), admin), []);
    for (const t of Object.values(TRANSITIONS)) assert.ok(t.from.length > 0);
  });
});

describe('政策解读', () => {
  it('is required for 规章, 行政规范性文件, records marked 需解读, and any record with a 规范性文件 文号 unless the editor says why not', () => {
    const base = { kind: 'record' as const, docType: 'other' as const, needsInterpretation: false };
    const cases: [Parameters<typeof requiresInterpretation>[0], boolean][] = [
      [{ ...base, docType: 'regulation' }, true],
      [{ ...base, docType: 'normative' }, true],
      [{ ...base, needsInterpretation: true }, true],
      [base, false],
      [{ ...base, kind: 'interpretation' }, false],
      // 〔year〕 and 规 in the issuer's code: the numbering of 行政规范性文件.
      [{ ...base, docNo: '楚市政规〔2026〕2号' }, true],
      [{ ...base, docNo: '楚市财规〔2025〕11号' }, true],
      [{ ...base, docNo: '楚市政规〔2026〕2号', interpretationWaiver: '本文件为内部工作规则，非行政规范性文件' }, false],
      [{ ...base, docNo: '楚市政规〔2026〕2号', interpretationWaiver: '   ' }, true],
      // The waiver speaks only to the 文号: a 行政规范性文件 still needs its 解读.
      [{ ...base, docType: 'normative', docNo: '楚市政规〔2026〕2号', interpretationWaiver: '不需要' }, true],
      [{ ...base, docNo: '楚市政通〔2017〕47号' }, false],
      [{ ...base, docNo: '楚市规划发〔2026〕3号' }, true],
      [{ ...base, docNo: '楚雄州人民政府令第3号' }, false],
    ];
    for (const [r, expected] of cases) assert.equal(requiresInterpretation(r), expected, JSON.stringify(r));
    assert.deepEqual(interpretationTriggers({ kind: 'record', docType: 'normative', needsInterpretation: true, docNo: '楚市政规〔2026〕2号' }), ['normative', 'marked', 'doc_no']);
  });
  it('needs a linked public 解读 at submission: a 解读方案 alone, a withdrawn or a non-public 解读 does not do', () => {
    const policy = { kind: 'record' as const, docType: 'normative' as const, needsInterpretation: false };
    assert.equal(NO_INTERPRETATION_MESSAGE, '无解读材料，不予受理');
    const refusal = '无解读材料，不予受理：须关联一篇公开的政策解读，与文件同步审核、同步发布（解读方案是内部材料，不能代替公开的政策解读）';
    assert.equal(checkInterpretationMaterial(policy, []), refusal);
    assert.equal(checkInterpretationMaterial(policy, [{ state: 'withdrawn', disclosure: 'proactive' }]), refusal);
    assert.equal(checkInterpretationMaterial(policy, [{ state: 'draft', disclosure: 'on_request' }]), refusal);
    assert.equal(checkInterpretationMaterial(policy, [{ state: 'draft', disclosure: 'proactive' }]), null);
    const byDocNo = { kind: 'record' as const, docType: 'other' as const, needsInterpretation: false, docNo: '楚市政规〔2026〕2号' };
    assert.equal(checkInterpretationMaterial(byDocNo, []), `${refusal}。文号“楚市政规〔2026〕2号”是规范性文件的编号；如本文件不是规范性文件，请在“无需解读的理由”中说明`);
  });
  it('needs the public 解读 published already or with the document at publication (同步发布)', () => {
    const policy = { kind: 'record' as const, docType: 'regulation' as const, needsInterpretation: false };
    const withIt = ['approved', 'scheduled'] as const;
    assert.equal(checkInterpretationAtPublication(policy, [{ state: 'approved', disclosure: 'proactive' }], withIt), null);
    assert.equal(checkInterpretationAtPublication(policy, [{ state: 'published', disclosure: 'proactive' }], withIt), null);
    assert.match(checkInterpretationAtPublication(policy, [{ state: 'draft', disclosure: 'proactive' }], withIt)!, /^无解读材料，不予受理/);
    assert.equal(checkInterpretationAtPublication(policy, [{ state: 'draft', disclosure: 'proactive' }], ['draft', 'submitted', 'approved', 'scheduled']), null);
  });
});

describe('timeliness (条例 第二十六条)', () => {
  it('20 working days after forming, skipping weekends and the 2025 National Day holiday', () => {
    // Formed Friday 2025-09-26: Sunday 09-28 is a make-up working day (1), 09-29, 09-30 (2, 3),
    // 10-01…10-08 are off, 10-09, 10-10 (4, 5), Saturday 10-11 make-up (6), then weekdays → 20th on 2025-10-30.
    const t = assessTimeliness({ formedOn: '2025-09-26', publishedOn: '2025-10-30' }, cal);
    assert.equal(t.dueOn, '2025-10-30');
    assert.equal(t.late, false);
    assert.equal(assessTimeliness({ formedOn: '2025-09-26', publishedOn: '2025-10-31' }, cal).late, true);
    // 2026-06-19 (端午节) is off.
    assert.equal(assessTimeliness({ formedOn: '2026-06-01', publishedOn: '2026-06-10' }, cal).dueOn, '2026-06-30');
  });
  it("uses the item's own computable time limit", () => {
    const cases: [Parameters<typeof assessTimeliness>[0]['itemRule'], string, string, string, boolean][] = [
      [{ kind: 'calendar_days_after_event', days: 20, event: '批准' }, '2026-01-18', '2026-02-05', '2026-02-07', false],
      [{ kind: 'calendar_days_after_event', days: 20, event: '批复' }, '2026-08-20', '2026-09-15', '2026-09-09', true],
      [{ kind: 'working_days_after_event', days: 7, event: '作出处罚决定' }, '2026-06-10', '2026-06-16', '2026-06-22', false],
      [{ kind: 'yearly_by', month: 6, day: 5 }, '2026-05-28', '2026-06-04', '2026-06-05', false],
      [{ kind: 'yearly_by', month: 3, day: 31 }, '2026-04-10', '2027-03-01', '2027-03-31', false],
      [{ kind: 'periodic', period: 'quarterly', daysAfterPeriod: 15, workingDays: true }, '2026-04-09', '2026-07-20', '2026-07-21', false],
      [{ kind: 'periodic', period: 'monthly', daysAfterPeriod: 0, workingDays: false }, '2026-02-10', '2026-03-02', '2026-02-28', true],
      [{ kind: 'not_computable' }, '2026-06-01', '2026-06-10', '2026-06-30', false],
    ];
    for (const [rule, formedOn, publishedOn, due, late] of cases) {
      const t = assessTimeliness({ formedOn, publishedOn, itemRule: rule }, cal);
      assert.deepEqual([t.dueOn, t.late], [due, late], JSON.stringify(rule));
    }
  });
  it('says so when a year has no calendar data instead of guessing', () => {
    const t = assessTimeliness({ formedOn: '2017-06-26', publishedOn: '2017-06-30' }, cal);
    assert.equal(t.dueOn, null);
    assert.equal(t.late, null);
    assert.match(t.note, /缺少 2017 年/);
  });
  it('period ends', () => {
    assert.equal(periodEndOf('2024-02-10', 'monthly'), '2024-02-29');
    assert.equal(periodEndOf('2026-05-01', 'half_yearly'), '2026-06-30');
    assert.equal(periodEndOf('2026-11-26', 'quarterly'), '2026-12-31');
  });
});
