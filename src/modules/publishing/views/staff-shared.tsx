// Pieces shared by the back-office pages of 主动公开.
import type { ComponentChildren } from 'preact';
import { fieldId } from '../../../core/ui/components.tsx';
import { STATE_LABELS, type RecordState } from '../domain/vocab.ts';

export const RECORDS_CRUMB = { href: '/staff/records', label: '信息发布' };

/** A record in a staff list. */
export interface RecordListRow {
  code: string;
  title: string;
  state: RecordState;
  kind: string;
  docNo: string;
  indexNo: string | null;
  unitName: string;
  /** Catalog item (领域 › 二级事项) and/or general column. */
  home: string;
  docTypeLabel: string;
  disclosureLabel: string;
  writtenOn: string;
  publishedOn: string | null;
  updatedAt: string;
  scheduledAt: string | null;
  late: boolean | null;
  reviewOwed: boolean;
  submittedByName?: string;
}

export function recordHref(code: string): string {
  return `/staff/records/${encodeURIComponent(code)}`;
}

export function StateTag({ state }: { state: RecordState }) {
  return <span class={`state-tag state-${state}`}>{STATE_LABELS[state]}</span>;
}

/** A labelled field around custom markup (radios, grouped selects), matching core/ui components. */
export function Field(props: { name: string; label: string; error?: string; hint?: string; required?: boolean; children: ComponentChildren }) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>
        {props.label}
        {props.required ? <span class="req" aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-message" id={`${id}-error`}>
          <span class="visually-hidden">错误：</span>
          {props.error}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

export function describedBy(name: string, p: { hint?: string; error?: string }): string | undefined {
  const id = fieldId(name);
  const ids = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A group of radio buttons in a fieldset; the first radio carries the field id (error summary links). */
export function RadioGroup(props: {
  name: string;
  legend: string;
  value: string;
  options: { value: string; label: string }[];
  error?: string;
  hint?: string;
  required?: boolean;
}) {
  const id = fieldId(props.name);
  return (
    <fieldset class={props.error ? 'field field-error' : 'field'} aria-describedby={describedBy(props.name, props)}>
      <legend>
        {props.legend}
        {props.required ? <span class="req" aria-hidden="true"> *</span> : null}
      </legend>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-message" id={`${id}-error`}>
          <span class="visually-hidden">错误：</span>
          {props.error}
        </p>
      ) : null}
      <div class="checkboxes">
        {props.options.map((o, i) => (
          <label key={o.value} class="checkbox">
            <input type="radio" id={i === 0 ? id : undefined} name={props.name} value={o.value} checked={props.value === o.value} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Refusal reasons from the service, as a list under a heading. */
export function Reasons({ title, reasons, id }: { title: string; reasons: string[]; id?: string }) {
  if (!reasons.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby={id ?? 'refusal-title'} data-autofocus>
      <h2 id={id ?? 'refusal-title'}>{title}</h2>
      <ul>
        {reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
