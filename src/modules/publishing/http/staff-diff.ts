// Comparing two versions of a record for the staff pages: field by field for metadata, line by line
// (longest common subsequence) for the body text. Pure.
import { htmlToPlainText } from '../../../core/html/sanitize.ts';
import {
  DISCLOSURE_LABELS,
  DOC_TYPE_LABELS,
  FIELD_LABELS,
  GENERAL_COLUMN_LABELS,
  groundLabel,
  INTERPRETATION_FORM_LABELS,
  STATE_LABELS,
  VALIDITY_LABELS,
  type Disclosure,
  type DocType,
  type GeneralColumn,
  type InterpretationForm,
  type RecordState,
  type Validity,
} from '../domain/vocab.ts';

/** The comparable fields of a record input or snapshot (all optional: old snapshots may lack some). */
export interface Comparable {
  kind?: string;
  interpretationForm?: string | null;
  catalogItemId?: number | null;
  generalColumn?: string | null;
  title?: string;
  publisherName?: string;
  docNo?: string;
  writtenOn?: string;
  formedOn?: string;
  subject?: string;
  genre?: string;
  docType?: string;
  needsInterpretation?: boolean;
  keywords?: string[];
  summary?: string;
  bodyHtml?: string;
  disclosure?: string;
  disclosureGrounds?: string[];
  disclosureNote?: string;
  reevaluateOn?: string | null;
  state?: string;
  indexNo?: string | null;
  publishedOn?: string | null;
  validity?: string;
  validityChangedOn?: string | null;
  replacedByIndexNo?: string | null;
  attachments?: { originalName: string; role: string }[];
}

export interface FieldText {
  field: string;
  label: string;
  text: string;
}

/** Each field as the text a person reads (labels instead of codes). */
export function readableFields(v: Comparable, itemLabel: (id: number) => string): FieldText[] {
  const out: FieldText[] = [];
  const add = (field: string, text: string, label = FIELD_LABELS[field] ?? field) => out.push({ field, label, text });
  add('kind', v.kind === 'interpretation' ? '政策解读' : v.kind === 'record' ? '政府信息' : (v.kind ?? ''));
  if (v.kind === 'interpretation' || v.interpretationForm) add('interpretationForm', v.interpretationForm ? (INTERPRETATION_FORM_LABELS[v.interpretationForm as InterpretationForm] ?? v.interpretationForm) : '');
  add('title', v.title ?? '');
  add('catalogItemId', v.catalogItemId ? itemLabel(v.catalogItemId) : '');
  add('generalColumn', v.generalColumn ? (GENERAL_COLUMN_LABELS[v.generalColumn as GeneralColumn] ?? v.generalColumn) : '');
  add('publisherName', v.publisherName ?? '');
  add('docNo', v.docNo ?? '');
  add('writtenOn', v.writtenOn ?? '');
  add('formedOn', v.formedOn ?? '');
  add('subject', v.subject ?? '');
  add('genre', v.genre ?? '');
  add('docType', v.docType ? (DOC_TYPE_LABELS[v.docType as DocType] ?? v.docType) : '');
  add('needsInterpretation', v.needsInterpretation ? '是' : '否');
  add('keywords', (v.keywords ?? []).join('、'));
  add('summary', v.summary ?? '');
  add('bodyHtml', htmlToPlainText(v.bodyHtml ?? ''));
  add('disclosure', v.disclosure ? (DISCLOSURE_LABELS[v.disclosure as Disclosure] ?? v.disclosure) : '');
  add('disclosureGrounds', (v.disclosureGrounds ?? []).map(groundLabel).join('\n'));
  add('reevaluateOn', v.reevaluateOn ?? '');
  add('disclosureNote', v.disclosureNote ?? '');
  if (v.state !== undefined) add('state', STATE_LABELS[v.state as RecordState] ?? v.state, '状态');
  if (v.indexNo !== undefined) add('indexNo', v.indexNo ?? '', '索引号');
  if (v.publishedOn !== undefined) add('publishedOn', v.publishedOn ?? '', '发布日期');
  if (v.validity !== undefined) {
    const validity = VALIDITY_LABELS[v.validity as Validity] ?? v.validity;
    add('validity', `${validity}${v.validityChangedOn ? `（${v.validityChangedOn}）` : ''}${v.replacedByIndexNo ? `，由 ${v.replacedByIndexNo} 替代` : ''}`);
  }
  if (v.attachments !== undefined) add('attachments', v.attachments.map((a) => `${a.originalName}${a.role === 'interpretation_plan' ? '（解读方案）' : ''}`).join('\n'), '附件');
  return out;
}

export interface FieldPair {
  field: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/** Both versions side by side, every field, with the changed ones marked. */
export function pairFields(before: Comparable, after: Comparable, itemLabel: (id: number) => string): FieldPair[] {
  const a = readableFields(before, itemLabel);
  const b = new Map(readableFields(after, itemLabel).map((f) => [f.field, f]));
  const out: FieldPair[] = a.map((f) => {
    const other = b.get(f.field);
    b.delete(f.field);
    const afterText = other?.text ?? '';
    return { field: f.field, label: f.label, before: f.text, after: afterText, changed: f.text !== afterText };
  });
  for (const f of b.values()) out.push({ field: f.field, label: f.label, before: '', after: f.text, changed: f.text !== '' });
  return out;
}

export interface LineOp {
  op: 'same' | 'add' | 'del';
  text: string;
}

/** A line diff by longest common subsequence (bodies are a few hundred lines at most). */
export function diffLines(before: string, after: string): LineOp[] {
  const a = before ? before.split('\n') : [];
  const b = after ? after.split('\n') : [];
  // Guard the quadratic table: beyond this size, show the whole old text removed and the new added.
  if (a.length * b.length > 4_000_000) return [...a.map((text) => ({ op: 'del' as const, text })), ...b.map((text) => ({ op: 'add' as const, text }))];
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: LineOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ op: 'del', text: a[i]! });
      i++;
    } else {
      out.push({ op: 'add', text: b[j]! });
      j++;
    }
  }
  while (i < n) out.push({ op: 'del', text: a[i++]! });
  while (j < m) out.push({ op: 'add', text: b[j++]! });
  return out;
}
