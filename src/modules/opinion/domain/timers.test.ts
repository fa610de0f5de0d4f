// The 5 h / 24 h / 48 h timers with fixed clocks; expected instants worked out by hand in Beijing time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatLeft, nextTimer, reminderDue, timersAt, type LevelEvent, type ResponseEvent } from './timers.ts';
import { checkLevelChange, checkReassign, checkStep } from './steps.ts';

const bj = (s: string) => new Date(`${s}+08:00`);
const iso = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null);
const view = (levels: LevelEvent[], responses: ResponseEvent[], now: string) =>
  timersAt(levels, responses, bj(now)).map((t) => ({ kind: t.kind, starts: iso(t.startsAt), due: iso(t.dueAt), met: iso(t.metAt), status: t.status }));

describe('timersAt (国办发〔2016〕61号、80号)', () => {
  it('重大 registered at 23:30 on the eve of National Day: 5 h and 24 h in clock hours, holidays not skipped', () => {
    assert.deepEqual(view([{ at: bj('2026-09-30T23:30'), major: true }], [], '2026-10-01T04:00'), [
      { kind: 'authoritative', starts: '2026-09-30 23:30', due: '2026-10-01 04:30', met: null, status: 'running' },
      { kind: 'press', starts: '2026-09-30 23:30', due: '2026-10-01 23:30', met: null, status: 'running' },
    ]);
    assert.equal(timersAt([{ at: bj('2026-09-30T23:30'), major: true }], [], bj('2026-10-01T04:00'))[0]!.msLeft, 30 * 60_000);
  });

  it('一般 registered at 23:30 on the holiday eve: 48 h reply due 2026-10-02 23:30, overdue a minute later', () => {
    const levels = [{ at: bj('2026-09-30T23:30'), major: false }];
    assert.deepEqual(view(levels, [], '2026-10-02T23:30'), [{ kind: 'reply', starts: '2026-09-30 23:30', due: '2026-10-02 23:30', met: null, status: 'running' }]);
    assert.equal(view(levels, [], '2026-10-02T23:31')[0]!.status, 'overdue');
  });

  it('the 5 h timer is met by a statement at 04:10, the 24 h one only by a press conference (late at 2026-10-02 09:00)', () => {
    const levels = [{ at: bj('2026-09-30T23:30'), major: true }];
    const responses: ResponseEvent[] = [
      { at: bj('2026-10-01T02:00'), form: 'interview' },
      { at: bj('2026-10-01T04:10'), form: 'statement' },
      { at: bj('2026-10-02T09:00'), form: 'press' },
    ];
    assert.deepEqual(view(levels, responses, '2026-10-03T00:00'), [
      { kind: 'authoritative', starts: '2026-09-30 23:30', due: '2026-10-01 04:30', met: '2026-10-01 04:10', status: 'met' },
      { kind: 'press', starts: '2026-09-30 23:30', due: '2026-10-01 23:30', met: '2026-10-02 09:00', status: 'met_late' },
    ]);
  });

  it('raised from 较大 to 重大 at hour 30: the 48 h timer gives way to 5 h / 24 h timers from the raise; an earlier reply does not count', () => {
    const levels = [
      { at: bj('2026-05-01T10:00'), major: false },
      { at: bj('2026-05-02T16:00'), major: true },
    ];
    const responses: ResponseEvent[] = [{ at: bj('2026-05-01T20:00'), form: 'website' }];
    assert.deepEqual(view(levels, responses, '2026-05-02T22:00'), [
      { kind: 'authoritative', starts: '2026-05-02 16:00', due: '2026-05-02 21:00', met: null, status: 'overdue' },
      { kind: 'press', starts: '2026-05-02 16:00', due: '2026-05-03 16:00', met: null, status: 'running' },
    ]);
  });

  it('一般 → 较大 stays in one class: the 48 h timer keeps its start', () => {
    const levels = [
      { at: bj('2026-05-01T10:00'), major: false },
      { at: bj('2026-05-02T09:00'), major: false },
    ];
    assert.deepEqual(view(levels, [], '2026-05-02T10:00'), [{ kind: 'reply', starts: '2026-05-01 10:00', due: '2026-05-03 10:00', met: null, status: 'running' }]);
  });

  it('重大 raised to 特别重大 at 02:00 stays in the major class: the 5 h / 24 h timers keep their 23:30 start', () => {
    const levels = [
      { at: bj('2026-09-30T23:30'), major: true },
      { at: bj('2026-10-01T02:00'), major: true },
    ];
    assert.deepEqual(
      view(levels, [], '2026-10-01T03:00').map((t) => [t.kind, t.starts, t.due]),
      [
        ['authoritative', '2026-09-30 23:30', '2026-10-01 04:30'],
        ['press', '2026-09-30 23:30', '2026-10-01 23:30'],
      ],
    );
  });

  it('重大 lowered to 一般 at 12:00: the 48 h timer runs from the change; raised again at 20:00, the 5 h / 24 h timers run from 20:00', () => {
    const lowered = [
      { at: bj('2026-05-01T08:00'), major: true },
      { at: bj('2026-05-01T12:00'), major: false },
    ];
    assert.deepEqual(view(lowered, [], '2026-05-01T13:00'), [{ kind: 'reply', starts: '2026-05-01 12:00', due: '2026-05-03 12:00', met: null, status: 'running' }]);
    const again = [...lowered, { at: bj('2026-05-01T20:00'), major: true }];
    assert.deepEqual(
      view(again, [], '2026-05-01T21:00').map((t) => [t.kind, t.due]),
      [
        ['authoritative', '2026-05-02 01:00'],
        ['press', '2026-05-02 20:00'],
      ],
    );
  });

  it('a response recorded for a later time does not count before it happens', () => {
    const t = timersAt([{ at: bj('2026-05-01T08:00'), major: false }], [{ at: bj('2026-05-02T08:00'), form: 'website' }], bj('2026-05-01T09:00'));
    assert.equal(t[0]!.status, 'running');
  });
});

