// The content check's findings as a table: on a record's page before review, and on the office's trial
// check and sweep pages (which map their findings to this shape).
import type { ContentFinding } from '../content-check.ts';

export function ContentFindingsTable({ findings, caption, hideCaption = false }: { findings: ContentFinding[]; caption: string; hideCaption?: boolean }) {
  return (
    <div class="table-wrap">
      <table>
        <caption class={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">类别</th>
            <th scope="col">位置</th>
            <th scope="col">原文</th>
            <th scope="col">建议</th>
            <th scope="col">依据</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f, i) => (
            <tr key={i}>
              <FindingCells f={f} />
              <td>{f.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A finding's 类别, 位置, 原文 (the hit marked) and 建议 cells, for tables with other columns around them. */
export function FindingCells({ f }: { f: Omit<ContentFinding, 'basis'> }) {
  return (
    <>
      <td>
        {f.severity === 'block' ? <strong>严重：</strong> : null}
        {f.label}
      </td>
      <td>
        {f.where}第{f.paragraph}段{f.count > 1 ? `（共${f.count}处）` : ''}
      </td>
      <td>
        {f.before}
        <mark>{f.found}</mark>
        {f.after}
      </td>
      <td>{f.suggestion}</td>
    </>
  );
}
