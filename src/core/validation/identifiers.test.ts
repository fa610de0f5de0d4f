import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  orgCodeCheckChar,
  usccCheckChar,
  validateEmail,
  validateMobileOrPhone,
  validateResidentId,
  validateUscc,
} from './identifiers.ts';

const TODAY = '2025-06-30';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // Every value below was also checked with a separate Python implementation of both check characters.
  const valid: [string, string][] = [
    ['91350100M000100Y43', 'published code used as the example in the brief'],
    ['91110000802100433B', 'published enterprise code (Beijing)'],
    ['914403001922038216', 'published enterprise code (Shenzhen)'],
    ['115323010151200721', 'computed: 机关 in 楚雄市'],
    ['1153230101512070X5', 'computed: 组织机构代码 with check character X'],
    ['11532301015120144R', 'computed: letter check character'],
    ['91532301MA6K3B2R60', 'computed: enterprise with MA… 主体标识码'],
    ['52532301MJ1A0C5D1G', 'computed: 民办非企业单位'],
    ['125323004311234598', 'computed: 事业单位 registered at 楚雄州 level'],
    ['93532301MA6NXY7P0U', 'computed: 农民专业合作社'],
    ['Y1532301MC3G8E1A45', 'computed: 其他登记管理部门'],
  ];
  for (const [code, why] of valid) {
    it(`accepts ${code} (${why})`, () => assert.deepEqual(validateUscc(code), { ok: true }));
  }

  const invalid: [string, string][] = [
    ['', '请填写统一社会信用代码'],
    ['91350100M000100Y4', '统一社会信用代码应为18位，当前为17位'],
    ['91350100M000100Y433', '统一社会信用代码应为18位，当前为19位'],
    ['91350100I000100Y43', '统一社会信用代码含有不允许的字符「I」'],
    ['91350100O000100Y43', '统一社会信用代码含有不允许的字符「O」'],
    ['9135010OM000100Y4Z', '统一社会信用代码含有不允许的字符「O」'],
    ['91350100M000100YS3', '统一社会信用代码含有不允许的字符「S」'],
    ['91350100M000100Y4V', '统一社会信用代码含有不允许的字符「V」'],
    ['91350100M000100Y4Z', '统一社会信用代码含有不允许的字符「Z」'],
    ['91350100m000100y43', '统一社会信用代码的字母应为大写，含有小写字母「m」'],
    ['91350100M000 100Y4', '统一社会信用代码中不应有空格'],
    ['９1350100M000100Y43', '统一社会信用代码含有不允许的字符「９」'],
    ['B1350100M000100Y43', '统一社会信用代码第1位（登记管理部门代码）「B」无效'],
    ['94350100M000100Y43', '统一社会信用代码第2位（机构类别代码）「4」对登记管理部门「工商（市场监管）」无效'],
    ['Y2532301MC3G8E1A45', '统一社会信用代码第2位（机构类别代码）「2」对登记管理部门「其他」无效'],
    ['9135A100M000100Y43', '统一社会信用代码第3—8位应为行政区划码（6位数字）'],
    ['91350100M000100Y53', '统一社会信用代码第9—17位（组织机构代码）的校验位错误'],
    ['91350100M000100Y44', '统一社会信用代码校验位错误'],
    ['91350100M000100Y40', '统一社会信用代码校验位错误'],
    ['115323010151200722', '统一社会信用代码校验位错误'],
    ['915323010151200721', '统一社会信用代码校验位错误'],
  ];
  for (const [code, message] of invalid) {
    it(`rejects ${JSON.stringify(code)}: ${message}`, () => assert.deepEqual(validateUscc(code), { ok: false, message }));
  }

  it('detects a single changed character anywhere in the first 17', () => {
    const code = '115323010151200721';
    for (let i = 0; i < 17; i++) {
      const changed = code.slice(0, i) + (code[i] === '3' ? '4' : '3') + code.slice(i + 1);
      assert.equal(validateUscc(changed).ok, false, `position ${i + 1}: ${changed}`);
    }
  });

  it('computes check characters, mapping 31 to 0', () => {
    assert.equal(usccCheckChar('91350100M000100Y4'), '3');
    assert.equal(usccCheckChar('11532301015120144'), 'R');
    // Σ = 0 → 31 − 0 = 31 → written as 0.
    assert.equal(usccCheckChar('00000000000000000'), '0');
    assert.throws(() => usccCheckChar('91350100M000100Y'), RangeError);
    assert.throws(() => usccCheckChar('91350100M000100I4'), RangeError);
  });

  it('computes GB 11714 组织机构代码 check characters, with X for 10 and 0 for 11', () => {
    assert.equal(orgCodeCheckChar('M000100Y'), '4');
    assert.equal(orgCodeCheckChar('01512070'), 'X');
    assert.equal(orgCodeCheckChar('00000000'), '0');
  });
});

