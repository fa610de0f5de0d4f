// Form and query validation with plain Chinese messages per field (GOV.UK error-summary pattern).
import { isValidIsoDate } from '../calendar/working-days.ts';
import { asciiDigits } from '../validation/numbers.ts';

export type FieldErrors = Record<string, string>;

export interface TextRule {
  label: string;
  required?: boolean;
  max?: number;
  min?: number;
  pattern?: RegExp;
  patternMessage?: string;
  /** Extra check returning a message, or undefined when fine. */
  check?: (value: string) => string | undefined;
}

/** Collects values and errors from an untrusted body: anything that is not a plain object counts as empty. */
export class FormReader {
  readonly errors: FieldErrors = {};
  /** The raw text of each field read, to refill the form. */
  readonly values: Record<string, string> = {};
  private readonly body: Record<string, unknown>;

  constructor(body: unknown) {
    this.body = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  fail(field: string, message: string): void {
    if (!this.errors[field]) this.errors[field] = message;
  }

  raw(field: string): string {
    const v = this.body[field];
    const item = Array.isArray(v) ? v[0] : v;
    // Multipart fields arrive as { type: 'field', value }.
    const first = item && typeof item === 'object' && (item as { type?: unknown }).type === 'field' ? (item as { value?: unknown }).value : item;
    if (typeof first === 'string') return first;
    if (typeof first === 'number' || typeof first === 'boolean') return String(first);
    return '';
  }

  /** All values of a multi-valued field (checkbox groups). */
  list(field: string, label: string, allowed: readonly string[]): string[] {
    const v = this.body[field];
    const arr = (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v])
      .map((x) => (x && typeof x === 'object' && (x as { type?: unknown }).type === 'field' ? (x as { value?: unknown }).value : x))
      .filter((x) => typeof x === 'string') as string[];
    const bad = arr.filter((x) => !allowed.includes(x));
    if (bad.length) this.fail(field, `${label}包含无效的选项`);
    this.values[field] = arr.join(',');
    return [...new Set(arr.filter((x) => allowed.includes(x)))];
  }

  text(field: string, rule: TextRule): string {
    const value = normaliseText(this.raw(field));
    this.values[field] = value;
    if (!value) {
      if (rule.required) this.fail(field, `请填写${rule.label}`);
      return '';
    }
    if (rule.max !== undefined && [...value].length > rule.max) {
      this.fail(field, `${rule.label}不能超过${rule.max}个字`);
    } else if (rule.min !== undefined && [...value].length < rule.min) {
      this.fail(field, `${rule.label}至少需要${rule.min}个字`);
    } else if (rule.pattern && !rule.pattern.test(value)) {
      this.fail(field, rule.patternMessage ?? `${rule.label}格式不正确`);
    } else if (rule.check) {
      const msg = rule.check(value);
      if (msg) this.fail(field, msg);
    }
    return value;
  }

  choice<T extends string>(field: string, label: string, allowed: readonly T[], required = true): T | undefined {
    const value = this.raw(field).trim();
    this.values[field] = value;
    if (!value) {
      if (required) this.fail(field, `请选择${label}`);
      return undefined;
    }
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(field, `请从列表中选择${label}`);
      return undefined;
    }
    return value as T;
  }

  date(field: string, label: string, required = true): string | undefined {
    const value = this.raw(field).trim();
    this.values[field] = value;
    if (!value) {
      if (required) this.fail(field, `请填写${label}`);
      return undefined;
    }
    if (!isValidIsoDate(value)) {
      this.fail(field, `${label}应为有效日期，格式如 2025-10-24`);
      return undefined;
    }
    return value;
  }

  integer(field: string, label: string, opts: { min?: number; max?: number; required?: boolean } = {}): number | undefined {
    const typed = this.raw(field).trim();
    this.values[field] = typed;
    // Full-width digits (０–９) from a Chinese input method are the same number.
    const value = asciiDigits(typed);
    if (!value) {
      if (opts.required ?? true) this.fail(field, `请填写${label}`);
      return undefined;
    }
    if (!/^-?\d{1,15}$/.test(value)) {
      this.fail(field, `${label}应为整数`);
      return undefined;
    }
    const n = Number(value);
    if (opts.min !== undefined && n < opts.min) this.fail(field, `${label}不能小于${opts.min}`);
    else if (opts.max !== undefined && n > opts.max) this.fail(field, `${label}不能大于${opts.max}`);
    return n;
  }

  checkbox(field: string): boolean {
    const v = this.raw(field);
    this.values[field] = v ? 'on' : '';
    return v === 'on' || v === 'true' || v === '1';
  }
}

/** Trims, unifies line breaks and drops control characters that no form field should carry. */
export function normaliseText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
}

export interface UploadedFile {
  filename: string;
  mimetype: string;
  bytes: Buffer;
}

/** The uploaded file of a multipart form field, if one was chosen (an empty file input sends none). */
export function uploadedFile(body: unknown, field: string): UploadedFile | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const v = (body as Record<string, unknown>)[field];
  const part = (Array.isArray(v) ? v[0] : v) as { type?: string; filename?: string; mimetype?: string; _buf?: Buffer } | undefined;
  if (!part || part.type !== 'file' || !part._buf || !part.filename) return undefined;
  return { filename: part.filename, mimetype: part.mimetype ?? 'application/octet-stream', bytes: part._buf };
}
