// 查询平台: full-text search over published records (条例 第二十四条: 信息检索、查阅、下载).
import type { FieldErrors } from '../../../core/http/form.ts';
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { Pagination } from '../../../core/ui/components.tsx';
import type { Segment } from '../../../core/search/snippet.ts';
import type { RecordListItem } from '../data/public-queries.ts';
import type { ExtraSearchSection } from '../http/search-extras.ts';
import { FilterForm, kindLabel, Marked, RecordHome, recordPath, validityText, type FilterField } from './public-shared.tsx';

export interface SearchHitView {
  record: RecordListItem;
  title: Segment[];
  snippet: Segment[];
  /** Found in an attachment's text rather than the body. */
  inAttachment: boolean;
  exactDocNo: boolean;
}

export interface SearchPageProps {
  ctx: PageContext;
  fields: FilterField[];
  values: Record<string, string>;
  errors: FieldErrors;
  /** Whether anything was asked (a query or a filter). */
  asked: boolean;
  hits: SearchHitView[];
  total: number;
  capped: boolean;
  /** The count includes records with all the words, maybe not as the phrase typed. */
  approximate: boolean;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** Other modules' pages found (办事指南 …), shown before the records. */
  extras?: ExtraSearchSection[];
  /** Nothing found: the words that find nothing even alone. */
  missing?: string[];
  /** Nothing found: the search without one word. */
  suggestions?: { drop: string; href: string }[];
}

/** Why nothing was found for several words, and the searches to try instead. */
function NothingFound({ missing, suggestions }: { missing: string[]; suggestions: { drop: string; href: string }[] }) {
  if (!suggestions.length) return null;
  const quoted = (ws: string[]) => ws.map((w) => `“${w}”`).join('、');
  return (
    <div class="search-advice">
      <p>{missing.length ? `${quoted(missing)}没有找到任何信息。` : '每个词都能找到信息，但没有同时包含全部词语的信息。'}</p>
      <ul>
        {suggestions.map((s) => (
          <li key={s.drop}>
            <a href={s.href}>去掉“{s.drop}”再检索</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SearchPage(p: SearchPageProps) {
  const q = p.values.q ?? '';
  const failed = Object.keys(p.errors).length > 0;
  // A refused query is not repeated in the title (it may be very long); a long one is shortened.
  const title = failed ? '错误：政府信息查询' : q ? `“${q.length > 30 ? `${q.slice(0, 30)}…` : q}”的检索结果` : '政府信息查询';
  return (
    <PublicLayout ctx={p.ctx} title={p.page > 1 ? `${title}（第${p.page}页）` : title} breadcrumbs={[{ href: '/openness', label: '政府信息公开' }, { label: '政府信息查询' }]}>
      <h1>政府信息查询</h1>
      <p>
        检索本网站主动公开的政府信息：标题、文号、正文和附件（PDF、DOCX 等）中的文字。可以直接输入一句话（如“2026年预算公开”），结果须包含其中的全部词语，与输入完全一致的排在前面；输入完整文号（如“楚市政通〔2017〕47号”）可直接找到该文件。
      </p>
      <FilterForm action="/search" fields={p.fields} values={p.values} errors={p.errors} query={{ label: '关键词或文号' }} submitLabel="检索" />
      {failed ? (
        <p role="status">检索条件有误，请修改后重试。</p>
      ) : !p.asked ? (
        <p role="status">请输入关键词，或选择筛选条件。</p>
      ) : (
        <>
          {(p.extras ?? []).map((s) => (
            <section key={s.heading} class="search-extras" aria-labelledby={`extra-${s.heading}`}>
              <h2 id={`extra-${s.heading}`}>{s.heading}</h2>
              <ul>
                {s.hits.map((h) => (
                  <li key={h.href}>
                    <a href={h.href}>{h.title}</a> <span class="hint">{h.meta}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <p role="status">
            {p.total === 0 && p.extras?.length
              ? '主动公开的政府信息中没有找到符合条件的信息。'
              : p.total === 0
              ? '没有找到符合条件的信息。请检查关键词，或减少关键词、放宽筛选条件后再试。'
              : `找到${p.capped ? '超过 ' : p.approximate ? '约 ' : ' '}${p.total} 条信息${p.pageCount > 1 ? `，第 ${p.page} / ${p.pageCount} 页` : ''}${q ? '，按相关度排序' : '，按发布日期排序'}。`}
          </p>
          {p.total === 0 ? <NothingFound missing={p.missing ?? []} suggestions={p.suggestions ?? []} /> : null}
          {p.hits.length ? (
            <ol class="search-results" start={(p.page - 1) * 20 + 1}>
              {p.hits.map((h) => (
                <li key={h.record.indexNo}>
                  <h2 class="result-title">
                    <a href={recordPath(h.record.indexNo)}>
                      <Marked segments={h.title} />
                    </a>
                    {h.exactDocNo ? <span class="tag">文号匹配</span> : null}
                    {kindLabel(h.record) ? <span class="tag">{kindLabel(h.record)}</span> : null}
                  </h2>
                  <p class="result-meta">
                    {h.record.publisherName}
                    {h.record.docNo ? ` · ${h.record.docNo}` : ''} · 发布日期 {h.record.publishedOn}
                    {h.record.validity !== 'in_force' ? ` · ${validityText(h.record)}` : ''}
                  </p>
                  {h.snippet.length ? (
                    <p class="result-snippet">
                      {h.inAttachment ? <span class="hint">附件：</span> : null}
                      <Marked segments={h.snippet} />
                    </p>
                  ) : null}
                  <p class="result-home">
                    <RecordHome r={h.record} />
                  </p>
                </li>
              ))}
            </ol>
          ) : null}
          <Pagination page={p.page} pageCount={p.pageCount} hrefFor={p.hrefFor} />
        </>
      )}
    </PublicLayout>
  );
}
