// Small view parts shared by the request pages (public and staff).
import { Fragment, type ComponentChildren } from 'preact';

/** Hidden inputs carrying a form's values to the next step. */
export function HiddenFields({ values }: { values: Record<string, string | string[]> }) {
  return (
    <>
      {Object.entries(values).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x, i) => <input key={`${k}-${i}`} type="hidden" name={k} value={x} />))}
    </>
  );
}

/** A definition list of label/value pairs, skipping empty values. */
export function Facts({ rows }: { rows: [string, ComponentChildren][] }) {
  const shown = rows.filter(([, v]) => v !== '' && v !== null && v !== undefined);
  return (
    <dl class="facts">
      {shown.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** Plain text as paragraphs, one per line (Preact escapes the text). */
export function Lines({ text }: { text: string }) {
  return (
    <>
      {text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l, i) => (
          <p key={i}>{l}</p>
        ))}
    </>
  );
}

/** The statutory clock ledger as a table: date, event, effect, days counted, due date after it. */
export function LedgerTable({
  caption,
  steps,
  showCounts = true,
}: {
  caption: string;
  steps: { on: string; label: string; effect: string; counted?: number | null; paused?: number; dueOn: string | null; basis?: string }[];
  showCounts?: boolean;
}) {
  if (!steps.length) return <p>尚无记录。</p>;
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={caption}>
      <table class="ledger">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">日期</th>
            <th scope="col">事件</th>
            <th scope="col">对期限的影响</th>
            {showCounts ? <th scope="col">已计工作日</th> : null}
            {showCounts ? <th scope="col">不计入工作日</th> : null}
            <th scope="col">此后的答复期限</th>
            {steps.some((s) => s.basis) ? <th scope="col">依据</th> : null}
          </tr>
        </thead>
        <tbody>
          {steps.map((s, i) => (
            <tr key={i}>
              <td class="nowrap">{s.on}</td>
              <th scope="row">{s.label}</th>
              <td>{s.effect}</td>
              {showCounts ? <td>{s.counted ?? '—'}</td> : null}
              {showCounts ? <td>{s.paused ?? 0}</td> : null}
              <td class="nowrap">{s.dueOn ?? '（停止或暂停计算）'}</td>
              {steps.some((x) => x.basis) ? <td>{s.basis ?? ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
