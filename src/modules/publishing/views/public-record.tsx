// The public page of a record (政府信息): withdrawal and validity notices, the metadata table above
// the body (索引号, 主题分类, 发布机构, 成文日期, 文号, 发布日期, 有效性), attachments, links between a
// policy and its 政策解读 (both ways), the change history; and a print view.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { formatInstant } from '../../../core/clock.ts';
import type { LinkedRecord, PublicAttachment, PublicRecord, PublicVersion } from '../data/public-queries.ts';
import { GENERAL_COLUMN_LABELS, INTERPRETATION_FORM_LABELS, WITHDRAW_REASON_LABELS } from '../domain/vocab.ts';
import type { RecordMentionSection } from '../http/record-mentions.ts';
import { attachmentPath, columnListPath, docTypeLabel, kindLabel, recordPath, validityText } from './public-shared.tsx';

export interface RecordView {
  record: PublicRecord;
  /** The body, sanitised again at render time. */
  bodyHtml: string;
  attachments: PublicAttachment[];
  interpretations: LinkedRecord[];
  policies: LinkedRecord[];
  replaces: { indexNo: string; title: string }[];
  changes: PublicVersion[];
  /** Where else the record is carried (the 政府公报 issues that reprint it), from other modules. */
  mentions?: RecordMentionSection[];
}

const EVENT_LABELS: Record<string, string> = {
  published: '发布',
  force_published: '发布',
  revised: '修订',
  withdrawn: '撤回',
  validity: '有效性变更',
  validity_changed: '有效性变更',
};

