// View parts shared by the public and staff pages of 互动交流.
import { formatInstant } from '../../../core/clock.ts';
import { ACTION_LABELS, STATE_LABELS, type Action, type MessageState } from '../domain/states.ts';
import type { HistoryRow, UnitStat } from '../service-read.ts';
import { percent } from '../service-read.ts';

const HISTORY_LABELS: Record<string, string> = { receive: '受理', merge: '并单（并入主件）', merge_main: '并单（并入本件）', unmerge: '撤销并单', unmerge_main: '撤销并单', reclassify: '更改主题分类', ...ACTION_LABELS };

/** The item's history, dated, like the requests ledger. `showPeople`: staff names (staff pages only). */
export function HistoryTable({ rows, showPeople }: { rows: HistoryRow[]; showPeople: boolean }) {
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label="办理过程">
      <table>
        <caption>办理过程（时间为北京时间）</caption>
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">环节</th>
            <th scope="col">办理单位</th>
            <th scope="col">此后状态</th>
            <th scope="col">说明</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h, i) => (
            <tr key={i}>
              <td class="nowrap">{formatInstant(h.at)}</td>
              <th scope="row">{HISTORY_LABELS[h.action] ?? h.action}</th>
              <td>{showPeople ? `${h.unitName || '—'}（${h.actorName}）` : h.unitName || '—'}</td>
              <td>{STATE_LABELS[h.toState as MessageState]}</td>
              <td>{h.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function actionLabel(a: Action): string {
  return ACTION_LABELS[a];
}

/** Per-unit statistics as a table; each number links to its items when `link` is given (staff). */
export function UnitStatsTable({ stats, caption, link }: { stats: UnitStat[]; caption: string; link?: (unitId: number, extra: string) => string }) {
  const cell = (n: number, unitId: number, extra: string) => (link && n ? <a href={link(unitId, extra)}>{n}</a> : n);
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">受理</th>
            <th scope="col">办结</th>
            <th scope="col">按时办结率</th>
            <th scope="col">满意率</th>
            <th scope="col">平均办理工作日</th>
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr key={s.unitId}>
              <th scope="row">{s.unitName}</th>
              <td>{cell(s.received, s.unitId, '')}</td>
              <td>{cell(s.closed, s.unitId, '&state=closed')}</td>
              <td>{percent(s.onTime, s.replied)}</td>
              <td>{percent(s.satisfied, s.rated)}</td>
              <td>{s.avgDays ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">按时办结率 = 在办理期限内回复的件数 ÷ 已回复件数；满意率 = 评价为满意、基本满意的件数 ÷ 已评价件数；平均办理工作日自受理次日起计至回复日。</p>
    </div>
  );
}
