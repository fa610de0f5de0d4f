// The office's tables of the content check: what a row of each kind holds, and its checks (plain Chinese,
// one message per field). Pure.
import { isValidIsoDate } from '../../../core/calendar/working-days.ts';
import type { SensitiveLevel } from './defaults.ts';

export const TERM_KINDS = ['leader', 'renamed_org', 'misspelling', 'sensitive'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export const TERM_KIND_LABELS: Record<TermKind, string> = {
  leader: '领导人姓名职务',
  renamed_org: '机构更名',
  misspelling: '易错词',
  sensitive: '敏感词',
};

export interface TermInput {
  kind: TermKind;
  term: string;
  value: string;
  level: SensitiveLevel;
  validFrom: string | null;
  validTo: string | null;
  note: string;
}

export type TermErrors = Partial<Record<'term' | 'value' | 'level' | 'validFrom' | 'validTo' | 'note', string>>;

const MAX = 50;

/** Field labels per kind (the form and the messages use them). */
export const TERM_FIELDS: Record<TermKind, { term: string; value?: string; validFrom?: string; validTo?: string }> = {
  leader: { term: '姓名', value: '职务', validFrom: '任职起始日期', validTo: '任职截止日期' },
  renamed_org: { term: '旧名称', value: '新名称', validFrom: '更名日期' },
  misspelling: { term: '错误写法', value: '正确写法' },
  sensitive: { term: '敏感词' },
};

export function validateTerm(input: TermInput): TermErrors {
  const f = TERM_FIELDS[input.kind];
  const e: TermErrors = {};
  const term = input.term.trim();
  if (!term) e.term = `请填写${f.term}`;
  else if (Array.from(term).length > MAX) e.term = `${f.term}不能超过${MAX}个字`;
  else if (input.kind !== 'sensitive' && Array.from(term).length < 2) e.term = `${f.term}至少2个字`;
  if (f.value) {
    const value = input.value.trim();
    if (!value) e.value = `请填写${f.value}`;
    else if (Array.from(value).length > MAX) e.value = `${f.value}不能超过${MAX}个字`;
    else if (value === term) e.value = `${f.value}与${f.term}相同`;
  }
  if (f.validFrom) {
    if (!input.validFrom) e.validFrom = `请填写${f.validFrom}`;
    else if (!isValidIsoDate(input.validFrom)) e.validFrom = `${f.validFrom}应为有效日期，如 2026-01-01`;
  }
  if (f.validTo && input.validTo) {
    if (!isValidIsoDate(input.validTo)) e.validTo = `${f.validTo}应为有效日期，如 2026-12-31`;
    else if (input.validFrom && isValidIsoDate(input.validFrom) && input.validTo < input.validFrom) e.validTo = `${f.validTo}不能早于${f.validFrom}`;
  }
  if (Array.from(input.note).length > 200) e.note = '说明不能超过200个字';
  return e;
}
