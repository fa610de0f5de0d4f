// The record form of the back office: raw values (kept as typed, to refill the form) ↔ RecordInput.
import { FormReader, type FieldErrors } from '../../../core/http/form.ts';
import { plainTextToHtml } from '../../../core/html/sanitize.ts';
import type { RecordInput } from '../domain/types.ts';
import {
  DISCLOSURE_GROUNDS,
  DISCLOSURES,
  DOC_TYPES,
  GENERAL_COLUMNS,
  INTERPRETATION_FORMS,
  RECORD_KINDS,
  type Disclosure,
  type DocType,
  type GeneralColumn,
  type InterpretationForm,
  type RecordKind,
} from '../domain/vocab.ts';

/** Every field of the record form as the text the user typed (checkbox groups as lists). */
export interface RecordFormValues {
  kind: string;
  interpretationForm: string;
  catalogItemId: string;
  generalColumn: string;
  title: string;
  publisherName: string;
  docNo: string;
  writtenOn: string;
  formedOn: string;
  subject: string;
  genre: string;
  docType: string;
  needsInterpretation: boolean;
  interpretationWaiver: string;
  docNoSharedReason: string;
  keywords: string;
  summary: string;
  bodyHtml: string;
  disclosure: string;
  disclosureGrounds: string[];
  disclosureNote: string;
  reevaluateOn: string;
}

/** Field names of the form, in the order the error summary lists them. */
export const FORM_FIELDS: readonly (keyof RecordFormValues)[] = [
  'kind',
  'interpretationForm',
  'catalogItemId',
  'generalColumn',
  'title',
  'publisherName',
  'docNo',
  'docNoSharedReason',
  'writtenOn',
  'formedOn',
  'subject',
  'genre',
  'docType',
  'needsInterpretation',
  'interpretationWaiver',
  'keywords',
  'summary',
  'bodyHtml',
  'disclosure',
  'disclosureGrounds',
  'reevaluateOn',
  'disclosureNote',
];

export function emptyFormValues(defaults: { publisherName: string; kind?: RecordKind; today: string }): RecordFormValues {
  const interpretation = defaults.kind === 'interpretation';
  return {
    kind: defaults.kind ?? 'record',
    interpretationForm: interpretation ? 'text' : '',
    catalogItemId: '',
    generalColumn: interpretation ? 'policy' : '',
    title: '',
    publisherName: defaults.publisherName,
    docNo: '',
    writtenOn: defaults.today,
    formedOn: defaults.today,
    subject: '',
    genre: interpretation ? '解读' : '',
    docType: 'other',
    needsInterpretation: false,
    interpretationWaiver: '',
    docNoSharedReason: '',
    keywords: '',
    summary: '',
    bodyHtml: '',
    disclosure: 'proactive',
    disclosureGrounds: [],
    disclosureNote: '',
    reevaluateOn: '',
  };
}

/** The form values of a stored record or snapshot. */
export function formValuesOf(r: {
  kind: string;
  interpretationForm: string | null;
  catalogItemId: number | null;
  generalColumn: string | null;
  title: string;
  publisherName: string;
  docNo: string;
  writtenOn: string;
  formedOn: string;
  subject: string;
  genre: string;
  docType: string;
  needsInterpretation: boolean;
  interpretationWaiver?: string;
  docNoSharedReason?: string;
  keywords: string[];
  summary: string;
  bodyHtml: string;
  disclosure: string;
  disclosureGrounds: string[];
  disclosureNote: string;
  reevaluateOn: string | null;
}): RecordFormValues {
  return {
    kind: r.kind,
    interpretationForm: r.interpretationForm ?? '',
    catalogItemId: r.catalogItemId === null ? '' : String(r.catalogItemId),
    generalColumn: r.generalColumn ?? '',
    title: r.title,
    publisherName: r.publisherName,
    docNo: r.docNo,
    writtenOn: r.writtenOn,
    formedOn: r.formedOn,
    subject: r.subject,
    genre: r.genre,
    docType: r.docType,
    needsInterpretation: r.needsInterpretation,
    interpretationWaiver: r.interpretationWaiver ?? '',
    docNoSharedReason: r.docNoSharedReason ?? '',
    keywords: r.keywords.join('、'),
    summary: r.summary,
    bodyHtml: r.bodyHtml,
    disclosure: r.disclosure,
    disclosureGrounds: [...r.disclosureGrounds],
    disclosureNote: r.disclosureNote,
    reevaluateOn: r.reevaluateOn ?? '',
  };
}