describe('reminders and display', () => {
  const major = timersAt([{ at: bj('2026-09-30T23:30'), major: true }], [], bj('2026-10-01T03:29'));
  it('reminds an hour before the 5 h deadline, four hours before the 24 h one, then once late', () => {
    assert.equal(reminderDue(major[0]!, bj('2026-10-01T03:29')), null);
    assert.equal(reminderDue(major[0]!, bj('2026-10-01T03:30')), 'soon');
    assert.equal(reminderDue(major[0]!, bj('2026-10-01T04:31')), 'late');
    assert.equal(reminderDue(major[1]!, bj('2026-10-01T19:29')), null);
    assert.equal(reminderDue(major[1]!, bj('2026-10-01T19:30')), 'soon');
    const reply = timersAt([{ at: bj('2026-09-30T23:30'), major: false }], [], bj('2026-10-02T15:30'));
    assert.equal(reminderDue(reply[0]!, bj('2026-10-02T15:29')), null);
    assert.equal(reminderDue(reply[0]!, bj('2026-10-02T15:30')), 'soon');
  });
  it('shows the soonest open timer and the time left', () => {
    assert.equal(nextTimer(major)!.kind, 'authoritative');
    assert.equal(formatLeft(61 * 60_000), '还剩1小时1分');
    assert.equal(formatLeft(-(26 * 60 + 5) * 60_000), '已超时26小时5分');
    assert.equal(formatLeft(0), '还剩0分');
  });
});