/** Whether the body and attachments are still offered: not when withdrawn because the content was wrong. */
export function contentOffered(r: PublicRecord): boolean {
  return !(r.state === 'withdrawn' && r.withdrawReason === 'error');
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function Notices({ r }: { r: PublicRecord }) {
  return (
    <>
      {r.state === 'withdrawn' ? (
        <div class="warning-box withdrawn-notice" role="note" aria-labelledby="withdrawn-title">
          <h2 id="withdrawn-title">本信息已撤回</h2>
          <p>
            撤回时间：{r.withdrawnAt ? formatInstant(r.withdrawnAt).slice(0, 10) : '—'}；撤回原因：{r.withdrawReason ? WITHDRAW_REASON_LABELS[r.withdrawReason] : '—'}
            {r.withdrawNote ? `。说明：${r.withdrawNote}` : ''}
          </p>
          {contentOffered(r) ? <p>以下内容仅供查阅，不再作为有效信息发布。</p> : <p>因内容有误，原文及附件不再提供。</p>}
          {r.replacedBy ? (
            <p>
              请查阅替代的信息：<a href={recordPath(r.replacedBy.indexNo)}>{r.replacedBy.title}</a>
            </p>
          ) : null}
        </div>
      ) : null}
      {r.state === 'published' && r.validity !== 'in_force' ? (
        <div class="warning-box" role="note">
          <p>
            <strong>本文件{validityText(r)}。</strong>
            {r.replacedBy ? (
              <>
                已被<a href={recordPath(r.replacedBy.indexNo)}>{r.replacedBy.title}</a>替代。
              </>
            ) : null}
          </p>
        </div>
      ) : null}
    </>
  );
}

export function MetadataTable({ r }: { r: PublicRecord }) {
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label="信息的元数据">
      <table class="record-meta">
        <caption class="visually-hidden">信息的元数据</caption>
        <tbody>
          <tr>
            <th scope="row">索引号</th>
            <td class="index-no">{r.indexNo}</td>
            <th scope="row">主题分类</th>
            <td>{r.subject}</td>
          </tr>
          <tr>
            <th scope="row">发布机构</th>
            <td>{r.publisherName}</td>
            <th scope="row">成文日期</th>
            <td>{r.writtenOn}</td>
          </tr>
          <tr>
            <th scope="row">文号</th>
            <td>{r.docNo || '无'}</td>
            <th scope="row">发布日期</th>
            <td>{r.publishedOn}</td>
          </tr>
          <tr>
            <th scope="row">有效性</th>
            <td class={r.validity === 'in_force' ? undefined : 'status-bad'}>{validityText(r)}</td>
            <th scope="row">体裁</th>
            <td>{kindLabel(r) ?? r.genre}</td>
          </tr>
          <tr>
            <th scope="row">文件类型</th>
            <td>{docTypeLabel(r.docType)}</td>
            <th scope="row">关键词</th>
            <td>{r.keywords.length ? r.keywords.join('、') : '—'}</td>
          </tr>
          {r.summary ? (
            // 《政府信息公开条例》第十二条: the catalog lists 索引、名称、内容概述、生成日期.
            <tr>
              <th scope="row">内容概述</th>
              <td colSpan={3}>{r.summary}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function Links({ view }: { view: RecordView }) {
  const { interpretations, policies, replaces } = view;
  return (
    <>
      {(view.mentions ?? []).map((m, i) => (
        <section key={m.heading} aria-labelledby={`mentions-${i}`} class="record-links-box">
          <h2 id={`mentions-${i}`}>{m.heading}</h2>
          <ul>
            {m.mentions.map((x) => (
              <li key={x.href}>
                <a href={x.href}>{x.label}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {interpretations.length ? (
        <section aria-labelledby="interpretations" class="record-links-box">
          <h2 id="interpretations">政策解读</h2>
          <ul>
            {interpretations.map((i) => (
              <li key={i.indexNo}>
                <a href={recordPath(i.indexNo)}>{i.title}</a>
                {i.interpretationForm ? `（${INTERPRETATION_FORM_LABELS[i.interpretationForm]}）` : ''} <span class="date">{i.publishedOn}</span>
                {i.state === 'withdrawn' ? '（已撤回）' : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {policies.length ? (
        <section aria-labelledby="policies" class="record-links-box">
          <h2 id="policies">解读的政策文件</h2>
          <ul>
            {policies.map((p) => (
              <li key={p.indexNo}>
                <a href={recordPath(p.indexNo)}>{p.title}</a> <span class="date">{p.publishedOn}</span>
                {p.state === 'withdrawn' ? '（已撤回）' : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {replaces.length ? (
        <section aria-labelledby="replaces" class="record-links-box">
          <h2 id="replaces">本文件替代的文件</h2>
          <ul>
            {replaces.map((p) => (
              <li key={p.indexNo}>
                <a href={recordPath(p.indexNo)}>{p.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function Attachments({ list }: { list: PublicAttachment[] }) {
  if (!list.length) return null;
  return (
    <section aria-labelledby="attachments">
      <h2 id="attachments">附件</h2>
      <ul class="attachments">
        {list.map((a) => (
          <li key={a.code}>
            <a href={attachmentPath(a.code)} download={a.originalName}>
              {a.originalName}
            </a>{' '}
            <span class="hint">
              （{a.fileType.toUpperCase()}，{formatBytes(a.sizeBytes)}）
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Changes({ changes }: { changes: PublicVersion[] }) {
  if (!changes.length) return null;
  return (
    <section aria-labelledby="changes">
      <h2 id="changes">变更记录</h2>
      <div class="table-wrap" role="region" tabIndex={0} aria-label="本信息的发布、修订、撤回记录">
        <table>
          <caption class="visually-hidden">本信息的发布、修订、撤回记录</caption>
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">变更</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c, i) => (
              <tr key={i}>
                <td class="nowrap">{formatInstant(c.changedAt)}</td>
                <td class="nowrap">{EVENT_LABELS[c.event] ?? c.event}</td>
                <td>{c.changeNote || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Body({ view }: { view: RecordView }) {
  if (!contentOffered(view.record)) return null;
  return (
    <>
      {view.bodyHtml ? <div class="record-body" dangerouslySetInnerHTML={{ __html: view.bodyHtml }} /> : null}
      <Attachments list={view.attachments} />
    </>
  );
}

export function RecordPage({ ctx, view }: { ctx: PageContext; view: RecordView }) {
  const r = view.record;
  const crumbs: { href?: string; label: string }[] = [{ href: '/openness', label: '政府信息公开' }, { href: `/openness/${r.unitSlug}`, label: r.unitName }];
  if (r.itemCode && r.itemName) crumbs.push({ href: `/openness/items/${encodeURIComponent(r.itemCode)}`, label: r.itemName });
  else if (r.generalColumn) crumbs.push({ href: columnListPath(r.generalColumn), label: GENERAL_COLUMN_LABELS[r.generalColumn] });
  crumbs.push({ label: r.title });
  return (
    <PublicLayout ctx={ctx} title={r.title} breadcrumbs={crumbs}>
      <article class="record">
        <Notices r={r} />
        <h1>{r.title}</h1>
        <MetadataTable r={r} />
        <p class="no-print record-tools">
          <a href={`${recordPath(r.indexNo)}/print`}>打印版</a>
        </p>
        <Body view={view} />
        <Links view={view} />
        <Changes changes={view.changes} />
      </article>
    </PublicLayout>
  );
}

/** A page for printing: no navigation, the metadata, the body, attachment names and the address. */
export function RecordPrintPage({ ctx, view, url }: { ctx: PageContext; view: RecordView; url: string }) {
  const r = view.record;
  return (
    <html lang="zh-CN" class={ctx.elderMode ? 'elder' : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${r.title}（打印版） - ${ctx.site.siteName}`}</title>
        <link rel="stylesheet" href="/assets/css/site.css" />
      </head>
      <body class="print-view">
        <main id="main" class="wrap">
          <p class="no-print">
            <a href={recordPath(r.indexNo)}>返回信息页面</a>（使用浏览器的“打印”功能打印本页）
          </p>
          <p class="print-site">{ctx.site.siteName}</p>
          <Notices r={r} />
          <h1>{r.title}</h1>
          <MetadataTable r={r} />
          {contentOffered(r) ? (
            <>
              {view.bodyHtml ? <div class="record-body" dangerouslySetInnerHTML={{ __html: view.bodyHtml }} /> : null}
              {view.attachments.length ? (
                <section aria-labelledby="attachments">
                  <h2 id="attachments">附件</h2>
                  <ol>
                    {view.attachments.map((a) => (
                      <li key={a.code}>{a.originalName}</li>
                    ))}
                  </ol>
                </section>
              ) : null}
            </>
          ) : null}
          <p class="print-url">本页网址：{url}</p>
        </main>
      </body>
    </html>
  );
}
