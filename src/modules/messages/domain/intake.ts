// What a message must contain, per channel; 编号 and lookup codes. Pure code.
import type { Channel, Kind } from './kinds.ts';
import { KINDS } from './kinds.ts';

export interface IntakeInput {
  kind: string;
  title: string;
  content: string;
  callerName: string;
  callerPhone: string;
  callerEmail: string;
  mailboxUnit: string;
}

export interface Intake {
  kind: Kind;
  title: string;
  content: string;
  callerName: string;
  callerPhone: string;
  callerEmail: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

/**
 * Checks a message. Web forms need a name and a phone so the unit can answer and the caller can be
 * visited (回访); the call-taker needs only the caller's number (name optional). 找错 is always a 意见建议.
 */
export function validateIntake(channel: Channel, input: IntakeInput): { ok: true; value: Intake } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kind = channel === 'site_error' ? 'suggestion' : input.kind;
  if (!kind) errors.kind = '请选择诉求类型';
  else if (!(KINDS as readonly string[]).includes(kind)) errors.kind = '请从列表中选择诉求类型';
  if (channel === 'unit_mailbox' && !input.mailboxUnit) errors.mailboxUnit = '请选择写信的部门或乡镇';
  const title = input.title.trim();
  if (!title) errors.title = channel === 'hotline' ? '请填写来电事由（一句话概括）' : '请填写标题';
  else if ([...title].length > 60) errors.title = '标题不能超过60个字';
  const content = input.content.trim();
  if (!content) errors.content = channel === 'site_error' ? '请写明出错的网页地址和错误内容' : '请填写诉求内容';
  else if ([...content].length < 10) errors.content = '诉求内容至少需要10个字，请写清楚时间、地点和事情经过';
  else if ([...content].length > 3000) errors.content = '诉求内容不能超过3000个字';
  const callerName = input.callerName.trim();
  // 依申请公开转来 (条例 第三十九条): the applicant's data as the request holds it (checked there), with
  // any one way of contact (电话、电子邮箱或通信地址).
  const handedOver = channel === 'from_request';
  if (!callerName && channel !== 'hotline') errors.callerName = '请填写姓名';
  else if ([...callerName].length > 30) errors.callerName = '姓名不能超过30个字';
  const phone = input.callerPhone.replace(/[\s]/g, '');
  if (!phone && !handedOver) errors.callerPhone = channel === 'hotline' ? '请填写来电号码' : '请填写联系电话';
  else if (phone && !handedOver && !MOBILE.test(phone) && !LANDLINE.test(phone)) errors.callerPhone = '电话号码格式不正确，请填写11位手机号或带区号的固定电话，如 0878-3121234';
  const email = input.callerEmail.trim();
  if (email && !handedOver && (!EMAIL.test(email) || email.length > 100)) errors.callerEmail = '电子邮箱格式不正确，如 name@example.cn';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { kind: kind as Kind, title, content, callerName, callerPhone: phone, callerEmail: email } };
}

/** Prefix of message numbers: 互动 (HD). */
export const ITEM_NO_PREFIX = 'HD';

/** HD-2026-000123: per site and year. */
export function formatItemNo(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`年份不正确：${String(year)}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`序号应为正整数：${String(seq)}`);
  return `${ITEM_NO_PREFIX}-${year}-${String(seq).padStart(6, '0')}`;
}

/** Normalises what a person typed (spaces, lower case, full-width) and checks the format. */
export function parseItemNo(s: string): string | null {
  const t = s
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
  return /^HD-\d{4}-\d{6,}$/.test(t) ? t : null;
}