describe('step checks', () => {
  const base = { state: 'open' as const, done: ['register' as const], registeredAt: bj('2026-05-01T08:00'), at: bj('2026-05-01T09:00'), now: bj('2026-05-01T10:00') };
  it('evaluation comes after a response or a hand-over', () => {
    assert.deepEqual(checkStep('evaluate', base), ['请先记录回应或移交，再进行评估。']);
    assert.deepEqual(checkStep('evaluate', { ...base, done: ['register', 'handover'] }), []);
  });
  it('refuses times in the future or before registration, and anything on a closed item', () => {
    assert.deepEqual(checkStep('consult', { ...base, at: bj('2026-05-01T11:00') }), ['办理时间不能晚于现在。']);
    assert.deepEqual(checkStep('consult', { ...base, at: bj('2026-05-01T07:00') }), ['办理时间不能早于登记时间。']);
    assert.deepEqual(checkStep('respond', { ...base, state: 'closed' }), ['该舆情已评估办结，不能再记录。']);
  });
  it('only the openness office reassigns, to another unit, with a reason', () => {
    assert.deepEqual(checkReassign({ state: 'open', isOffice: true, fromUnitId: 1, toUnitId: 2, reason: '属地管理' }), []);
    assert.deepEqual(checkReassign({ state: 'open', isOffice: false, fromUnitId: 1, toUnitId: 1, reason: ' ' }), ['只有政务公开办可以改派责任单位。', '改派的单位与现责任单位相同。', '请说明改派理由。']);
    assert.deepEqual(checkLevelChange({ state: 'closed', isOffice: true, fromLevelId: 1, toLevelId: 3, reason: '扩散' }), ['该舆情已评估办结，不能调整等级。']);
  });
});

describe('buildBoard', async () => {
  const { buildBoard } = await import('./board.ts');
  const now = bj('2026-05-02T12:00');
  const mk = (code: string, level: string, unit: string, open: boolean, reg: string, major: boolean, responses: ResponseEvent[] = []) => ({ code, title: code, level, levelOrder: 0, unit, open, timers: timersAt([{ at: bj(reg), major }], responses, now) });
  it('counts open and overdue items by level, lists the most urgent first, and late ones per unit', () => {
    const b = buildBoard(
      [
        mk('A', '一般', '市卫健委', true, '2026-04-30T10:00', false), // due 05-02 10:00: overdue by 2 h
        mk('B', '重大', '市应急局', true, '2026-05-02T09:00', true), // 5 h due 14:00: 2 h left
        mk('C', '一般', '市卫健委', false, '2026-04-29T10:00', false, [{ at: bj('2026-05-01T11:00'), form: 'website' }]), // met 1 h late
        mk('D', '较大', '市教育体育局', true, '2026-05-02T08:00', false), // 44 h left
      ],
      ['一般', '较大', '重大', '特别重大'],
    );
    assert.deepEqual(b.byLevel, [
      { level: '一般', open: 1, overdue: 1 },
      { level: '较大', open: 1, overdue: 0 },
      { level: '重大', open: 1, overdue: 0 },
      { level: '特别重大', open: 0, overdue: 0 },
    ]);
    assert.deepEqual(b.open.map((i) => [i.code, i.left! / 3_600_000, i.overdue]), [['A', -2, true], ['B', 2, false], ['D', 44, false]]);
    assert.deepEqual(b.late.map((i) => i.code), ['A', 'C']);
    assert.deepEqual(b.perUnit, [
      { unit: '市卫健委', total: 2, open: 1, late: 2 },
      { unit: '市教育体育局', total: 1, open: 1, late: 0 }, // ties in pinyin order: jiao before ying
      { unit: '市应急局', total: 1, open: 1, late: 0 },
    ]);
  });
});

describe('parseLinks (回应关切 citations)', async () => {
  const { parseLinks } = await import('./concerns.ts');
  it('reads "标题 | 地址" lines, site paths and http(s) only', () => {
    assert.deepEqual(parseLinks('关于调整供水价格的通知 | /records/abc\n\n政策解读 | https://www.example.gov.cn/jd/1'), {
      links: [
        { label: '关于调整供水价格的通知', href: '/records/abc' },
        { label: '政策解读', href: 'https://www.example.gov.cn/jd/1' },
      ],
    });
    assert.equal(parseLinks('坏链接 | javascript:alert(1)').error, '第1行的地址应以 / 或 http:// 、https:// 开头');
    assert.equal(parseLinks('协议相对 | //evil.example').error, '第1行的地址应以 / 或 http:// 、https:// 开头');
    assert.equal(parseLinks('/records/abc').error, '第1行应写成“标题 | 地址”，标题不超过200字');
  });
});
