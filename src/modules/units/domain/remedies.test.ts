import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultRemedies, remedyContext, resolveRemedies, superiorAreaFromAddress, validateRemedySetting, type RemedyUnit } from './remedies.ts';

const CITY = { name: '楚雄市人民政府', address: '云南省楚雄彝族自治州楚雄市鹿城镇鹿城南路' };
// The site settings left empty: everything follows from the city's name and address.
const ctx = remedyContext(CITY);

describe('the bodies above the city', () => {
  it('reads the 自治州 from the address and names the courts after the places', () => {
    assert.deepEqual(ctx, {
      cityGovernment: '楚雄市人民政府',
      superiorGovernment: '楚雄彝族自治州人民政府',
      basicCourt: '楚雄市人民法院',
      intermediateCourt: '楚雄彝族自治州中级人民法院',
    });
    assert.equal(superiorAreaFromAddress('云南省昆明市五华区人民中路', '五华区'), '昆明市');
    assert.equal(superiorAreaFromAddress('鹿城南路1号', '楚雄市'), '');
  });
  it('takes the site settings where they are filled', () => {
    const c = remedyContext(CITY, { superiorGovernment: '', basicCourt: '禄丰市人民法院', intermediateCourt: '' });
    assert.equal(c.basicCourt, '禄丰市人民法院');
    assert.equal(c.superiorGovernment, '楚雄彝族自治州人民政府');
  });
});

describe('default 行政复议机关 and 人民法院 by kind of unit (行政复议法 2023)', () => {
  const unit = (name: string, type: RemedyUnit['type'], isRoot = false): RemedyUnit => ({ name, type, isRoot });
  // [unit, review body, court, article in the basis]
  const cases: [RemedyUnit, string, string, string][] = [
    [unit('楚雄市人民政府', 'government', true), '楚雄彝族自治州人民政府', '楚雄彝族自治州中级人民法院', '第二十四条第一款第（二）项'],
    [unit('楚雄市财政局', 'department'), '楚雄市人民政府', '楚雄市人民法院', '第二十四条第一款第（一）项'],
    [unit('楚雄市公安局', 'department'), '楚雄市人民政府', '楚雄市人民法院', '第二十四条第一款第（一）项'],
    [unit('东瓜镇人民政府', 'township'), '楚雄市人民政府', '楚雄市人民法院', '第二十四条第一款第（二）项'],
    [unit('国家税务总局楚雄市税务局', 'other'), '国家税务总局楚雄彝族自治州税务局', '楚雄市人民法院', '第二十七条'],
    [unit('楚雄州生态环境局楚雄分局', 'other'), '楚雄彝族自治州人民政府', '楚雄市人民法院', '第二十四条第四款'],
  ];
  for (const [u, review, court, article] of cases) {
    it(`${u.name} → ${review}, ${court} (${article})`, () => {
      const d = defaultRemedies(u, ctx);
      assert.ok(d);
      assert.equal(d.reviewBody, review);
      assert.equal(d.court, court);
      assert.ok(d.basis.includes(article), d.basis);
    });
  }
  it('has no default for another kind of unit (档案馆, 经开区管委会)', () => {
    assert.equal(defaultRemedies(unit('楚雄市档案馆', 'other'), ctx), undefined);
    assert.equal(defaultRemedies(unit('楚雄经济技术开发区管理委员会', 'other'), ctx), undefined);
  });
  it('names no 上一级人民政府 it does not know: no default for the city then', () => {
    const bare = remedyContext({ name: '楚雄市人民政府', address: '鹿城南路1号' });
    assert.equal(defaultRemedies(unit('楚雄市人民政府', 'government', true), bare), undefined);
  });
});

describe('what a unit names: its setting, its default, the city-wide value, the generic text', () => {
  const finance = { name: '楚雄市财政局', type: 'department' as const, isRoot: false, reviewBody: '', court: '' };
  const archives = { name: '楚雄市档案馆', type: 'other' as const, isRoot: false, reviewBody: '', court: '' };
  it('uses the default of its kind before the city-wide value', () => {
    const r = resolveRemedies(finance, ctx, { reviewBody: '某机关', court: '某法院' });
    assert.deepEqual([r.reviewBody, r.court, r.source.reviewBody], ['楚雄市人民政府', '楚雄市人民法院', 'default']);
  });
  it("uses the unit's own setting first", () => {
    const r = resolveRemedies({ ...finance, court: '禄丰市人民法院' }, ctx, { court: '某法院' });
    assert.deepEqual([r.reviewBody, r.court, r.source.court], ['楚雄市人民政府', '禄丰市人民法院', 'unit']);
  });
  it("uses the city-wide value where no default applies, else the city government and the 基层人民法院 where the unit sits", () => {
    assert.deepEqual(resolveRemedies(archives, ctx, { reviewBody: '某机关', court: '' }).reviewBody, '某机关');
    const r = resolveRemedies(archives, ctx);
    assert.deepEqual([r.reviewBody, r.court, r.source.reviewBody, r.source.court], ['楚雄市人民政府', '楚雄市人民法院', 'generic', 'generic']);
    const zone = resolveRemedies({ name: '楚雄经济技术开发区管理委员会', type: 'other', isRoot: false, reviewBody: '', court: '' }, ctx);
    assert.deepEqual([zone.reviewBody, zone.court], ['楚雄市人民政府', '楚雄市人民法院']);
  });
  it('checks the setting', () => {
    assert.deepEqual(validateRemedySetting({ reviewBody: '', court: '' }), {});
    assert.deepEqual(validateRemedySetting({ reviewBody: '', court: '禄丰市' }), { court: '请填写人民法院的全称，如：楚雄市人民法院' });
    assert.ok(validateRemedySetting({ reviewBody: '机'.repeat(101), court: '' }).reviewBody);
  });
});