export interface ReadRecordForm {
  values: RecordFormValues;
  /** Errors the form itself finds (unknown choices, an item outside the unit's catalog). */
  errors: FieldErrors;
  input: RecordInput;
}

/**
 * Reads the posted record form. Choices are checked against their vocabularies here; the metadata
 * rules (dates, 文号, grounds …) are the service's (validateRecordInput), whose messages are merged
 * by the caller.
 */
export function readRecordForm(body: unknown, allowedItemIds: ReadonlySet<number>): ReadRecordForm {
  const form = new FormReader(body);
  const kind = form.choice<RecordKind>('kind', '信息类别', RECORD_KINDS) ?? 'record';
  const interpretationForm = form.choice<InterpretationForm>('interpretationForm', '解读形式', INTERPRETATION_FORMS, false) ?? null;
  const itemRaw = form.raw('catalogItemId').trim();
  let catalogItemId: number | null = null;
  if (itemRaw) {
    const n = /^\d{1,15}$/.test(itemRaw) ? Number(itemRaw) : NaN;
    if (!allowedItemIds.has(n)) form.fail('catalogItemId', '所选公开事项不在本单位的目录中，请从列表中选择');
    else catalogItemId = n;
  }
  const generalColumn = form.choice<GeneralColumn>('generalColumn', '栏目', GENERAL_COLUMNS, false) ?? null;
  const docType = form.choice<DocType>('docType', '文件类型', DOC_TYPES) ?? 'other';
  const disclosure = form.choice<Disclosure>('disclosure', '公开属性', DISCLOSURES) ?? 'proactive';
  const grounds = form.list(
    'disclosureGrounds',
    '不公开的依据',
    DISCLOSURE_GROUNDS.map((g) => g.code),
  );
  const body$ = form.text('bodyHtml', { label: '正文', max: 200_000 });
  const values: RecordFormValues = {
    kind: form.values.kind ?? '',
    interpretationForm: form.values.interpretationForm ?? '',
    catalogItemId: itemRaw,
    generalColumn: form.values.generalColumn ?? '',
    title: form.text('title', { label: '标题' }),
    publisherName: form.text('publisherName', { label: '发布机构' }),
    docNo: form.text('docNo', { label: '文号' }),
    writtenOn: form.text('writtenOn', { label: '成文日期' }),
    formedOn: form.text('formedOn', { label: '信息形成（变更）日期' }),
    subject: form.text('subject', { label: '主题分类' }),
    genre: form.text('genre', { label: '体裁' }),
    docType: form.values.docType ?? '',
    needsInterpretation: form.checkbox('needsInterpretation'),
    interpretationWaiver: form.text('interpretationWaiver', { label: '无需解读的理由' }),
    docNoSharedReason: form.text('docNoSharedReason', { label: '联合发文或转发说明' }),
    keywords: form.text('keywords', { label: '关键词', max: 300 }),
    summary: form.text('summary', { label: '内容概述' }),
    bodyHtml: body$,
    disclosure: form.values.disclosure ?? '',
    disclosureGrounds: grounds,
    disclosureNote: form.text('disclosureNote', { label: '说明' }),
    reevaluateOn: form.text('reevaluateOn', { label: '复查日期' }),
  };
  const input: RecordInput = {
    kind,
    interpretationForm: kind === 'interpretation' ? interpretationForm : null,
    catalogItemId,
    generalColumn,
    title: values.title,
    publisherName: values.publisherName,
    docNo: values.docNo,
    writtenOn: values.writtenOn,
    formedOn: values.formedOn,
    subject: values.subject,
    genre: values.genre,
    docType,
    needsInterpretation: values.needsInterpretation,
    interpretationWaiver: values.interpretationWaiver,
    docNoSharedReason: values.docNoSharedReason,
    keywords: values.keywords ? [values.keywords] : [],
    summary: values.summary,
    // Text typed without markup becomes paragraphs; the service sanitises whatever arrives.
    bodyHtml: plainTextToHtml(values.bodyHtml),
    disclosure,
    disclosureGrounds: grounds,
    disclosureNote: values.disclosureNote,
    reevaluateOn: values.reevaluateOn || null,
  };
  return { values, errors: { ...form.errors }, input };
}

/** Orders field errors as the form shows its fields (the error summary follows the page). */
export function orderErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const f of FORM_FIELDS) if (errors[f]) out[f] = errors[f]!;
  for (const [k, v] of Object.entries(errors)) if (!(k in out)) out[k] = v;
  return out;
}
