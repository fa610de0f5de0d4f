import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formFileName, incompleteShare, materialNameProblem, publishProblems, type GuideData } from './guide.ts';

const guide: GuideData = {
  name: '临时救助申请',
  itemType: '行政给付',
  basis: '《社会救助暂行办法》第四十七条',
  conditions: '因火灾、交通事故等意外事件导致基本生活暂时出现严重困难的家庭',
  process: '申请→受理→审核→审批→发放',
  place: '楚雄市政务服务中心民政窗口',
  hours: '周一至周五 9:00-12:00，14:30-17:30（法定节假日除外）',
  legalLimitDays: 20,
  promisedLimitDays: 10,
  fee: '不收费',
  consultPhone: '0878-3123456',
  complaintPhone: '12345',
  delivery: '银行代发',
  remedy: '行政复议、行政诉讼',
  audience: '个人',
  theme: '社会保障',
  materials: [{ name: '临时救助申请书', required: true, form: '原件', copies: 1, note: '' }],
};

describe('办事指南 key elements (国办秘函〔2019〕19号)', () => {
  it('a complete guide can be published', () => assert.deepEqual(publishProblems(guide), {}));
  it('names each missing key element at its field', () => {
    assert.deepEqual(publishProblems({ ...guide, place: '', consultPhone: ' ', materials: [] }), {
      materials: '缺少重点要素“申请材料”：请至少列出一项申请材料',
      place: '缺少重点要素“办理地点”，办事指南不能发布',
      consultPhone: '缺少重点要素“咨询电话”，办事指南不能发布',
    });
  });
  it('refuses "其他材料" and its kin, accepts a named material', () => {
    for (const n of ['其他材料', '有关材料', '相关材料', '其他相关材料', '其它资料']) assert.ok(materialNameProblem(n), n);
    assert.equal(materialNameProblem('其他家庭成员的户口簿'), undefined);
    assert.match(publishProblems({ ...guide, materials: [...guide.materials, { name: '其他材料', required: false, form: '复印件', copies: 1, note: '' }] })['material-1']!, /兜底表述/);
  });
  it('the promised limit may not exceed the legal one (优化营商环境条例 第三十六条)', () => {
    assert.equal(publishProblems({ ...guide, promisedLimitDays: 25 }).promisedLimit, '承诺办结时限（25个工作日）不能超过法定办结时限（20个工作日）');
  });
  it('reports the share of incomplete guides', () => assert.equal(incompleteShare([guide, { ...guide, hours: '' }, guide, guide]), 25));
  it('names form files after the guide and material', () => {
    assert.equal(formFileName('临时救助申请', '临时救助申请书', 'blank', 'docx'), '临时救助申请-临时救助申请书-空白表格.docx');
    assert.equal(formFileName('a/b', 'c:d', 'sample', 'pdf'), 'ab-cd-示例样表.pdf');
  });
});
