// The unit profile form (机构概况): what each field must hold. Pure: uniqueness and the parent's
// existence are checked by the service against the database.
// 《政府信息公开条例》第二十条第（二）项: 机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名 are published actively.
import type { UnitType } from '../../../core/db/schema.ts';
import { validateEmail, validateMobileOrPhone, validateUscc } from '../../../core/validation/identifiers.ts';
import { UNIT_TYPE_KEYS } from './unit-types.ts';
import { slugProblem } from './slug.ts';

export type Errors = Record<string, string>;

/** The form's fields as typed (already trimmed by the HTTP layer). */
export interface UnitFormInput {
  parentSlug: string;
  name: string;
  shortName: string;
  type: string;
  slug: string;
  uscc: string;
  address: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
  opennessContact: string;
  functions: string;
}

export const UNIT_FORM_FIELDS = [
  'parentSlug',
  'name',
  'shortName',
  'type',
  'slug',
  'uscc',
  'address',
  'officeHours',
  'phone',
  'fax',
  'email',
  'opennessContact',
  'functions',
] as const satisfies readonly (keyof UnitFormInput)[];

/** The profile columns a form sets (slug and parent are handled apart: only a system admin changes them). */
export interface UnitProfile {
  name: string;
  shortName: string;
  type: UnitType;
  uscc: string;
  address: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
  opennessContact: string;
  functions: string;
}

export const UNIT_LIMITS = {
  name: 100,
  shortName: 30,
  address: 200,
  officeHours: 200,
  email: 100,
  opennessContact: 200,
  functions: 5000,
} as const;

const LABELS: Record<keyof typeof UNIT_LIMITS, string> = {
  name: '单位名称',
  shortName: '单位简称',
  address: '办公地址',
  officeHours: '办公时间',
  email: '电子邮箱',
  opennessContact: '政府信息公开工作机构',
  functions: '主要职责',
};

const length = (s: string): number => Array.from(s).length;

export type UnitFormResult =
  | { ok: true; profile: UnitProfile; slug: string; parentSlug: string }
  | { ok: false; errors: Errors };

/**
 * Checks the form. `structural`: slug and parent are part of this submission (a system admin's
 * form); otherwise they are ignored. `parentRequired`: a new unit must hang under a parent.
 */
export function validateUnitForm(input: UnitFormInput, opts: { structural: boolean; parentRequired: boolean }): UnitFormResult {
  const errors: Errors = {};
  const fail = (field: string, message: string) => {
    if (!errors[field]) errors[field] = message;
  };

  if (opts.structural && opts.parentRequired && !input.parentSlug) fail('parentSlug', '请选择上级单位');

  for (const f of ['name', 'shortName'] as const) {
    if (!input[f]) fail(f, `请填写${LABELS[f]}`);
  }
  for (const f of Object.keys(UNIT_LIMITS) as (keyof typeof UNIT_LIMITS)[]) {
    if (length(input[f]) > UNIT_LIMITS[f]) fail(f, `${LABELS[f]}不能超过${UNIT_LIMITS[f]}个字`);
  }

  if (!input.type) fail('type', '请选择单位类型');
  else if (!(UNIT_TYPE_KEYS as string[]).includes(input.type)) fail('type', '请从列表中选择单位类型');

  if (opts.structural) {
    const p = slugProblem(input.slug);
    if (p) fail('slug', p);
  }

  // GB 32100-2015: the 统一社会信用代码 of a public body (机关) is its legal identifier.
  const uscc = validateUscc(input.uscc);
  if (!uscc.ok) fail('uscc', uscc.message);

  if (input.phone) {
    const r = validateMobileOrPhone(input.phone);
    if (!r.ok) fail('phone', r.message);
  }
  if (input.fax) {
    const r = validateMobileOrPhone(input.fax);
    if (!r.ok) fail('fax', r.message.replace('联系电话', '传真号码'));
  }
  if (input.email && !errors.email) {
    const r = validateEmail(input.email);
    if (!r.ok) fail('email', r.message);
  }

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    slug: input.slug,
    parentSlug: input.parentSlug,
    profile: {
      name: input.name,
      shortName: input.shortName,
      type: input.type as UnitType,
      uscc: input.uscc,
      address: input.address,
      officeHours: input.officeHours,
      phone: input.phone,
      fax: input.fax,
      email: input.email,
      opennessContact: input.opennessContact,
      functions: input.functions,
    },
  };
}

/** The fields whose values differ, as before/after maps for the audit summary. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (after[k] !== undefined && after[k] !== before[k]) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}
