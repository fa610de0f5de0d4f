// The content check before publication (错敏词: 严重表述错误, 过期机构名称, 错别字, 繁体字, 敏感词, 个人信息).
// Publishing does not know the rules: a module that does (assessment) sets the check at start-up, as
// search providers are added (it depends on publishing, so publishing cannot import it). Publishing shows
// the findings from the draft on, and a reviewer must confirm exactly the findings shown (or have the
// text fixed) before 审核通过 or 紧急发布 (条例 第十七条 审查 before publication).
import type { DbOrTx } from '../../core/db/index.ts';
import type { AttachmentRow, RecordRow } from './data/repository.ts';

export interface ContentFinding {
  /** 类别, e.g. 领导人职务错误. */
  label: string;
  severity: 'block' | 'warn';
  /** Where: 标题, 正文, 附件“…”. */
  where: string;
  paragraph: number;
  found: string;
  suggestion: string;
  before: string;
  after: string;
  count: number;
  /** The rule it applies. */
  basis: string;
}

export interface ContentCheckInput {
  rootUnitId: number;
  today: string;
  texts: { where: string; text: string }[];
}

export type ContentCheck = (db: DbOrTx, input: ContentCheckInput) => Promise<ContentFinding[]>;

let current: ContentCheck | null = null;

/** Sets (or with null removes) the check run before publication. */
export function setContentCheck(check: ContentCheck | null): void {
  current = check;
}

export function hasContentCheck(): boolean {
  return current !== null;
}

export async function checkContent(db: DbOrTx, input: ContentCheckInput): Promise<ContentFinding[]> {
  return current ? current(db, input) : [];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of rich text with one line per block (paragraph numbers in findings follow it). */
export function textForCheck(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|tr|table|blockquote)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

/** The places of a record that are published: title, 内容概述, body and the attachments' text. */
export function recordTexts(row: RecordRow, attachments: AttachmentRow[], prefix = ''): { where: string; text: string }[] {
  return [
    { where: `${prefix}标题`, text: row.title },
    { where: `${prefix}内容概述`, text: row.summary },
    { where: `${prefix}正文`, text: textForCheck(row.bodyHtml) },
    ...attachments.filter((a) => !a.removedAt && a.extractedText).map((a) => ({ where: `${prefix}附件“${a.originalName}”`, text: a.extractedText })),
  ];
}

/** A short fingerprint of the findings shown: a confirmation given for one list does not cover another. */
export function contentFingerprint(findings: readonly ContentFinding[]): string {
  const text = findings.map((f) => [f.label, f.where, f.found, f.count].join('\u0001')).join('\u0002');
  // FNV-1a: stable across processes and instances.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${findings.length}-${h.toString(16).padStart(8, '0')}`;
}
