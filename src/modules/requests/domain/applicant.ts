// The applicant and the application form: 《政府信息公开条例》第二十九条 (the three required items),
// applicant types as in the annual report's columns (reference/regulation.md §2.3), identity
// documents, and masking of personal data for lists, exports and public pages. Pure code.
import { validateEmail, validateMobileOrPhone, validateResidentId, validateUscc } from '../../../core/validation/identifiers.ts';

export const APPLICANT_KINDS = ['person', 'organisation'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = { person: '自然人', organisation: '法人或其他组织' };

export const ORG_SUBTYPES = ['business', 'research', 'nonprofit', 'legal_service', 'other'] as const;
export type OrgSubtype = (typeof ORG_SUBTYPES)[number];
export const ORG_SUBTYPE_LABELS: Record<OrgSubtype, string> = {
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
};

/** The annual report's applicant columns (table 三): 自然人 and the five 法人或其他组织 sub-columns. */
export const APPLICANT_COLUMNS = ['person', 'business', 'research', 'nonprofit', 'legal_service', 'other'] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
export const APPLICANT_COLUMN_LABELS: Record<ApplicantColumn, string> = {
  person: '自然人',
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
};

export function applicantColumn(kind: ApplicantKind, subtype: OrgSubtype | null): ApplicantColumn {
  return kind === 'person' ? 'person' : (subtype ?? 'other');
}

export const ID_TYPES = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_id',
  'hmt_residence_permit',
  'uscc',
  'other',
] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent_id: '外国人永久居留身份证',
  hmt_residence_permit: '港澳台居民居住证',
  uscc: '统一社会信用代码',
  other: '其他身份证明',
};
/** Identity documents offered per applicant kind. */
export const ID_TYPES_FOR: Record<ApplicantKind, readonly IdType[]> = {
  person: ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent_id', 'hmt_residence_permit', 'other'],
  organisation: ['uscc', 'other'],
};

export const INFO_FORMS = ['paper', 'electronic', 'inspection'] as const;
export type InfoForm = (typeof INFO_FORMS)[number];
export const INFO_FORM_LABELS: Record<InfoForm, string> = { paper: '纸质', electronic: '电子数据', inspection: '当场查阅、抄录' };

