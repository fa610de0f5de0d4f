// Public pages of the 政府公报 electronic edition: the column (years, newest issues, search), a year, an
// issue's contents, an article, and the search results. Only released issues appear.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { Pagination } from '../../../core/ui/components.tsx';
import { segmentsToHtml } from '../../../core/search/snippet.ts';
import { recordPath } from '../../publishing/index.ts';
import { issueLabel } from '../domain/numbering.ts';
import { chineseDate } from '../pdf/layout.ts';
import { articlePath, SEARCH_PAGE_SIZE, type ArticleRef, type IssueSummary, type SearchHit } from '../service-read.ts';
import type { ArticleRow, SectionRow } from '../service.ts';
import type { ScanHit, ScanSummary } from '../scans.ts';
import { ScanHits, ScanList } from './scans.tsx';

export const BASE = '/gazette';

export const issuePath = (i: { year: number; number: number }) => `${BASE}/${i.year}/${i.number}`;
export const pdfPath = (i: { year: number; number: number }) => `${BASE}/${i.year}/${i.number}/pdf`;

function crumbs(name: string, extra: { href?: string; label: string }[] = []) {
  return [{ href: BASE, label: name }, ...extra];
}

function SearchForm({ q = '', year, years }: { q?: string; year?: number; years: number[] }) {
  return (
    <form method="get" action={`${BASE}/search`} class="filters" role="search" aria-label="检索政府公报">
      <div class="field">
        <label for="gazette-q">标题、文号或全文</label>
        <input id="gazette-q" name="q" type="search" value={q} maxLength={100} />
      </div>
      <div class="field">
        <label for="gazette-year">年份</label>
        <select id="gazette-year" name="year">
          <option value="">全部年份</option>
          {years.map((y) => (
            <option value={String(y)} selected={y === year}>
              {y}年
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button">
        检索
      </button>
    </form>
  );
}

function IssueList({ issues }: { issues: IssueSummary[] }) {
  return (
    <ul class="card-list gazette-issues">
      {issues.map((i) => (
        <li key={i.id}>
          <a href={issuePath(i)}>{issueLabel(i)}</a> <span class="hint">{i.issuedOn ? `${chineseDate(i.issuedOn)}出版，` : ''}共{i.articleCount}篇</span>{' '}
          <a href={pdfPath(i)} class="nowrap">
            下载PDF<span class="visually-hidden">（{issueLabel(i)}）</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function GazetteHomePage({ ctx, name, years, latest }: { ctx: PageContext; name: string; years: { year: number; count: number }[]; latest: IssueSummary[] }) {
  return (
    <PublicLayout ctx={ctx} title={name} breadcrumbs={[{ label: name }]}>
      <h1>{name}</h1>
      <p>《{name}》是刊登本级政府及其部门规范性文件等的法定载体。电子版与纸质版内容、格式一致，同步发行；创刊以来各期全部入库，可按年份浏览、按标题、文号或全文检索。</p>
      <SearchForm years={years.map((y) => y.year)} />
      <h2>最新各期</h2>
      {latest.length ? <IssueList issues={latest} /> : <p>暂无已发行的公报。</p>}
      <p>
        订阅新一期：<a href={`${BASE}/atom.xml`}>Atom</a> · <a href={`${BASE}/rss.xml`}>RSS</a>
      </p>
      <h2>按年份浏览</h2>
      {years.length ? (
        <ul class="gazette-years">
          {years.map((y) => (
            <li key={y.year}>
              <a href={`${BASE}/${y.year}`}>{y.year}年</a>（{y.count}期）
            </li>
          ))}
        </ul>
      ) : (
        <p>暂无。</p>
      )}
    </PublicLayout>
  );
}

export function GazetteYearPage({ ctx, name, year, issues, scans, years }: { ctx: PageContext; name: string; year: number; issues: IssueSummary[]; scans: ScanSummary[]; years: number[] }) {
  return (
    <PublicLayout ctx={ctx} title={`${name} ${year}年`} breadcrumbs={crumbs(name, [{ label: `${year}年` }])}>
      <h1>
        {name} {year}年
      </h1>
      {issues.length ? <IssueList issues={issues} /> : null}
      {scans.length ? (
        <>
          {issues.length ? <h2>扫描版</h2> : null}
          <ScanList scans={scans} />
        </>
      ) : null}
      <nav aria-label="其他年份">
        <p>
          其他年份：
          {years
            .filter((y) => y !== year)
            .map((y) => (
              <>
                <a href={`${BASE}/${y}`}>{y}年</a>{' '}
              </>
            ))}
        </p>
      </nav>
    </PublicLayout>
  );
}

export function GazetteIssuePage({ ctx, name, issue, contents }: { ctx: PageContext; name: string; issue: IssueSummary; contents: { section: SectionRow; articles: ArticleRow[] }[] }) {
  const label = issueLabel(issue);
  return (
    <PublicLayout ctx={ctx} title={`《${name}》${label}`} breadcrumbs={crumbs(name, [{ href: `${BASE}/${issue.year}`, label: `${issue.year}年` }, { label }])}>
      <h1>
        《{name}》{label}
      </h1>
      <p>
        {issue.issuedOn ? `${chineseDate(issue.issuedOn)}出版。` : ''}
        <a href={pdfPath(issue)}>下载本期PDF（版式与纸质版一致）</a> · <a href={`${pdfPath(issue)}a`}>PDF/A存档版</a>
      </p>
      <h2>目录</h2>
      <div class="gazette-contents">
        {contents
          .filter((c) => c.articles.length)
          .map((c) => (
            <section key={c.section.id} aria-labelledby={`s-${c.section.id}`}>
              <h3 id={`s-${c.section.id}`}>{c.section.name}</h3>
              <ol>
                {c.articles.map((a) => (
                  <li key={a.id}>
                    <a href={articlePath({ year: issue.year, number: issue.number, seq: a.seq! })}>{a.title}</a>
                    {a.docNo ? <span class="hint">（{a.docNo}）</span> : null}
                  </li>
                ))}
              </ol>
            </section>
          ))}
      </div>
    </PublicLayout>
  );
}

function refText(r: ArticleRef) {
  return `${r.year}年第${r.number}期《${r.title}》`;
}

export function GazetteArticlePage(props: {
  ctx: PageContext;
  name: string;
  issue: IssueSummary;
  section: SectionRow;
  article: ArticleRow;
  corrects?: ArticleRef;
  correctedBy: ArticleRef[];
  prev?: ArticleRow;
  next?: ArticleRow;
}) {
  const { ctx, name, issue, section, article: a } = props;
  const label = issueLabel(issue);
  return (
    <PublicLayout ctx={ctx} title={`${a.title} - 《${name}》${issue.year}年第${issue.number}期`} breadcrumbs={crumbs(name, [{ href: `${BASE}/${issue.year}`, label: `${issue.year}年` }, { href: issuePath(issue), label }, { label: a.title }])}>
      <article class="gazette-article">
        <p class="hint">
          《{name}》{label} · {section.name}
        </p>
        <h1>{a.title}</h1>
        {a.docNo ? <p class="gazette-docno">{a.docNo}</p> : null}
        {props.correctedBy.length ? (
          <div class="warning-box" role="note">
            <p>本文已在以后一期刊登勘误：</p>
            <ul>
              {props.correctedBy.map((r) => (
                <li key={`${r.year}-${r.number}-${r.seq}`}>
                  <a href={articlePath(r)}>{refText(r)}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {props.corrects ? (
          <p class="gazette-corrects">
            更正：<a href={articlePath(props.corrects)}>{refText(props.corrects)}</a>
          </p>
        ) : null}
        <div class="record-body" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
        {a.issuer || a.writtenOn ? (
          <p class="gazette-sign">
            {a.issuer}
            {a.issuer && a.writtenOn ? <br /> : null}
            {a.writtenOn ? chineseDate(a.writtenOn) : null}
          </p>
        ) : null}
      </article>
      <ul class="no-print gazette-links">
        {a.recordIndexNo ? (
          <li>
            政府信息公开平台上的原文：<a href={recordPath(a.recordIndexNo)}>索引号 {a.recordIndexNo}</a>
          </li>
        ) : null}
        <li>
          <a href={issuePath(issue)}>返回本期目录</a> · <a href={pdfPath(issue)}>下载本期PDF</a>
        </li>
        {props.prev ? (
          <li>
            上一篇：<a href={articlePath({ ...issue, seq: props.prev.seq! })}>{props.prev.title}</a>
          </li>
        ) : null}
        {props.next ? (
          <li>
            下一篇：<a href={articlePath({ ...issue, seq: props.next.seq! })}>{props.next.title}</a>
          </li>
        ) : null}
      </ul>
    </PublicLayout>
  );
}

export function GazetteSearchPage({ ctx, name, q, year, years, total, hits, page, scans }: { ctx: PageContext; name: string; q: string; year?: number; years: number[]; total: number; hits: SearchHit[]; page: number; scans: { total: number; hits: ScanHit[] } }) {
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const href = (p: number) => `${BASE}/search?${new URLSearchParams({ q, ...(year ? { year: String(year) } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString()}`;
  return (
    <PublicLayout ctx={ctx} title={q ? `检索“${q}” - ${name}` : `检索 - ${name}`} breadcrumbs={crumbs(name, [{ label: '检索' }])}>
      <h1>检索{name}</h1>
      <SearchForm q={q} year={year} years={years} />
      {q ? (
        <p role="status">
          {year ? `${year}年` : ''}共找到 {total} 篇含“{q}”的文章。
        </p>
      ) : (
        <p>请输入标题、文号或正文中的词语。</p>
      )}
      {hits.length ? (
        <ol class="search-results">
          {hits.map((h) => (
            <li key={`${h.year}-${h.number}-${h.seq}`}>
              <a href={articlePath(h)} dangerouslySetInnerHTML={{ __html: segmentsToHtml(h.titleSegments) }} />
              <p class="hint">
                {issueLabel(h)}
                {h.docNo ? ` · ${h.docNo}` : ''}
                {h.issuer ? ` · ${h.issuer}` : ''}
              </p>
              <p dangerouslySetInnerHTML={{ __html: segmentsToHtml(h.snippet) }} />
            </li>
          ))}
        </ol>
      ) : null}
      {pageCount > 1 ? <Pagination page={page} pageCount={pageCount} hrefFor={href} /> : null}
      <ScanHits q={q} total={scans.total} hits={scans.hits} />
    </PublicLayout>
  );
}
