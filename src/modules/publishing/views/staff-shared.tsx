// Pieces shared by the back-office pages of 主动公开.
import type { ComponentChildren } from 'preact';
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