describe('居民身份证号 (GB 11643-1999)', () => {
  // Check characters computed independently (Python) with weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2.
  const valid: [string, string][] = [
    ['11010519491231002X', 'sample number with check character X'],
    ['11010519491231002x', 'lower-case x accepted'],
    ['440524188001010014', 'sample number born 1880'],
    ['532301198506151231', '楚雄市 address code'],
    ['532301200002290043', 'born on 29 February of a leap year (2000)'],
    ['532301199912311055', 'born on 31 December'],
  ];
  for (const [id, why] of valid) {
    it(`accepts ${id} (${why})`, () => assert.deepEqual(validateResidentId(id, TODAY), { ok: true }));
  }

  it('accepts a birth date equal to today', () => {
    const first17 = '53230120250630123';
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...first17].reduce((s, c, i) => s + Number(c) * (weights[i] as number), 0);
    const id = first17 + '10X98765432'[sum % 11];
    assert.deepEqual(validateResidentId(id, TODAY), { ok: true });
  });

  const invalid: [string, string][] = [
    ['', '请填写居民身份证号'],
    ['53230119850615123', '居民身份证号应为18位，当前为17位'],
    ['532301850615123', '居民身份证号应为18位，当前为15位'],
    ['5323011985061512311', '居民身份证号应为18位，当前为19位'],
    ['53230119850615123Y', '居民身份证号前17位应为数字，最后一位为数字或X'],
    ['5323011985061512X1', '居民身份证号前17位应为数字，最后一位为数字或X'],
    ['032301198506151231', '居民身份证号前6位（地址码）无效'],
    ['532301199902300011', '居民身份证号中的出生日期「19990230」无效'],
    ['532301190002290011', '居民身份证号中的出生日期「19000229」无效'],
    ['532301198513010011', '居民身份证号中的出生日期「19851301」无效'],
    ['532301198504310011', '居民身份证号中的出生日期「19850431」无效'],
    ['532301198506000011', '居民身份证号中的出生日期「19850600」无效'],
    ['532301179912310011', '居民身份证号中的出生日期「17991231」无效'],
    ['532301202507010011', '居民身份证号中的出生日期晚于今天'],
    ['532301203001010011', '居民身份证号中的出生日期晚于今天'],
    ['532301198506151232', '居民身份证号校验位错误'],
    ['11010519491231002Y', '居民身份证号前17位应为数字，最后一位为数字或X'],
    ['110105194912310021', '居民身份证号校验位错误'],
  ];
  for (const [id, message] of invalid) {
    it(`rejects ${JSON.stringify(id)}: ${message}`, () =>
      assert.deepEqual(validateResidentId(id, TODAY), { ok: false, message }));
  }

  it('refuses a malformed today (programming error)', () => {
    assert.throws(() => validateResidentId('532301198506151231', '2025/06/30'), RangeError);
    assert.throws(() => validateResidentId('532301198506151231', '2025-02-30'), RangeError);
  });
});

describe('联系电话', () => {
  const valid = ['13912345678', '19987654321', '0878-3123456', '0878-3123456-801', '010-62345678', '0871-63123456'];
  for (const s of valid) it(`accepts ${s}`, () => assert.deepEqual(validateMobileOrPhone(s), { ok: true }));

  const invalid = [
    '12912345678', // no mobile numbers start 12
    '1391234567', // 10 digits
    '139123456789', // 12 digits
    '08783123456', // landline without the hyphen
    '878-3123456', // area code without 0
    '0878-123456', // local number too short
    '0878-0123456', // local number cannot start with 0
    '0878-3123456-', // empty extension
    '0878-3123456-8012345', // extension too long
    '+86 13912345678',
    '139 1234 5678',
  ];
  for (const s of invalid) {
    it(`rejects ${JSON.stringify(s)}`, () => {
      const r = validateMobileOrPhone(s);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message, /联系电话格式不正确/);
    });
  }
  it('asks for a value when empty', () =>
    assert.deepEqual(validateMobileOrPhone(''), { ok: false, message: '请填写联系电话' }));
});

describe('电子邮箱', () => {
  const valid = ['gkb@cxs.example.com', 'zhang.san+foi@example.org', 'a_b-c@mail.example.gov.cn', 'X@Y.CN'];
  for (const s of valid) it(`accepts ${s}`, () => assert.deepEqual(validateEmail(s), { ok: true }));

  const invalid = [
    'plainaddress',
    '@example.com',
    'name@',
    'name@example',
    'name@@example.com',
    'name@example..com',
    'name@-example.com',
    '.name@example.com',
    'na..me@example.com',
    'name @example.com',
    '张三@example.com',
    'name@example.c0m',
  ];
  for (const s of invalid) it(`rejects ${JSON.stringify(s)}`, () => assert.equal(validateEmail(s).ok, false));

  it('limits lengths (RFC 5321)', () => {
    assert.deepEqual(validateEmail(`${'a'.repeat(65)}@example.com`), { ok: false, message: '电子邮箱地址过长' });
    assert.deepEqual(validateEmail(`${'a'.repeat(64)}@example.com`), { ok: true });
  });
  it('asks for a value when empty', () => assert.deepEqual(validateEmail(''), { ok: false, message: '请填写电子邮箱' }));
});
