// Pieces shared by the public pages of records: paths, labels, the metadata table, result lists and
// the filter form. Text is escaped by Preact; highlighted segments are rendered as <mark> elements.
import type { FieldErrors } from '../../../core/http/form.ts';
import { ErrorSummary, SelectField, TextField } from '../../../core/ui/components.tsx';
import type { Segment } from '../../../core/search/snippet.ts';
import type { RecordListItem } from '../data/public-queries.ts';
import {
  DOC_TYPE_LABELS,
  GENERAL_COLUMN_LABELS,
  INTERPRETATION_FORM_LABELS,
  VALIDITY_LABELS,
  type DocType,
  type GeneralColumn,
  type InterpretationForm,
  type Validity,
} from '../domain/vocab.ts';

/** The public page of a record: /records/{统一社会信用代码}/{year}-{seq}. */
export function recordPath(indexNo: string): string {
  return `/records/${indexNo.split('/').map(encodeURIComponent).join('/')}`;
}

export function attachmentPath(code: string): string {
  return `/attachments/${encodeURIComponent(code)}`;
}

/** URL slugs of the general columns. */
export const COLUMN_SLUGS: Record<GeneralColumn, string> = { news: 'news', notice: 'notices', policy: 'policies' };

export function columnListPath(column: GeneralColumn): string {
  return `/columns/${COLUMN_SLUGS[column]}`;
}

export function validityText(r: { validity: Validity; validityChangedOn: string | null }): string {
  const label = VALIDITY_LABELS[r.validity];
  return r.validity !== 'in_force' && r.validityChangedOn ? `${label}（${r.validityChangedOn}起）` : label;
}

export function kindLabel(r: { kind: string; interpretationForm: InterpretationForm | null }): string | null {
  if (r.kind !== 'interpretation') return null;
  return r.interpretationForm ? `政策解读·${INTERPRETATION_FORM_LABELS[r.interpretationForm]}` : '政策解读';
}

export function docTypeLabel(t: DocType): string {
  return DOC_TYPE_LABELS[t];
}

/** Text with matches in <mark>. */
export function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}

/** Where a record is filed: its catalog item (domain · item) and/or its general column. */
export function RecordHome({ r }: { r: Pick<RecordListItem, 'itemCode' | 'itemName' | 'domainName' | 'generalColumn'> }) {
  const parts = [];
  if (r.generalColumn) parts.push(<a href={columnListPath(r.generalColumn)}>{GENERAL_COLUMN_LABELS[r.generalColumn]}</a>);
  if (r.itemCode && r.itemName) parts.push(<a href={`/openness/items/${encodeURIComponent(r.itemCode)}`}>{`${r.domainName ?? ''} · ${r.itemName}`}</a>);
  return <>{parts.map((p, i) => (i > 0 ? <>；{p}</> : p))}</>;
}

/** A table of records: 标题, 文号, 发布机构, 发布日期 (and 有效性 for the policy library). */
export function RecordTable({ rows, caption, showValidity = false }: { rows: RecordListItem[]; caption: string; showValidity?: boolean }) {
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={caption}>
      <table class="record-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">文号</th>
            <th scope="col">发布机构</th>
            <th scope="col" class="nowrap">
              发布日期
            </th>
            {showValidity ? <th scope="col">有效性</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.indexNo}>
              <td>
                <a href={recordPath(r.indexNo)}>{r.title}</a>
                {kindLabel(r) ? <span class="tag">{kindLabel(r)}</span> : null}
              </td>
              <td>{r.docNo || '—'}</td>
              <td>{r.publisherName}</td>
              <td class="nowrap">{r.publishedOn}</td>
              {showValidity ? <td class={r.validity === 'in_force' ? undefined : 'status-bad'}>{validityText(r)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A short list of records for the home page and column boxes. */
export function RecordLinks({ rows, interpretations }: { rows: RecordListItem[]; interpretations?: Map<number, { indexNo: string; title: string }[]> }) {
  return (
    <ul class="record-links">
      {rows.map((r) => (
        <li key={r.indexNo}>
          <a href={recordPath(r.indexNo)}>{r.title}</a> <span class="date">{r.publishedOn}</span>
          {(interpretations?.get(r.id) ?? []).map((i) => (
            <>
              {' '}
              <a class="tag-link" href={recordPath(i.indexNo)} aria-label={`${r.title}的政策解读：${i.title}`}>
                解读
              </a>
            </>
          ))}
        </li>
      ))}
    </ul>
  );
}

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterField {
  name: string;
  label: string;
  options: FilterOption[];
  placeholder: string;
}

/** A GET filter form (works without JavaScript); with the query box when `query` is given. */
export function FilterForm(props: {
  action: string;
  fields: FilterField[];
  values: Record<string, string>;
  errors: FieldErrors;
  query?: { label: string; hint?: string };
  submitLabel?: string;
}) {
  const { action, fields, values, errors, query } = props;
  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="get" action={action} class="filters no-print" role="search" aria-label={query ? '检索' : '筛选'} novalidate>
        {query ? <TextField name="q" label={query.label} hint={query.hint} value={values.q} error={errors.q} maxLength={100} /> : null}
        {fields.map((f) => (
          <SelectField key={f.name} name={f.name} label={f.label} value={values[f.name]} error={errors[f.name]} placeholder={f.placeholder} options={f.options} />
        ))}
        <div class="field">
          <button type="submit" class="button">
            {props.submitLabel ?? '筛选'}
          </button>
        </div>
      </form>
    </>
  );
}

export const VALIDITY_OPTIONS: FilterOption[] = (Object.keys(VALIDITY_LABELS) as Validity[]).map((v) => ({ value: v, label: VALIDITY_LABELS[v] }));
export const DOC_TYPE_OPTIONS: FilterOption[] = (Object.keys(DOC_TYPE_LABELS) as DocType[]).map((v) => ({ value: v, label: DOC_TYPE_LABELS[v] }));
export const COLUMN_OPTIONS: FilterOption[] = (Object.keys(GENERAL_COLUMN_LABELS) as GeneralColumn[]).map((v) => ({ value: v, label: GENERAL_COLUMN_LABELS[v] }));

/** Links to the RSS and Atom feeds of a list. */
export function FeedLinks({ base, label }: { base: string; label: string }) {
  return (
    <p class="feed-links no-print">
      订阅{label}：<a href={`${base}/rss.xml`}>RSS</a> · <a href={`${base}/atom.xml`}>Atom</a>
    </p>
  );
}
