import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { actionLabel, actionOptionLabel, targetText } from './labels.ts';
import { summaryText, truncate } from './summary.ts';
import { csvCell, csvLine, formatInstantSeconds } from './export.ts';
import { instantRange, likeContains, pageCount } from './filters.ts';

describe('audit labels', () => {
  it('names known actions in Chinese and shows unknown ones raw', () => {
    assert.equal(actionLabel('auth.login'), '登录');
    assert.equal(actionLabel('auth.logout-everywhere'), '全部设备退出');
    assert.equal(actionLabel('calendar.year-corrected'), '更正年度节假日安排');
    assert.equal(actionLabel('seed.units'), '载入演示单位');
    assert.equal(actionLabel('seed.documents'), '载入演示数据（documents）');
    assert.equal(actionLabel('foo.bar'), 'foo.bar');
    assert.equal(actionOptionLabel('auth.locked'), '暂停登录（连续输错密码）（auth.locked）');
    assert.equal(actionOptionLabel('foo.bar'), 'foo.bar');
    assert.equal(targetText('staff_user', '12'), '工作人员账号 #12');
    assert.equal(targetText('thing', '7'), 'thing #7');
  });
});

describe('audit summary text', () => {
  it('puts note, before and after first, with readable key names', () => {
    const s = summaryText({
      after: { holidays: 28, workdays: 7, source: '国办发明电〔2025〕7号' },
      before: null,
      extra: [1, 2],
    });
    assert.equal(s, '修改前：无；修改后：节假日天数=28，调休上班天数=7，依据=国办发明电〔2025〕7号；extra：1、2');
    assert.equal(summaryText({}), '—');
    assert.equal(summaryText({ note: '连续5次密码错误，锁定15分钟' }), '说明：连续5次密码错误，锁定15分钟');
    assert.equal(summaryText({ failedAttempts: 2 }), '连续失败次数：2');
  });

  it('truncates by characters, not bytes', () => {
    assert.equal(truncate('审计日志', 4), '审计日志');
    assert.equal(truncate('审计日志记录', 4), '审计日…');
  });
});

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvLine(['1', null, '中文']), '1,,中文\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('a=b'), 'a=b');
  });
});

describe('dates and pages', () => {
  it('reads legal dates as whole days in Asia/Shanghai', () => {
    const { start, end } = instantRange('2026-11-26', '2026-11-26');
    assert.equal(start?.toISOString(), '2026-11-25T16:00:00.000Z');
    assert.equal(end?.toISOString(), '2026-11-26T16:00:00.000Z');
    assert.deepEqual(instantRange(undefined, undefined), { start: undefined, end: undefined });
    assert.equal(formatInstantSeconds(new Date('2026-11-26T02:03:04.500Z')), '2026-11-26 10:03:04');
    assert.equal(formatInstantSeconds(new Date('2026-11-25T16:00:00Z')), '2026-11-26 00:00:00');
  });

  it('counts pages and escapes LIKE wildcards', () => {
    assert.equal(pageCount(0), 1);
    assert.equal(pageCount(50), 1);
    assert.equal(pageCount(51), 2);
    assert.equal(likeContains('50%_a\\b'), '%50\\%\\_a\\\\b%');
  });
});
