// The gazette seen from the rest of the platform: a record's public page names the released issues that
// reprint it (and the gazette article links back to the record), the platform search (/search) finds
// gazette articles and scanned pages, the home page shows the latest issue, and the 政府信息公开 column lists the
// gazette of a site that publishes one.
import type { Core } from '../../../core/services.ts';
import { addOpennessPartProvider } from '../../catalog/index.ts';
import { addRecordMentionProvider, addSearchProvider, type HomeSection } from '../../publishing/index.ts';
import { gazetteName, issueLabel } from '../domain/numbering.ts';
import { governmentName } from '../service.ts';
import { articlesOfRecord, articlePath, releasedIssue, releasedIssues, searchArticles } from '../service-read.ts';
import { scanYears, searchScanPages } from '../scans.ts';

export function registerGazetteLinks(): void {
  // 国办发〔2018〕22号 counts the gazette among the 政府信息公开 channels: a site with a released issue or a
  // scanned past issue lists it in its 政府信息公开 column; a site without one shows nothing.
  addOpennessPartProvider(async (core, rootUnitId) => {
    const [[latest], scans] = await Promise.all([releasedIssues(core.db, rootUnitId, undefined, 1), scanYears(core.db, rootUnitId)]);
    if (!latest && !scans.length) return undefined;
    const name = gazetteName(await governmentName(core.db, rootUnitId));
    return {
      id: 'gazette',
      heading: '政府公报',
      text: `《${name}》是本级人民政府规章、规范性文件等政府信息的法定刊登载体。电子版与印刷版内容一致，按年份和期次浏览，可按标题、文号和全文检索，往期公报以扫描版提供。`,
      links: [
        { href: '/gazette', label: `《${name}》（按年份浏览）` },
        ...(latest ? [{ href: `/gazette/${latest.year}/${latest.number}`, label: `最新一期：${issueLabel(latest)}` }] : []),
        { href: '/gazette/search', label: '政府公报检索' },
      ],
    };
  });

  addRecordMentionProvider(async (core, rootUnitId, record) => {
    const found = await articlesOfRecord(core.db, rootUnitId, record.id);
    if (!found.length) return undefined;
    const name = gazetteName(await governmentName(core.db, rootUnitId));
    return { heading: '刊登本文件的政府公报', mentions: found.map((a) => ({ label: `《${name}》${issueLabel(a)}`, href: articlePath(a) })) };
  });

  addSearchProvider(async (core, rootUnitId, q) => {
    const text = q.terms.join(' ');
    const [articles, scans] = await Promise.all([searchArticles(core.db, rootUnitId, { q: text, page: 1 }), searchScanPages(core.db, rootUnitId, { q: text, limit: 5 })]);
    return {
      heading: '政府公报',
      hits: [
        ...articles.hits.slice(0, 5).map((h) => ({ title: h.title, href: articlePath(h), meta: `政府公报 ${issueLabel(h)}${h.docNo ? ` · ${h.docNo}` : ''}` })),
        ...scans.hits.map((h) => ({ title: `${issueLabel(h)} 第${h.page}页（扫描版）`, href: `/gazette/${h.year}/${h.number}#p-${h.page}`, meta: '政府公报往期扫描版' })),
      ],
    };
  });
}

/** The home page's box: the latest released issue and the first titles of its contents. */
export async function gazetteHomeSection(core: Core, rootUnitId: number, size = 6): Promise<HomeSection | undefined> {
  const [latest] = await releasedIssues(core.db, rootUnitId, undefined, 1);
  if (!latest) return undefined;
  const [gov, found] = await Promise.all([governmentName(core.db, rootUnitId), releasedIssue(core.db, rootUnitId, latest.year, latest.number)]);
  const date = latest.issuedOn ?? '';
  const articles = (found?.contents ?? []).flatMap((c) => c.articles).slice(0, size - 1);
  return {
    key: 'gazette',
    title: '政府公报',
    moreHref: '/gazette',
    feedHref: '/gazette/rss.xml',
    links: [
      { title: `《${gazetteName(gov)}》${issueLabel(latest)}`, href: `/gazette/${latest.year}/${latest.number}`, date, related: [{ label: 'PDF', href: `/gazette/${latest.year}/${latest.number}/pdf`, description: `下载${issueLabel(latest)}PDF` }] },
      ...articles.map((a) => ({ title: a.title, href: articlePath({ year: latest.year, number: latest.number, seq: a.seq! }), date, related: [] })),
    ],
  };
}
