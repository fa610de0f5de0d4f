// Staff pages of 内容检查: the office's tables (one kind per page), a trial check of pasted text, and the
// nightly sweep's findings in public records.
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { TabNav } from './tabs.tsx';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import { formatInstant } from '../../../core/clock.ts';
import { TERM_FIELDS, TERM_KINDS, TERM_KIND_LABELS, type TermErrors, type TermKind } from '../domain/terms.ts';
import { FINDING_LABELS, type Finding, type FindingKind } from '../domain/content-check.ts';
import { ContentFindingsTable, FindingCells } from '../../publishing/index.ts';
import type { SweepFindingRow, SweepRow, TermRow } from '../service.ts';

export const BASE = '/staff/content-check';
const CRUMB = { href: BASE, label: '内容检查' };

const KIND_HELP: Record<TermKind, string> = {
  leader:
    '姓名与职务成对核对：正文中“职务+姓名”或“姓名+职务”与任职期内的职务不符的，提示“领导人职务错误”；职务后紧跟与现任者仅差一字的姓名的，提示“领导人姓名疑似错误”。属于国办秘函〔2019〕19号单项否决指标“严重表述错误”。任职截止日期留空表示现任。',
  renamed_org: '更名日期之后仍使用旧名称的提示“过期机构名称”；前面带“原”字的（如“原市国土资源局”）不提示。默认收录2018年党和国家机构改革中更名的机构，可按本地实际名称修改。',
  misspelling: '常见错别字及正确写法。部分写法在特定语境下正确（如“佩带枪支”），提示为“疑似”，由审核人判断。',
  sensitive: '“不得公开”级别用于密级标志等不得公开的内容；“提示核对”级别仅提醒审核人。未收录国家统一的敏感词表，请按本地要求维护。',
};

function Tabs({ current }: { current: TermKind | 'try' | 'sweep' }) {
  const items: { key: TermKind | 'try' | 'sweep'; href: string; label: string }[] = [
    ...TERM_KINDS.map((k) => ({ key: k, href: `${BASE}?kind=${k}`, label: TERM_KIND_LABELS[k] })),
    { key: 'try', href: `${BASE}/try`, label: '试检查' },
    { key: 'sweep', href: `${BASE}/sweep`, label: '公开信息巡检' },
  ];
  return <TabNav label="内容检查" items={items} current={current} />;
}

export function TermsPage({ ctx, kind, rows, values, errors }: { ctx: PageContext; kind: TermKind; rows: TermRow[]; values: Record<string, string>; errors: TermErrors }) {
  const f = TERM_FIELDS[kind];
  const hasErrors = Object.keys(errors).length > 0;
  const title = `内容检查词表：${TERM_KIND_LABELS[kind]}`;
  return (
    <StaffLayout ctx={ctx} title={hasErrors ? `错误：${title}` : title} breadcrumbs={[CRUMB, { label: TERM_KIND_LABELS[kind] }]}>
      <h1>{title}</h1>
      <Tabs current={kind} />
      <p>{KIND_HELP[kind]}</p>
      <ErrorSummary errors={errors} />
      <div class="table-wrap">
        <table>
          <caption>
            {TERM_KIND_LABELS[kind]}（{rows.length}条）
          </caption>
          <thead>
            <tr>
              <th scope="col">{f.term}</th>
              {f.value ? <th scope="col">{f.value}</th> : <th scope="col">级别</th>}
              {f.validFrom ? <th scope="col">{f.validFrom}</th> : null}
              {f.validTo ? <th scope="col">{f.validTo}</th> : null}
              <th scope="col">说明</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.term}</td>
                {f.value ? <td>{r.value}</td> : <td>{r.level === 'block' ? '不得公开' : '提示核对'}</td>}
                {f.validFrom ? <td>{r.validFrom ?? ''}</td> : null}
                {f.validTo ? <td>{r.validTo ?? '现任'}</td> : null}
                <td>{r.note}</td>
                <td>
                  <form method="post" action={`${BASE}/terms/${r.id}/delete`}>
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="kind" value={kind} />
                    <button type="submit" class="button secondary" aria-label={`删除“${r.term}${r.value ? ` ${r.value}` : ''}”`}>
                      删除
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>新增</h2>
      <form method="post" action={`${BASE}/terms`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="kind" value={kind} />
        <TextField name="term" label={f.term} value={values.term} error={errors.term} maxLength={50} required />
        {f.value ? <TextField name="value" label={f.value} value={values.value} error={errors.value} maxLength={50} required /> : null}
        {kind === 'sensitive' ? (
          <SelectField
            name="level"
            label="级别"
            value={values.level || 'warn'}
            error={errors.level}
            options={[
              { value: 'warn', label: '提示核对' },
              { value: 'block', label: '不得公开' },
            ]}
          />
        ) : null}
        {f.validFrom ? <TextField name="validFrom" label={f.validFrom} type="date" value={values.validFrom} error={errors.validFrom} hint="格式如 2026-01-01" required /> : null}
        {f.validTo ? <TextField name="validTo" label={`${f.validTo}（选填）`} type="date" value={values.validTo} error={errors.validTo} hint="现任的留空" /> : null}
        <TextField name="note" label="说明（选填）" value={values.note} error={errors.note} maxLength={200} />
        <button type="submit" class="button">
          新增
        </button>
      </form>
    </StaffLayout>
  );
}

