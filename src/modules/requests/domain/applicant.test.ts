import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applicantColumn, maskAddress, maskApplicant, maskEmail, maskIdNumber, maskName, maskPhone, validateApplication, type ApplicationInput } from './applicant.ts';
import { demoUscc, demoResidentId } from './demo-identities.ts';
import { validateResidentId, validateUscc } from '../../../core/validation/identifiers.ts';

const TODAY = '2026-11-26';
const ID = demoResidentId('19850312', 1);
const base: ApplicationInput = {
  applicantKind: 'person',
  name: '李明华',
  idType: 'resident_id',
  idNumber: ID,
  phone: '13908781234',
  infoDescription: '2026年部门预算',
  forms: ['electronic'],
  delivery: 'download',
};

test('the demo identity numbers and codes are well-formed', () => {
  assert.deepEqual(validateResidentId(ID, TODAY), { ok: true });
  assert.deepEqual(validateUscc(demoUscc('3T8QMA6K')), { ok: true });
});

test('a complete application passes; the three items of 第二十九条 are each required', () => {
  assert.equal(validateApplication(base, TODAY).ok, true);
  const none = validateApplication({}, TODAY);
  assert.equal(none.ok, false);
  assert.deepEqual(!none.ok && none.missingItems, [1, 2, 3]);
  const noContact = validateApplication({ ...base, phone: '' }, TODAY);
  assert.deepEqual(!noContact.ok && noContact.errors, { phone: '请至少填写一种联系方式（电话、电子邮箱或通信地址）' });
  assert.deepEqual(!noContact.ok && noContact.missingItems, [1]);
  const noInfo = validateApplication({ ...base, infoDescription: '' }, TODAY);
  assert.deepEqual(!noInfo.ok && noInfo.missingItems, [2]);
  assert.equal(validateApplication({ ...base, infoDescription: '', infoDocNo: '楚市政通〔2017〕47号' }, TODAY).ok, true, 'a 文号 alone identifies the information');
  const noForm = validateApplication({ ...base, forms: [], delivery: '' }, TODAY);
  assert.deepEqual(!noForm.ok && noForm.missingItems, [3]);
});

test('identity documents: 居民身份证 checked by its check digit, 统一社会信用代码 for organisations, others accepted', () => {
  const wrong = validateApplication({ ...base, idNumber: ID.slice(0, 17) + (ID.endsWith('0') ? '1' : '0') }, TODAY);
  assert.equal(!wrong.ok && wrong.errors.idNumber, '居民身份证号校验位错误');
  assert.equal(validateApplication({ ...base, idType: 'passport', idNumber: 'E12345678' }, TODAY).ok, true);
  const org = validateApplication({ ...base, applicantKind: 'organisation', orgSubtype: 'legal_service', name: '云南示例律师事务所', contactPerson: '郑律师', idType: 'uscc', idNumber: demoUscc('8K2QWMA3') }, TODAY);
  assert.equal(org.ok, true);
  const orgWithId = validateApplication({ ...base, applicantKind: 'organisation', orgSubtype: 'business', contactPerson: '陈工' }, TODAY);
  assert.equal(!orgWithId.ok && orgWithId.errors.idType, '法人或其他组织不能使用“居民身份证”作为身份证明');
  const noSubtype = validateApplication({ ...base, applicantKind: 'organisation', contactPerson: '陈工', idType: 'uscc', idNumber: demoUscc('8K2QWMA3') }, TODAY);
  assert.match((!noSubtype.ok && noSubtype.errors.orgSubtype) || '', /请选择法人或其他组织的类型/);
});

test('delivery needs its address: post → postal address, e-mail → e-mail', () => {
  const post = validateApplication({ ...base, delivery: 'post' }, TODAY);
  assert.equal(!post.ok && post.errors.address, '选择邮寄的，请填写通信地址');
  const mail = validateApplication({ ...base, delivery: 'email' }, TODAY);
  assert.equal(!mail.ok && mail.errors.email, '选择电子邮件的，请填写电子邮箱');
});

test('applicant columns of the annual report', () => {
  assert.equal(applicantColumn('person', null), 'person');
  assert.equal(applicantColumn('organisation', 'research'), 'research');
  assert.equal(applicantColumn('organisation', null), 'other');
});

test('masking for lists, exports and public pages', () => {
  assert.equal(maskIdNumber('532301198503120015'), '532***********0015');
  assert.equal(maskPhone('13908781234'), '139****1234');
  assert.equal(maskPhone('0878-3125566'), '0878-****566');
  assert.equal(maskName('王秀英', 'person'), '王**');
  assert.equal(maskName('楚雄示例建设工程有限公司', 'organisation'), '楚雄示例建设工程有限公司');
  assert.equal(maskEmail('zhang.san@example.cn'), 'z***@example.cn');
  assert.equal(maskAddress('云南省楚雄彝族自治州楚雄市鹿城镇示例路1号'), '云南省楚雄彝族自治州楚雄市****');
  const m = maskApplicant({ applicantKind: 'person', name: '李明华', contactPerson: '', idNumber: ID, phone: '13908781234', email: '', address: '' });
  assert.doesNotMatch(JSON.stringify(m), /13908781234|明华/);
});
