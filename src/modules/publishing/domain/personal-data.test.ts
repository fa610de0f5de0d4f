import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findPersonalData } from './personal-data.ts';

const today = '2026-12-07';

describe('personal data in a record (a warning for the reviewer)', () => {
  it('finds checksum-valid 身份证号 and mobile numbers, and nothing else', () => {
    // 532301199001011238: Σ(digit × weight) over the first 17 = 202, 202 mod 11 = 4 → check character 8.
    const cases: [string, string[]][] = [
      ['申请人张三，身份证号532301199001011238，联系电话13908781234。', ['resident_id 532301********1238', 'mobile 139****1234']],
      ['身份证号532301199001011237（校验位错误）', []],
      ['身份证号53230119900101123x', []], // check character X is wrong for this number
      ['联系电话：0878-3123456', []], // a landline
      ['手机 139-0878-5678 或 139 0878 5679', ['mobile 139****5678', 'mobile 139****5679']],
      ['银行账号6222021234567890123', []], // 19 digits: neither
      ['订单号 A532301199001011238', []], // inside a longer code
      ['编号113908781234', []], // 12 digits
      ['532301199001011238 与 532301199001011238 重复', ['resident_id 532301********1238']],
    ];
    for (const [text, expected] of cases) {
      const hits = findPersonalData([{ where: '正文', text }], today);
      assert.deepEqual(
        hits.map((h) => `${h.kind} ${h.masked}`),
        expected,
        text,
      );
    }
  });
  it('names the place of each hit', () => {
    const hits = findPersonalData(
      [
        { where: '标题', text: '关于发放补贴的公示' },
        { where: '附件“名单.xlsx”', text: '李四 532301199001011238 13908781234' },
      ],
      today,
    );
    assert.deepEqual(
      hits.map((h) => h.where),
      ['附件“名单.xlsx”', '附件“名单.xlsx”'],
    );
  });
});