export function FindingsTable({ findings, caption }: { findings: Finding[]; caption: string }) {
  return <ContentFindingsTable findings={findings.map((f) => ({ ...f, label: FINDING_LABELS[f.kind] }))} caption={caption} />;
}

export function TryPage({ ctx, text, error, findings, ms }: { ctx: PageContext; text: string; error?: string; findings: Finding[] | null; ms?: number }) {
  return (
    <StaffLayout ctx={ctx} title={error ? '错误：内容试检查' : '内容试检查'} breadcrumbs={[CRUMB, { label: '试检查' }]}>
      <h1>内容试检查</h1>
      <Tabs current="try" />
      <p>粘贴一段文字，按本站当前词表检查（与发布前的检查相同）。文字不会保存。</p>
      <ErrorSummary errors={error ? { text: error } : {}} />
      <form method="post" action={`${BASE}/try`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextArea name="text" label="待检查的文字" value={text} error={error} rows={8} required />
        <button type="submit" class="button">
          检查
        </button>
      </form>
      {findings ? (
        findings.length ? (
          <FindingsTable findings={findings} caption={`检查结果：${findings.length}处提示${ms !== undefined ? `（用时${ms}毫秒）` : ''}`} />
        ) : (
          <p role="status">检查结果：未发现问题。</p>
        )
      ) : null}
    </StaffLayout>
  );
}

export function SweepPage({ ctx, latest, history }: { ctx: PageContext; latest: { sweep: SweepRow; findings: SweepFindingRow[] } | null; history: SweepRow[] }) {
  const blocking = latest ? latest.findings.filter((f) => f.severity === 'block').length : 0;
  return (
    <StaffLayout ctx={ctx} title="公开信息巡检" breadcrumbs={[CRUMB, { label: '公开信息巡检' }]}>
      <h1>公开信息巡检</h1>
      <Tabs current="sweep" />
      <p>每天凌晨2时起，按当前词表检查本站全部已公开的主动公开信息（标题、内容概述、正文和附件文字）。发现的问题请通知发布单位修订或撤回。</p>
      <form method="post" action={`${BASE}/sweep`}>
        <CsrfField token={ctx.csrfToken} />
        <button type="submit" class="button secondary">
          立即检查
        </button>
      </form>
      {latest ? (
        <>
          <p>
            最近一次：{latest.sweep.runOn}，开始于 {formatInstant(latest.sweep.startedAt)}
            {latest.sweep.finishedAt ? `，检查 ${latest.sweep.records} 条信息，发现 ${latest.sweep.findings} 处提示（其中严重 ${blocking} 处）。` : '，仍在进行。'}
          </p>
          {latest.findings.length ? (
            <div class="table-wrap">
              <table>
                <caption>巡检发现的问题</caption>
                <thead>
                  <tr>
                    <th scope="col">信息</th>
                    <th scope="col">发布机构</th>
                    <th scope="col">类别</th>
                    <th scope="col">位置</th>
                    <th scope="col">原文</th>
                    <th scope="col">建议</th>
                  </tr>
                </thead>
                <tbody>
                  {latest.findings.map((f) => (
                    <tr key={f.id}>
                      <td>
                        <a href={`/staff/records/${f.recordCode}`}>{f.title}</a>
                        <br />
                        <span class="hint">{f.indexNo}</span>
                      </td>
                      <td>{f.unitName}</td>
                      <FindingCells f={{ ...f, severity: f.severity === 'block' ? 'block' : 'warn', label: FINDING_LABELS[f.kind as FindingKind] ?? f.kind, where: f.place }} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : (
        <p>尚未进行过巡检。</p>
      )}
      {history.length > 1 ? (
        <div class="table-wrap">
          <table>
            <caption>近期巡检</caption>
            <thead>
              <tr>
                <th scope="col">日期</th>
                <th scope="col">检查信息数</th>
                <th scope="col">提示数</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td>{h.runOn}</td>
                  <td>{h.records}</td>
                  <td>{h.findings}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </StaffLayout>
  );
}
