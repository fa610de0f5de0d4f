import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_COMMON_SEARCHES, parseCommonSearches, TERMINAL_CODE } from './settings.ts';

describe('kiosk settings', () => {
  it('reads one common search per line, dropping blanks and repeats', () => {
    assert.deepEqual(parseCommonSearches(' 年度报告 \n\n补贴\r\n年度报告\n'), { ok: true, searches: ['年度报告', '补贴'] });
  });
  it('refuses too many or too long searches with a Chinese message', () => {
    const many = Array.from({ length: MAX_COMMON_SEARCHES + 1 }, (_, i) => `查询${i}`).join('\n');
    const r = parseCommonSearches(many);
    assert.equal(r.ok, false);
    assert.match((r as { message: string }).message, /最多 12 条，现有 13 条/);
    assert.equal(parseCommonSearches('一'.repeat(31)).ok, false);
    assert.equal(parseCommonSearches('一'.repeat(30)).ok, true);
  });
  it('terminal codes have no look-alike characters', () => {
    assert.ok(TERMINAL_CODE.test('K7QH3MZ2A'));
    assert.ok(!TERMINAL_CODE.test('K7QH3MZ2O'));
    assert.ok(!TERMINAL_CODE.test('k7QH3MZ2A'));
  });
});
