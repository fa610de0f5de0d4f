import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultGuideSections, GUIDE_SECTION_KEYS, type GuideSectionKey } from './guide.ts';
import { guideElementErrors, missingGuideElements } from './guide-elements.ts';

const finance = {
  name: '楚雄市财政局',
  address: '云南省楚雄彝族自治州楚雄市鹿城镇鹿城西路55号',
  officeHours: '周一至周五 上午9:00—12:00，下午14:30—18:00（法定节假日除外）',
  phone: '0878-3121141',
  fax: '0878-3121149',
  email: 'czj@cxs.example.com',
  opennessContact: '办公室 李红梅，0878-3121142',
};

function sectionsOf(unit = finance): Record<GuideSectionKey, string> {
  const list = defaultGuideSections(unit, '2026-11-26', { superiorName: '楚雄市人民政府', competentOfficeName: '楚雄市人民政府办公室' });
  return Object.fromEntries(list.map((s) => [s.key, s.body])) as Record<GuideSectionKey, string>;
}

const labels = (s: Partial<Record<GuideSectionKey, string>>) => missingGuideElements(s).map((e) => e.label);

describe('the elements 第十二条 requires in a 指南', () => {
  it('the generated 指南 of a unit with complete data states them all', () => {
    assert.deepEqual(labels(sectionsOf()), []);
    assert.deepEqual(guideElementErrors(sectionsOf()), {});
  });

  it('a guide of names and one-line sections lacks every element, each named at its section', () => {
    const bare = {
      ...sectionsOf(),
      office: '楚雄市财政局办公室',
      on_request: '可以申请。',
      supervision: '可以投诉。',
    };
    assert.deepEqual(labels(bare), [
      '受理机构名称',
      '办公地址',
      '办公时间',
      '联系电话',
      '传真号码（没有传真的写“无”）',
      '电子邮箱或互联网联系方式',
      '申请的程序（提出申请的方式和答复期限）',
      '信息处理费的收取规定',
      '受理投诉、举报的机关',
      '行政复议机关',
      '受理行政诉讼的人民法院',
    ]);
    const errors = guideElementErrors(bare);
    assert.deepEqual(Object.keys(errors).sort(), ['section_office', 'section_on_request', 'section_supervision']);
    assert.equal(
      errors.section_supervision,
      '“监督方式及程序”部分缺少《条例》第十二条要求写明的内容：受理投诉、举报的机关；行政复议机关；受理行政诉讼的人民法院。请补充后再发布',
    );
  });

  // One line changed in the generated text → what is missing.
  const cases: [string, GuideSectionKey, (t: string) => string, string[]][] = [
    ['fax left 待补充', 'office', (t) => t.replace('传真号码：0878-3121149', '传真号码：（待补充）'), ['传真号码（没有传真的写“无”）']],
    ['no fax, written 无', 'office', (t) => t.replace('传真号码：0878-3121149', '传真号码：无'), []],
    ['phone without a number', 'office', (t) => t.replace('联系电话：0878-3121141', '联系电话：见网站'), ['联系电话']],
    ['address 待补充', 'office', (t) => t.replace(/办公地址：.*/, '办公地址：（待补充）'), ['办公地址']],
    ['no e-mail but the online channel', 'office', (t) => t.replace(/电子邮箱：.*/, '电子邮箱：无'), []],
    ['neither e-mail nor online channel', 'office', (t) => t.replace(/电子邮箱：.*/, '电子邮箱：无').replace(/互联网联系方式：.*/, ''), ['电子邮箱或互联网联系方式']],
    ['no reply period', 'on_request', (t) => t.replace(/\d+个工作日/g, '规定期限'), ['申请的程序（提出申请的方式和答复期限）']],
    ['fees without the 信息处理费', 'on_request', (t) => t.replace(/（七）收费。.*/, '（七）收费。不收取费用。'), ['信息处理费的收取规定']],
    ['review body not named', 'supervision', (t) => t.replace(/（二）行政复议。.*/, '（二）行政复议。可以申请行政复议。'), ['行政复议机关']],
    ['court not named', 'supervision', (t) => t.replace(/（三）行政诉讼。.*/, '（三）行政诉讼。可以提起行政诉讼。'), ['受理行政诉讼的人民法院']],
    ['named review body', 'supervision', (t) => t.replace(/（二）行政复议。.*/, '（二）行政复议。可以向楚雄市人民政府申请行政复议。'), []],
  ];
  for (const [name, key, edit, expected] of cases) {
    it(name, () => {
      const s = sectionsOf();
      const edited = { ...s, [key]: edit(s[key]) };
      assert.notEqual(edited[key], s[key], 'the edit applies');
      assert.deepEqual(labels(edited), expected);
    });
  }

  it('checks only what it is given: an empty section lacks its elements', () => {
    const empty = Object.fromEntries(GUIDE_SECTION_KEYS.map((k) => [k, ''])) as Record<GuideSectionKey, string>;
    assert.equal(missingGuideElements(empty).length, 11);
  });
});