export const DELIVERY_METHODS = ['pickup', 'post', 'email', 'download'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_LABELS: Record<DeliveryMethod, string> = { pickup: '自行领取', post: '邮寄', email: '电子邮件', download: '在线下载' };

/** The label of a stored delivery method; '' (missing from an incomplete letter) reads 待补正. */
export function deliveryLabel(d: string): string {
  return (DELIVERY_LABELS as Record<string, string>)[d] ?? '（待补正）';
}

/** The form as typed (strings from a form or API). */
export interface ApplicationInput {
  applicantKind?: string;
  orgSubtype?: string;
  /** 姓名 (person) or 名称 (organisation). */
  name?: string;
  /** Organisation: 法定代表人或联系人. */
  contactPerson?: string;
  idType?: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
  postcode?: string;
  /** 所需信息的名称或特征性描述. */
  infoDescription?: string;
  /** 文号, when known. */
  infoDocNo?: string;
  forms?: string[];
  delivery?: string;
}

/** The validated application. */
export interface Application {
  applicantKind: ApplicantKind;
  orgSubtype: OrgSubtype | null;
  name: string;
  contactPerson: string;
  idType: IdType;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
  infoDescription: string;
  infoDocNo: string;
  forms: InfoForm[];
  delivery: DeliveryMethod;
}

export type ApplicationCheck =
  | { ok: true; value: Application }
  | { ok: false; errors: Record<string, string>; /** 第二十九条第二款 items (1–3) missing entirely. */ missingItems: (1 | 2 | 3)[] };

const trim = (s: string | undefined) => (s ?? '').trim();

/** Validates the application (第二十九条第二款: all three items required); `today` checks the 身份证 birth date. */
export function validateApplication(input: ApplicationInput, today: string): ApplicationCheck {
  const errors: Record<string, string> = {};
  const missing = new Set<1 | 2 | 3>();
  const kind = trim(input.applicantKind);
  if (!(APPLICANT_KINDS as readonly string[]).includes(kind)) {
    errors.applicantKind = '请选择申请人类型（自然人或法人或其他组织）';
    missing.add(1);
  }
  const applicantKind = kind as ApplicantKind;
  let orgSubtype: OrgSubtype | null = null;
  if (applicantKind === 'organisation') {
    const st = trim(input.orgSubtype);
    if (!(ORG_SUBTYPES as readonly string[]).includes(st)) errors.orgSubtype = '请选择法人或其他组织的类型（商业企业、科研机构、社会公益组织、法律服务机构或其他）';
    else orgSubtype = st as OrgSubtype;
  }
  // 第二十九条第二款第（一）项: 申请人的姓名或者名称、身份证明、联系方式.
  const name = trim(input.name);
  if (!name) {
    errors.name = applicantKind === 'organisation' ? '请填写法人或其他组织的名称' : '请填写申请人姓名';
    missing.add(1);
  } else if (Array.from(name).length > 100) errors.name = '姓名或名称不能超过100个字';
  const contactPerson = trim(input.contactPerson);
  if (applicantKind === 'organisation' && !contactPerson) errors.contactPerson = '请填写法定代表人或联系人姓名';
  const idType = trim(input.idType);
  const idNumber = trim(input.idNumber).toUpperCase();
  if (!(ID_TYPES as readonly string[]).includes(idType)) {
    errors.idType = '请选择身份证明类型';
    missing.add(1);
  } else if (kind && (APPLICANT_KINDS as readonly string[]).includes(kind) && !ID_TYPES_FOR[applicantKind].includes(idType as IdType)) {
    errors.idType = `${APPLICANT_KIND_LABELS[applicantKind]}不能使用“${ID_TYPE_LABELS[idType as IdType]}”作为身份证明`;
  }
  if (!idNumber) {
    errors.idNumber = '请填写身份证明号码';
    missing.add(1);
  } else if (idType === 'resident_id') {
    const r = validateResidentId(idNumber, today);
    if (!r.ok) errors.idNumber = r.message;
  } else if (idType === 'uscc') {
    const r = validateUscc(idNumber);
    if (!r.ok) errors.idNumber = r.message;
  } else if (Array.from(idNumber).length > 50 || !/^[0-9A-Z()（）\-\s]+$/u.test(idNumber)) {
    errors.idNumber = '证件号码只能包含数字、字母和短横线，且不超过50位';
  }
  const phone = trim(input.phone);
  const email = trim(input.email);
  const address = trim(input.address);
  if (!phone && !email && !address) {
    errors.phone = '请至少填写一种联系方式（电话、电子邮箱或通信地址）';
    missing.add(1);
  }
  if (phone) {
    const r = validateMobileOrPhone(phone);
    if (!r.ok) errors.phone = r.message;
  }
  if (email) {
    const r = validateEmail(email);
    if (!r.ok) errors.email = r.message;
  }
  if (Array.from(address).length > 200) errors.address = '通信地址不能超过200个字';
  const postcode = trim(input.postcode);
  if (postcode && !/^\d{6}$/.test(postcode)) errors.postcode = '邮政编码应为6位数字';
  // 第二十九条第二款第（二）项: 政府信息的名称、文号或者便于行政机关查询的其他特征性描述.
  const infoDescription = trim(input.infoDescription);
  const infoDocNo = trim(input.infoDocNo);
  if (!infoDescription && !infoDocNo) {
    errors.infoDescription = '请填写所需政府信息的名称、文号或者便于查询的其他特征性描述';
    missing.add(2);
  } else if (Array.from(infoDescription).length > 2000) errors.infoDescription = '信息描述不能超过2000个字';
  if (Array.from(infoDocNo).length > 100) errors.infoDocNo = '文号不能超过100个字';
  // 第二十九条第二款第（三）项: 形式要求，包括获取信息的方式、途径.
  const forms = [...new Set((input.forms ?? []).map((f) => f.trim()).filter(Boolean))];
  if (!forms.length) {
    errors.forms = '请选择所需信息的形式（纸质、电子数据等）';
    missing.add(3);
  } else if (forms.some((f) => !(INFO_FORMS as readonly string[]).includes(f))) errors.forms = '所选信息形式无效';
  const delivery = trim(input.delivery);
  if (!(DELIVERY_METHODS as readonly string[]).includes(delivery)) {
    errors.delivery = '请选择获取信息的方式（自行领取、邮寄、电子邮件或在线下载）';
    missing.add(3);
  } else if (delivery === 'post' && !address) errors.address = '选择邮寄的，请填写通信地址';
  else if (delivery === 'email' && !email) errors.email = '选择电子邮件的，请填写电子邮箱';
  if (Object.keys(errors).length) return { ok: false, errors, missingItems: [...missing].sort() };
  return {
    ok: true,
    value: {
      applicantKind,
      orgSubtype,
      name,
      contactPerson,
      idType: idType as IdType,
      idNumber,
      phone,
      email,
      address,
      postcode,
      infoDescription,
      infoDocNo,
      forms: forms as InfoForm[],
      delivery: delivery as DeliveryMethod,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Masking (ARCHITECTURE.md §3: personal data never in public pages; masked in lists and exports)
// ---------------------------------------------------------------------------------------------

/** 532301199001011234 → 532***********1234; short numbers keep only the last 2. */
export function maskIdNumber(id: string): string {
  const cs = Array.from(id);
  if (cs.length === 0) return '';
  if (cs.length <= 6) return '*'.repeat(Math.max(0, cs.length - 2)) + cs.slice(-2).join('');
  return cs.slice(0, 3).join('') + '*'.repeat(cs.length - 7) + cs.slice(-4).join('');
}

/** 13912345678 → 139****5678; 0878-3123456 → 0878-****456. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const m = /^(0\d{2,3})-(\d+)(-\d+)?$/.exec(phone);
  if (m) return `${m[1]}-${'*'.repeat(Math.max(0, m[2]!.length - 3))}${m[2]!.slice(-3)}`;
  const cs = Array.from(phone);
  return cs.length <= 4 ? '*'.repeat(cs.length) : '*'.repeat(cs.length - 4) + cs.slice(-4).join('');
}

/** 张三丰 → 张**; organisations are not masked (their names are not personal data). */
export function maskName(name: string, kind: ApplicantKind): string {
  if (kind === 'organisation') return name;
  const cs = Array.from(name);
  return cs.length <= 1 ? '*' : cs[0] + '*'.repeat(cs.length - 1);
}

/** zhang.san@example.cn → z***@example.cn */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return email ? '***' : '';
  return `${email[0]}***${email.slice(at)}`;
}

/** Keeps the administrative part (up to 区/县/市/镇/乡/街道) and hides the rest. */
export function maskAddress(address: string): string {
  if (!address) return '';
  const m = /^(.*?(?:区|县|市|镇|乡|街道))/.exec(address);
  return m && m[1]!.length < address.length ? `${m[1]}****` : '****';
}

export interface ApplicantPersonalData {
  applicantKind: ApplicantKind;
  name: string;
  contactPerson: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
}

/** The masked copy used by every list, export and staff page that has not been "revealed". */
export function maskApplicant<T extends ApplicantPersonalData>(a: T): T {
  return {
    ...a,
    name: maskName(a.name, a.applicantKind),
    contactPerson: a.contactPerson ? maskName(a.contactPerson, 'person') : '',
    idNumber: maskIdNumber(a.idNumber),
    phone: maskPhone(a.phone),
    email: maskEmail(a.email),
    address: maskAddress(a.address),
  };
}
