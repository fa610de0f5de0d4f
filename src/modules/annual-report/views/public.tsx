// The 政府信息公开年报 part of a unit's public column: the list of its published reports and each
// report, readable, printable and downloadable. No personal data is shown here.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { ReportDocument } from './report-document.tsx';
import type { ReportDocumentData } from '../domain/report-view.ts';
import { publicListPath, publicReportPath } from '../domain/paths.ts';

export interface PublicReportItem {
  year: number;
  title: string;
  publishedOn: string;
}

const columnCrumbs = (unitName: string, unitSlug: string) => [
  { href: '/openness', label: '政府信息公开' },
  { href: `/openness/${unitSlug}`, label: unitName },
];

export function PublicReportListPage({ ctx, unitName, unitSlug, reports, dueRule }: { ctx: PageContext; unitName: string; unitSlug: string; reports: PublicReportItem[]; dueRule: string }) {
  const title = `${unitName}政府信息公开年报`;
  return (
    <PublicLayout ctx={ctx} title={title} breadcrumbs={[...columnCrumbs(unitName, unitSlug), { label: '政府信息公开年报' }]}>
      <h1>{title}</h1>
      <p>
        政府信息公开工作年度报告按照《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制，包括主动公开政府信息、收到和处理政府信息公开申请、政府信息公开行政复议和行政诉讼等情况。{dueRule}
      </p>
      {reports.length ? (
        <ul class="report-list">
          {reports.map((r) => (
            <li key={r.year}>
              <a href={publicReportPath(unitSlug, r.year)}>{r.title}</a> <span class="hint nowrap">（{r.publishedOn}发布）</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>本单位尚未在本平台发布年度报告。</p>
      )}
    </PublicLayout>
  );
}

export function PublicReportPage({ ctx, unitSlug, doc }: { ctx: PageContext; unitSlug: string; doc: ReportDocumentData }) {
  const base = publicReportPath(unitSlug, doc.year);
  return (
    <PublicLayout
      ctx={ctx}
      title={doc.title}
      breadcrumbs={[...columnCrumbs(doc.unitName, unitSlug), { href: publicListPath(unitSlug), label: '政府信息公开年报' }, { label: `${doc.year}年度` }]}
    >
      <nav aria-label="下载和打印" class="no-print report-tools">
        <ul>
          <li>
            <a href={`${base}/export.docx`}>下载 Word 版（.docx）</a>
          </li>
          <li>
            <a href={`${base}/export.xlsx`}>下载表格（.xlsx）</a>
          </li>
          <li>打印：使用浏览器的“打印”功能，页面导航不会打印。</li>
        </ul>
      </nav>
      <ReportDocument r={doc} />
    </PublicLayout>
  );
}
