import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changedFields, validateUnitForm, type UnitFormInput } from './unit-form.ts';
import { slugProblem } from './slug.ts';

const VALID: UnitFormInput = {
  parentSlug: 'city-government',
  name: '楚雄市子午镇人民政府',
  shortName: '子午镇',
  type: 'township',
  slug: 'ziwu',
  uscc: '11532301015122502L',
  address: '云南省楚雄彝族自治州楚雄市子午镇子午街1号',
  officeHours: '周一至周五',
  phone: '0878-3122201',
  fax: '',
  email: '',
  opennessContact: '党政综合办公室',
  functions: '执行本级人民代表大会的决议。',
};

describe('slugProblem', () => {
  const cases: [string, string | undefined][] = [
    ['finance', undefined],
    ['lu-cheng-2', undefined],
    ['ab', undefined],
    ['a', '网址标识应为2—60个字符，当前为1个'],
    ['a'.repeat(61), '网址标识应为2—60个字符，当前为61个'],
    ['Finance', '网址标识只能由小写英文字母、数字和连字符（-）组成'],
    ['财政局', '网址标识只能由小写英文字母、数字和连字符（-）组成'],
    ['fin ance', '网址标识只能由小写英文字母、数字和连字符（-）组成'],
    ['-finance', '网址标识不能以连字符开头或结尾，也不能含连续的连字符'],
    ['fin--ance', '网址标识不能以连字符开头或结尾，也不能含连续的连字符'],
    ['new', '「new」为系统保留字，不能用作网址标识'],
    ['items', '「items」已用作政府信息公开栏目的网址（/openness/items），不能用作单位的网址标识，请换一个'],
    ['reading-guide', '「reading-guide」已用作政府信息公开栏目的网址（/openness/reading-guide），不能用作单位的网址标识，请换一个'],
    ['consultations', '「consultations」已用作政府信息公开栏目的网址（/openness/consultations），不能用作单位的网址标识，请换一个'],
    ['items-office', undefined],
    ['', '请填写网址标识'],
  ];
  for (const [slug, expected] of cases) it(`${JSON.stringify(slug.slice(0, 12))} → ${expected ?? 'ok'}`, () => assert.equal(slugProblem(slug), expected));
});

describe('validateUnitForm', () => {
  it('accepts a complete township form', () => {
    const r = validateUnitForm(VALID, { structural: true, parentRequired: true });
    assert.equal(r.ok, true);
    if (r.ok) {
      assert.equal(r.slug, 'ziwu');
      assert.equal(r.profile.type, 'township');
      assert.equal(r.profile.uscc, '11532301015122502L');
    }
  });

  it('puts the validateUscc message at the uscc field when the check character is wrong', () => {
    const r = validateUnitForm({ ...VALID, uscc: '11532301015122502M' }, { structural: true, parentRequired: true });
    assert.deepEqual(r, { ok: false, errors: { uscc: '统一社会信用代码校验位错误' } });
  });

  it('names every missing or malformed field at once', () => {
    const r = validateUnitForm(
      { ...VALID, parentSlug: '', name: '', shortName: '', type: 'ministry', slug: 'Bad Slug', uscc: '', phone: '3121141', fax: '12345', email: 'x@' },
      { structural: true, parentRequired: true },
    );
    assert.deepEqual(r, {
      ok: false,
      errors: {
        parentSlug: '请选择上级单位',
        name: '请填写单位名称',
        shortName: '请填写单位简称',
        type: '请从列表中选择单位类型',
        slug: '网址标识只能由小写英文字母、数字和连字符（-）组成',
        uscc: '请填写统一社会信用代码',
        phone: '联系电话格式不正确，请填写11位手机号码，或“区号-号码”形式的固定电话，如0878-3123456',
        fax: '传真号码格式不正确，请填写11位手机号码，或“区号-号码”形式的固定电话，如0878-3123456',
        email: '电子邮箱格式不正确，应类似 name@example.com',
      },
    });
  });

  it('ignores slug and parent when they are not part of the submission (a unit admin edits)', () => {
    const r = validateUnitForm({ ...VALID, slug: '', parentSlug: '' }, { structural: false, parentRequired: false });
    assert.equal(r.ok, true);
  });

  it('counts length in characters, not bytes', () => {
    assert.equal(validateUnitForm({ ...VALID, shortName: '镇'.repeat(30) }, { structural: true, parentRequired: true }).ok, true);
    const r = validateUnitForm({ ...VALID, shortName: '镇'.repeat(31) }, { structural: true, parentRequired: true });
    assert.deepEqual(r, { ok: false, errors: { shortName: '单位简称不能超过30个字' } });
  });
});

describe('changedFields', () => {
  it('keeps only the fields whose values differ', () => {
    assert.deepEqual(changedFields({ phone: '0878-3121141', name: '财政局', id: 7 }, { phone: '0878-3121188', name: '财政局' }), {
      before: { phone: '0878-3121141' },
      after: { phone: '0878-3121188' },
    });
  });
});
