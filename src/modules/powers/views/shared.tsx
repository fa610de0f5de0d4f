// Pieces shared by the powers pages: a scrollable table region, multi-line text, the process diagram.
import type { ComponentChildren } from 'preact';
import { CHANGE_STATE_LABELS, type ChangeState, type PowerRow } from '../domain/power-list.ts';
import type { StatisticsLine } from '../domain/enforcement.ts';

export function TableRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={label}>
      {children}
    </div>
  );
}

export function Lines({ text }: { text: string }) {
  const lines = text.split('\n').filter((l) => l.trim());
  if (!lines.length) return <span>—</span>;
  return (
    <>
      {lines.map((l, i) => (
        <p key={i}>{l}</p>
      ))}
    </>
  );
}

/** 执法流程图 drawn from the procedure, one step per line, as an ordered list of boxes with arrows. */
export function FlowChart({ steps, label }: { steps: string[]; label: string }) {
  if (!steps.length) return <p>尚未公布执法流程。</p>;
  return (
    <figure class="flow-chart">
      <figcaption>{label}</figcaption>
      <ol>
        {steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
    </figure>
  );
}

/** The elements of one 权责清单 row (一表两单) as a two-column table. */
export function RowElements({ row }: { row: PowerRow }) {
  return (
    <table class="item-elements">
      <tbody>
        <tr>
          <th scope="row">事项编码</th>
          <td>{row.code || '—'}</td>
        </tr>
        <tr>
          <th scope="row">职权名称</th>
          <td>{row.name}</td>
        </tr>
        {row.subItem ? (
          <tr>
            <th scope="row">子项</th>
            <td>{row.subItem}</td>
          </tr>
        ) : null}
        <tr>
          <th scope="row">职权类型</th>
          <td>{row.type}</td>
        </tr>
        <tr>
          <th scope="row">设定依据</th>
          <td>
            <ul>
              {row.basis.map((b, i) => (
                <li key={i}>{b}</li>
              ))}
            </ul>
          </td>
        </tr>
        <tr>
          <th scope="row">实施主体</th>
          <td>{row.subject}</td>
        </tr>
        {row.entrustedBy ? (
          <tr>
            <th scope="row">委托机关</th>
            <td>{row.entrustedBy}</td>
          </tr>
        ) : null}
        <tr>
          <th scope="row">实施对象</th>
          <td>{row.target}</td>
        </tr>
        <tr>
          <th scope="row">责任事项</th>
          <td>
            <ol>
              {row.duties.map((d, i) => (
                <li key={i}>
                  {d.stage && d.stage !== d.text ? <strong>{d.stage}：</strong> : null}
                  {d.text}
                </li>
              ))}
            </ol>
          </td>
        </tr>
        <tr>
          <th scope="row">追责情形</th>
          <td>
            <Lines text={row.accountability} />
          </td>
        </tr>
        <tr>
          <th scope="row">追责依据</th>
          <td>
            <Lines text={row.accountabilityBasis} />
          </td>
        </tr>
        <tr>
          <th scope="row">监督方式</th>
          <td>{row.supervision}</td>
        </tr>
        <tr>
          <th scope="row">救济途径</th>
          <td>{row.remedy}</td>
        </tr>
        <tr>
          <th scope="row">来源</th>
          <td>{row.source === '法定' ? '法定职权' : `赋权（${row.source}）`}</td>
        </tr>
        {row.note ? (
          <tr>
            <th scope="row">备注</th>
            <td>{row.note}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

export function ChangeStateTag({ state }: { state: string }) {
  const cls = state === 'published' ? 'status-ok' : state === 'rejected' ? 'status-bad' : 'status-warn';
  return <span class={cls}>{CHANGE_STATE_LABELS[state as ChangeState] ?? state}</span>;
}

export function money(v: string | null): string {
  if (v === null) return '—';
  return `${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}元`;
}

/**
 * Why a submission was refused when the form it came from is not on the page (the record has moved on,
 * e.g. a decision withheld by law): the messages, in an alert at the top of the page.
 */
export function Refusal({ errors }: { errors: Record<string, string> }) {
  const messages = [...new Set(Object.values(errors))];
  if (!messages.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="refusal-title" data-autofocus>
      <h2 id="refusal-title">未能办理</h2>
      <ul>
        {messages.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

/** 随机抽查事项清单 with the columns of regulation-wave2 §2.1, the same on the public and the staff page. */
export function InspectionTable({ rows }: { rows: { id: number; seq: number; item: string; subItem: string; inspector: string; basis: string; method: string; content: string; note: string }[] }) {
  return (
    <TableRegion label="随机抽查事项清单">
      <table>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">检查项目</th>
            <th scope="col">检查子项</th>
            <th scope="col">检查主体</th>
            <th scope="col">检查依据</th>
            <th scope="col">检查方式</th>
            <th scope="col">检查内容</th>
            <th scope="col">备注</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id}>
              <td>{i.seq}</td>
              <td>{i.item}</td>
              <td>{i.subItem}</td>
              <td>{i.inspector}</td>
              <td>{i.basis}</td>
              <td>{i.method}</td>
              <td>{i.content}</td>
              <td>{i.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

const SOURCE_LABELS = { computed: '执法决定登记自动统计', entered: '本单位填报' } as const;

/** 年度执法数据 lines with where each figure comes from (computed from the register, or entered). */
export function StatisticsTable({ caption, lines }: { caption: string; lines: StatisticsLine[] }) {
  if (!lines.length) return <p>（无）</p>;
  const value = (l: StatisticsLine) => (l.value === null ? '—' : `${l.value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}${l.unit}`);
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">执法类别</th>
            <th scope="col">项目</th>
            <th scope="col">数据</th>
            <th scope="col">数据来源</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i}>
              <th scope="row">{l.kind}</th>
              {l.noPower ? (
                <td colSpan={3}>本单位无相关行政执法职责</td>
              ) : (
                <>
                  <td>{l.label}</td>
                  <td>{value(l)}</td>
                  <td>{SOURCE_LABELS[l.source]}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
