// The report itself as HTML: intro, the six sections with the exact headings, and the tables with
// merged headers (domain/layout.ts). Staff pages link every number to the cases behind it and mark
// cells of failing checks; the public page shows the same document without links.
import type { ComponentChildren } from 'preact';
import { SECTION_HEADINGS, type TextSection } from '../domain/template.ts';
import { section2Layout, section3Layout, section4Layout, type LayoutCell, type LayoutTable } from '../domain/layout.ts';
import { cellNameOf } from '../domain/cells.ts';
import { chineseDate, isSubheading, paragraphsOf, type ReportDocumentData } from '../domain/report-view.ts';

export interface ReportLinks {
  /** The drill-down page of a cell, when it has cases behind it. */
  cellHref?: (cellId: string) => string | undefined;
  /** Cells named by failing checks. */
  flagged?: ReadonlySet<string>;
}

function Cell({ cell, links }: { cell: LayoutCell; links: ReportLinks }) {
  const span = { rowSpan: cell.rowSpan, colSpan: cell.colSpan };
  if (cell.cellId === undefined) {
    if (!cell.scope) return <td {...span} class="corner">{cell.text}</td>;
    return (
      <th {...span} scope={cell.scope}>
        {cell.text}
      </th>
    );
  }
  const flagged = links.flagged?.has(cell.cellId);
  const shown = cell.value === null || cell.value === undefined ? '未填报' : String(cell.value);
  const href = links.cellHref?.(cell.cellId);
  return (
    <td {...span} id={`cell-${cell.cellId}`} class={flagged ? 'num cell-flagged' : 'num'}>
      {href ? (
        <a href={href} aria-label={`${cellNameOf(cell.cellId)}：${shown}，查看明细`}>
          {shown}
        </a>
      ) : (
        shown
      )}
      {flagged ? <span class="visually-hidden">（核对未通过）</span> : null}
    </td>
  );
}

export function LayoutTableView({ t, links, caption }: { t: LayoutTable; links: ReportLinks; caption?: string }) {
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={caption ?? t.caption}>
      <table class={`report-table report-${t.key}`}>
        <caption>{caption ?? t.caption}</caption>
        <thead>
          {t.head.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) => (
                <Cell key={j} cell={c} links={links} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {t.body.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) => (
                <Cell key={j} cell={c} links={links} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TextBlock({ text }: { text: string }) {
  const lines = paragraphsOf(text);
  if (!lines.length) return <p class="hint">（尚未填写）</p>;
  return (
    <>
      {lines.map((l, i) => (isSubheading(l) ? <h3 key={i}>{l}</h3> : <p key={i}>{l}</p>))}
    </>
  );
}

function Section({ id, heading, children }: { id: string; heading: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id} class="report-section">
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

export function ReportDocument({ r, links = {}, headingLevel = 1 }: { r: ReportDocumentData; links?: ReportLinks; headingLevel?: 1 | 2 }) {
  const text = (s: TextSection) => (
    <Section id={`section-${s}`} heading={SECTION_HEADINGS[s]}>
      <TextBlock text={r.texts[s]} />
    </Section>
  );
  return (
    <article class="annual-report">
      {headingLevel === 1 ? <h1>{r.title}</h1> : <p class="report-title">{r.title}</p>}
      <p class="report-intro">{r.intro}</p>
      {text('overview')}
      <Section id="section-proactive" heading={SECTION_HEADINGS.proactive}>
        {section2Layout(r.tables).map((t) => (
          <LayoutTableView key={t.key} t={t} links={links} />
        ))}
      </Section>
      <Section id="section-requests" heading={SECTION_HEADINGS.requests}>
        <LayoutTableView t={section3Layout(r.tables)} links={links} />
      </Section>
      <Section id="section-remedies" heading={SECTION_HEADINGS.remedies}>
        <LayoutTableView t={section4Layout(r.tables)} links={links} />
      </Section>
      {text('problems')}
      {text('other')}
      {r.publishedOn ? (
        <p class="report-signature">
          {r.unitName}
          <br />
          {chineseDate(r.publishedOn)}
        </p>
      ) : null}
    </article>
  );
}
