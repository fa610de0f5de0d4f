import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GUIDE_SECTION_KEYS, canEditGuide, changedSectionKeys, defaultGuideSections, missingUnitFields, orderedSections, validateGuideEdit } from './guide.ts';
import type { CurrentUser } from '../../../core/ui/context.ts';

const finance = {
  name: '楚雄市财政局',
  address: '云南省楚雄彝族自治州楚雄市鹿城镇鹿城西路55号',
  officeHours: '周一至周五 上午9:00—12:00，下午14:30—18:00（法定节假日除外）',
  phone: '0878-3121141',
  fax: '0878-3121149',
  email: 'czj@cxs.example.com',
  opennessContact: '办公室 李红梅，0878-3121142',
};

describe('default 政府信息公开指南', () => {
  const sections = defaultGuideSections(finance, '2026-11-26', { superiorName: '楚雄市人民政府', competentOfficeName: '楚雄市人民政府办公室' });
  const text = (key: string) => sections.find((s) => s.key === key)!.body;

  it('has the six sections in order', () => {
    assert.deepEqual(sections.map((s) => s.key), [...GUIDE_SECTION_KEYS]);
    assert.deepEqual(sections.map((s) => s.title), ['说明', '政府信息的分类与编排体系', '主动公开', '依申请公开', '政府信息公开工作机构', '监督方式及程序']);
  });

  it('states the office with the unit data (条例 第十二条)', () => {
    const office = text('office');
    assert.match(office, /机构名称及联系人：办公室 李红梅，0878-3121142/);
    assert.match(office, /联系电话：0878-3121141/);
    assert.match(office, /传真号码：0878-3121149/);
    assert.match(office, /电子邮箱：czj@cxs\.example\.com/);
    assert.match(office, /办公地址：云南省楚雄彝族自治州楚雄市鹿城镇鹿城西路55号/);
    assert.match(office, /办公时间：周一至周五/);
    assert.match(text('overview'), /《楚雄市财政局政府信息公开指南》/);
    assert.match(text('overview'), /2026年11月26日/);
  });

  it('states the time limits and fees', () => {
    assert.match(text('proactive'), /自该政府信息形成或者变更之日起20个工作日内/);
    const r = text('on_request');
    assert.match(r, /包括信件、数据电文在内的书面形式/);
    assert.match(r, /自收到申请之日起20个工作日内予以答复/);
    assert.match(r, /延长的期限最长不超过20个工作日/);
    assert.match(r, /7个工作日内一次性告知申请人作出补正/);
    assert.match(r, /以双方确认之日为收到申请之日/);
    assert.match(r, /不收取费用/);
    assert.match(r, /国办函〔2020〕109号/);
    assert.match(r, /传真至0878-3121149/);
    assert.match(r, /发送电子邮件至czj@cxs\.example\.com/);
  });

  it('names where to complain, with 60 days and 6 months', () => {
    const s = text('supervision');
    assert.match(s, /可以向楚雄市人民政府或者楚雄市人民政府办公室投诉、举报/);
    assert.match(s, /60日内/);
    assert.match(s, /6个月内/);
    const root = defaultGuideSections({ ...finance, name: '楚雄市人民政府' }, '2026-11-26').find((x) => x.key === 'supervision')!.body;
    assert.match(root, /可以向上一级行政机关或者上一级人民政府的政府信息公开工作主管部门投诉、举报/);
    const office = defaultGuideSections({ ...finance, name: '楚雄市人民政府办公室' }, '2026-11-26', { superiorName: '楚雄市人民政府', competentOfficeName: '楚雄市人民政府办公室' });
    assert.match(office.find((x) => x.key === 'supervision')!.body, /可以向楚雄市人民政府投诉、举报/);
  });

  it('marks missing unit data and leaves out channels the unit lacks', () => {
    const bare = { ...finance, fax: '', email: '' };
    assert.deepEqual(missingUnitFields(bare), ['传真号码', '电子邮箱']);
    const s = defaultGuideSections(bare, '2026-11-26');
    assert.match(s.find((x) => x.key === 'office')!.body, /传真号码：（待补充）/);
    assert.doesNotMatch(s.find((x) => x.key === 'on_request')!.body, /传真至|发送电子邮件/);
  });
});

describe('editing the 指南', () => {
  it('requires every section and a reason', () => {
    const sections = Object.fromEntries(GUIDE_SECTION_KEYS.map((k) => [k, 'x'])) as Record<(typeof GUIDE_SECTION_KEYS)[number], string>;
    assert.deepEqual(validateGuideEdit(sections, '更新电话'), {});
    assert.deepEqual(validateGuideEdit({ ...sections, office: ' ' }, ''), { section_office: '请填写“政府信息公开工作机构”部分', reason: '请填写变更说明' });
    assert.equal(validateGuideEdit({ ...sections, fax: 'x' } as never, 'r'.repeat(501)).reason, '变更说明不能超过500个字');
  });

  it('finds changed sections and keeps the standard order', () => {
    const a = defaultGuideSections(finance, '2026-11-26');
    const b = a.map((s) => (s.key === 'office' ? { ...s, body: s.body + '\n邮编：675000' } : s));
    assert.deepEqual(changedSectionKeys(a, b), ['office']);
    const shuffled = [a[5]!, a[0]!, { key: 'legacy', title: '旧栏目', body: '保留' }];
    assert.deepEqual(orderedSections(shuffled, a).map((s) => s.key), [...GUIDE_SECTION_KEYS, 'legacy']);
  });

  it('lets the unit admin and the city-wide office edit, nobody else', () => {
    const user = (roles: CurrentUser['roles'], unitId = 5): CurrentUser => ({ id: 1, username: 'u', displayName: 'u', unitId, unitName: '', rootUnitId: 1, roles, mustChangePassword: false });
    const unit = { id: 5, rootId: 1 };
    assert.equal(canEditGuide(user(['unit_admin']), unit), true);
    assert.equal(canEditGuide(user(['unit_admin'], 6), unit), false);
    assert.equal(canEditGuide(user(['editor', 'reviewer']), unit), false);
    assert.equal(canEditGuide(user(['openness_office'], 2), unit), true);
    assert.equal(canEditGuide(user(['system_admin'], 2), { id: 9, rootId: 8 }), false, 'another city');
  });
});
