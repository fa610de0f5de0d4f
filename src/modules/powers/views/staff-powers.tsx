// Back-office pages of the 权责清单: a unit's list, editions and changes; import; a change and its steps.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { ImportRunPanel, RunRefresh } from '../../../core/import-runs/view.tsx';
import type { ImportRunStatus } from '../../../core/import-runs/status.ts';
import { CsrfField, ErrorSummary, RadioGroup, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import { CHANGE_ACTION_LABELS, CHANGE_KINDS, composition, POWER_SOURCES, type ChangeAction, type ChangeState, type PowerSource } from '../domain/power-list.ts';
import type { ChangeRow, ItemRow } from '../data/repository.ts';
import type { ListProblem } from '../import/parse-list.ts';
import { ChangeStateTag, Refusal, RowElements, TableRegion } from './shared.tsx';

export interface StaffUnit {
  slug: string;
  name: string;
  canEdit: boolean;
  canDecide: boolean;
}

const TABS: [string, string][] = [
  ['', '权责清单'],
  ['/enforcement', '执法公示（事前）'],
  ['/decisions', '执法决定'],
  ['/guides', '办事指南'],
];

export function UnitTabs({ ctx, unit }: { ctx: PageContext; unit: { slug: string } }) {
  return (
    <nav class="tabs" aria-label="管理和服务公开">
      <ul>
        {TABS.map(([suffix, label]) => {
          const href = `/staff/powers/${unit.slug}${suffix}`;
          return (
            <li key={suffix}>
              <a href={href} aria-current={ctx.path === href ? 'page' : undefined}>
                {label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function UnitFrame({ ctx, unit, title, children }: { ctx: PageContext; unit: StaffUnit; title: string; children: ComponentChildren }) {
  return (
    <StaffLayout ctx={ctx} title={`${title} - ${unit.name}`} breadcrumbs={[{ href: '/staff', label: '管理后台' }, { href: '/staff/powers', label: '管理和服务公开' }, { label: unit.name }]}>
      <h1>
        {unit.name} · {title}
      </h1>
      <UnitTabs ctx={ctx} unit={unit} />
      {children}
    </StaffLayout>
  );
}

export function StaffPowersHome({ ctx, units }: { ctx: PageContext; units: { slug: string; name: string; items: number; pending: number }[] }) {
  return (
    <StaffLayout ctx={ctx} title="管理和服务公开" breadcrumbs={[{ href: '/staff', label: '管理后台' }, { label: '管理和服务公开' }]}>
      <h1>管理和服务公开</h1>
      <p>权责清单（一表两单）及其动态调整、行政执法公示、办事指南。</p>
      <TableRegion label="各单位">
        <table>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">现行事项</th>
              <th scope="col">待办调整</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.slug}>
                <td>
                  <a href={`/staff/powers/${u.slug}`}>{u.name}</a>
                </td>
                <td>{u.items}</td>
                <td>{u.pending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </StaffLayout>
  );
}

export function StaffListPage({
  ctx,
  unit,
  items,
  editions,
  changes,
  edition,
}: {
  ctx: PageContext;
  unit: StaffUnit;
  items: ItemRow[];
  editions: { label: string; publishedOn: string; docNo: string; rowCount: number }[];
  changes: ChangeRow[];
  edition: { values: Record<string, string>; errors: FieldErrors };
}) {
  const c = composition(items.map((i) => ({ type: i.type, source: i.source as PowerSource })));
  return (
    <UnitFrame ctx={ctx} unit={unit} title="权责清单">
      <p>
        现行事项{c.total}项（法定{c.statutory}项，下放{c.devolved}项，委托{c.entrusted}项）。
        {editions[0] ? ` 最新版本：${editions[0].label}。` : ' 尚未发布版本。'}
      </p>
      <ul class="action-list">
        {unit.canEdit ? (
          <>
            <li>
              <a href={`/staff/powers/${unit.slug}/import`}>导入权责清单（Excel）</a>
            </li>
            <li>
              <a href={`/staff/powers/${unit.slug}/changes/new`}>提出调整</a>
            </li>
          </>
        ) : null}
        {editions[0] ? (
          <li>
            <a href={`/powers/${unit.slug}/export.xlsx`}>导出现行版本</a>
          </li>
        ) : null}
        <li>
          <a href={`/powers/${unit.slug}`}>查看公开页面</a>
        </li>
      </ul>
      <h2>调整（动态调整）</h2>
      {changes.length ? (
        <TableRegion label="调整">
          <table>
            <thead>
              <tr>
                <th scope="col">方式</th>
                <th scope="col">事项</th>
                <th scope="col">提出日期</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((ch) => (
                <tr key={ch.id}>
                  <td>{ch.kind}</td>
                  <td>
                    <a href={`/staff/powers/changes/${ch.publicCode}`}>{ch.row.name}</a>
                  </td>
                  <td class="date">{ch.proposedOn}</td>
                  <td>
                    <ChangeStateTag state={ch.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>暂无调整。</p>
      )}
      <h2>版本</h2>
      {editions.length ? (
        <ul>
          {editions.map((e) => (
            <li key={e.label}>
              <a href={`/powers/${unit.slug}/editions/${encodeURIComponent(e.label)}`}>{e.label}</a> {e.publishedOn} {e.docNo} · {e.rowCount}项
            </li>
          ))}
        </ul>
      ) : (
        <p>尚无版本。</p>
      )}
      {unit.canDecide && !items.length ? <Refusal errors={edition.errors} /> : null}
      {unit.canDecide && items.length ? (
        <form method="post" action={`/staff/powers/${unit.slug}/editions`} class="action-box" noValidate>
          <h3>把现行清单发布为新版本</h3>
          <ErrorSummary errors={edition.errors} />
          <CsrfField token={ctx.csrfToken} />
          <TextField name="label" label="版本名称" value={edition.values.label} error={edition.errors.label} hint="如 2027年版" required />
          <TextField name="publishedOn" label="公布日期" type="date" value={edition.values.publishedOn} error={edition.errors.publishedOn} required />
          <TextField name="docNo" label="批准文号" value={edition.values.docNo} error={edition.errors.docNo} />
          <TextField name="note" label="说明" value={edition.values.note} error={edition.errors.note} />
          <button type="submit">发布版本</button>
        </form>
      ) : null}
      <h2>现行事项</h2>
      <TableRegion label="现行事项">
        <table>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">职权名称</th>
              <th scope="col">职权类型</th>
              <th scope="col">来源</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i, n) => (
              <tr key={i.id}>
                <td>{n + 1}</td>
                <td>
                  <a href={`/staff/powers/items/${i.publicCode}`}>{i.name}</a>
                </td>
                <td>{i.type}</td>
                <td>{i.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </UnitFrame>
  );
}

export function ImportFormPage({ ctx, unit, values, errors, problems }: { ctx: PageContext; unit: StaffUnit; values: Record<string, string>; errors: FieldErrors; problems?: string[] }) {
  return (
    <UnitFrame ctx={ctx} unit={unit} title="导入权责清单">
      <p>上传按公布格式填写的 .xlsx：一行表头（职权名称、职权类型、设定依据、实施主体为必需列；可有事项编码、子项、委托机关、实施对象、责任事项、追责情形、追责依据、监督方式、救济途径、来源、备注），每行一个事项。预览无误后确认，整份清单作为一个新版本保存；有任何错误则不保存。</p>
      <form method="post" action={`/staff/powers/${unit.slug}/import`} encType="multipart/form-data" noValidate>
        <ErrorSummary errors={errors} />
        <CsrfField token={ctx.csrfToken} />
        <div class={errors.file ? 'field field-error' : 'field'}>
          <label for="f-file">Excel 文件（.xlsx）</label>
          {errors.file ? (
            <p class="field-message" id="f-file-error">
              <span class="visually-hidden">错误：</span>
              {errors.file}
            </p>
          ) : null}
          <input id="f-file" name="file" type="file" accept=".xlsx" aria-describedby={errors.file ? 'f-file-error' : undefined} />
        </div>
        {problems?.length ? (
          <ul class="check-list">
            {problems.slice(0, 20).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        ) : null}
        <TextField name="label" label="版本名称" value={values.label} error={errors.label} hint="如 2026年版" required />
        <TextField name="publishedOn" label="公布日期" type="date" value={values.publishedOn} error={errors.publishedOn} required />
        <TextField name="docNo" label="批准文号" value={values.docNo} error={errors.docNo} hint="如 楚政办通〔2026〕28号" />
        <button type="submit">上传并预览</button>
      </form>
    </UnitFrame>
  );
}

export function ImportPreviewPage({
  ctx,
  unit,
  fileName,
  label,
  dataRows,
  blankRows,
  problems,
  counts,
  code,
  sample,
}: {
  ctx: PageContext;
  unit: StaffUnit;
  fileName: string;
  label: string;
  dataRows: number;
  blankRows: number;
  problems: ListProblem[];
  counts: { total: number; byType: [string, number][]; statutory: number; devolved: number; entrusted: number };
  code: string | null;
  sample: { name: string; type: string; source: string }[];
}) {
  return (
    <UnitFrame ctx={ctx} unit={unit} title="导入预览">
      <p>
        文件“{fileName}”：读到事项{dataRows}行，空行{blankRows}行（已跳过）。{problems.length ? `有${problems.length}处问题，请改正后重新上传；本次没有保存任何内容。` : `全部${dataRows}行可以导入，将保存为“${label}”。`}
      </p>
      {problems.length ? (
        <TableRegion label="问题（按行）">
          <table>
            <thead>
              <tr>
                <th scope="col">行</th>
                <th scope="col">列</th>
                <th scope="col">问题</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i} class="row-bad">
                  <td>{p.row || '—'}</td>
                  <td>{p.column || '—'}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <>
          <p>
            共{counts.byType.length}类{counts.total}项：{counts.byType.map(([t, n]) => `${t}${n}项`).join('、')}；法定{counts.statutory}项，下放{counts.devolved}项，委托{counts.entrusted}项。
          </p>
          <TableRegion label="前20行">
            <table>
              <thead>
                <tr>
                  <th scope="col">职权名称</th>
                  <th scope="col">职权类型</th>
                  <th scope="col">来源</th>
                </tr>
              </thead>
              <tbody>
                {sample.map((r, i) => (
                  <tr key={i}>
                    <td>{r.name}</td>
                    <td>{r.type}</td>
                    <td>{r.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
      {code ? (
        <form method="post" action={`/staff/powers/${unit.slug}/import/confirm`}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="code" value={code} />
          <button type="submit">确认导入{dataRows}项</button>
        </form>
      ) : (
        <p>
          <a href={`/staff/powers/${unit.slug}/import`}>重新上传</a>
        </p>
      )}
    </UnitFrame>
  );
}

export const ROW_FIELDS: [string, string, 'text' | 'area'][] = [
  ['code', '事项编码', 'text'],
  ['name', '职权名称', 'text'],
  ['subItem', '子项', 'text'],
  ['basis', '设定依据（每行一条：法律法规名称及条款）', 'area'],
  ['subject', '实施主体', 'text'],
  ['entrustedBy', '委托机关（委托实施时填写）', 'text'],
  ['target', '实施对象', 'text'],
  ['duties', '责任事项（每行一个环节，如“1.立案责任：……”）', 'area'],
  ['accountability', '追责情形', 'area'],
  ['accountabilityBasis', '追责依据', 'area'],
  ['supervision', '监督方式', 'text'],
  ['remedy', '救济途径', 'text'],
  ['note', '备注', 'text'],
];

export function ChangeFormPage({
  ctx,
  unit,
  items,
  types,
  values,
  errors,
}: {
  ctx: PageContext;
  unit: StaffUnit;
  items: { code: string; name: string }[];
  types: string[];
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  return (
    <UnitFrame ctx={ctx} unit={unit} title="提出调整">
      <form method="get" action={`/staff/powers/${unit.slug}/changes/new`} class="filters" aria-label="选择要调整的事项">
        <SelectField name="item" label="调整已有事项（增加事项时不选）" value={values.item} options={items.map((i) => ({ value: i.code, label: i.name }))} placeholder="（新增事项）" />
        <div class="field">
          <button type="submit">载入该事项</button>
        </div>
      </form>
      <form method="post" action={`/staff/powers/${unit.slug}/changes`} noValidate>
        <ErrorSummary errors={errors} />
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="item" value={values.item ?? ''} />
        {errors.item ? <p class="field-message">{errors.item}</p> : null}
        <RadioGroup name="kind" legend="调整方式" value={values.kind ?? ''} options={CHANGE_KINDS.map((k) => ({ value: k, label: k }))} error={errors.kind} inline required />
        <TextArea name="reason" label="调整理由和依据" value={values.reason} error={errors.reason} rows={3} required />
        <TextField name="proposedOn" label="提出日期" type="date" value={values.proposedOn} error={errors.proposedOn} required />
        <fieldset>
          <legend>调整后的事项要素（取消事项时无需填写）</legend>
          <SelectField name="row.type" label="职权类型" value={values['row.type']} options={types.map((t) => ({ value: t, label: t }))} error={errors['row.type']} placeholder="请选择" />
          <RadioGroup name="row.source" legend="来源" value={values['row.source'] ?? '法定'} options={POWER_SOURCES.map((s) => ({ value: s, label: s }))} error={errors['row.source']} inline />
          {ROW_FIELDS.map(([k, label, kind]) =>
            kind === 'area' ? (
              <TextArea key={k} name={`row.${k}`} label={label} value={values[`row.${k}`]} error={errors[`row.${k}`]} rows={3} />
            ) : (
              <TextField key={k} name={`row.${k}`} label={label} value={values[`row.${k}`]} error={errors[`row.${k}`]} />
            ),
          )}
        </fieldset>
        <button type="submit">提出调整</button>
      </form>
    </UnitFrame>
  );
}

const NEXT_ACTION: Partial<Record<ChangeState, ChangeAction>> = { proposed: 'review', reviewed: 'check_legality', legality_checked: 'approve', approved: 'publish' };

export function ChangePage({ ctx, unit, change, values, errors }: { ctx: PageContext; unit: StaffUnit; change: ChangeRow; values: Record<string, string>; errors: FieldErrors }) {
  const next = NEXT_ACTION[change.state as ChangeState];
  const steps: [string, string | null][] = [
    ['提出', change.proposedOn],
    ['牵头部门审核', change.reviewedOn],
    ['司法局合法性审查', change.legalityOn],
    [`本级政府同意${change.docNo ? `（${change.docNo}）` : ''}`, change.approvedOn],
    ['公布', change.publishedOn],
  ];
  return (
    <UnitFrame ctx={ctx} unit={unit} title={`调整：${change.kind}“${change.row.name}”`}>
      <p>
        状态：<ChangeStateTag state={change.state} />
        {change.rejectReason ? `（${change.rejectedOn} 退回：${change.rejectReason}）` : ''}
      </p>
      <p>理由和依据：{change.reason}</p>
      <ol>
        {steps.map(([label, on]) => (
          <li key={label}>
            {label}：{on ?? '—'}
          </li>
        ))}
      </ol>
      {!(next && unit.canDecide) ? <Refusal errors={errors} /> : null}
      {next && unit.canDecide ? (
        <form method="post" action={`/staff/powers/changes/${change.publicCode}`} class="action-box" noValidate>
          <h2>{CHANGE_ACTION_LABELS[next]}</h2>
          <ErrorSummary errors={errors} />
          <CsrfField token={ctx.csrfToken} />
          <RadioGroup
            name="action"
            legend="结果"
            value={values.action ?? next}
            options={[{ value: next, label: CHANGE_ACTION_LABELS[next] }, ...(next !== 'publish' ? [{ value: 'reject', label: CHANGE_ACTION_LABELS.reject }] : [])]}
            error={errors.action}
          />
          <TextField name="on" label="日期" type="date" value={values.on} error={errors.on} required />
          {next === 'approve' ? <TextField name="docNo" label="同意调整的文件文号" value={values.docNo} error={errors.docNo} /> : null}
          {next !== 'publish' ? <TextArea name="reason" label="退回理由（退回时填写）" value={values.reason} error={errors.reason} rows={2} /> : null}
          <button type="submit">保存</button>
        </form>
      ) : null}
      <h2>事项要素</h2>
      <RowElements row={change.row} />
    </UnitFrame>
  );
}

/** A confirmed import while it is saved and after: rows read, checked and saved (the shared run panel). */
export function ImportRunPage({ ctx, unit, fileName, run, statusUrl }: { ctx: PageContext; unit: StaffUnit; fileName: string; run: ImportRunStatus; statusUrl: string }) {
  const running = run.state === 'running';
  const title = running ? '正在导入权责清单' : run.state === 'done' ? '权责清单导入完成' : '权责清单导入未完成';
  return (
    <StaffLayout
      ctx={ctx}
      title={`${title} - ${unit.name}`}
      breadcrumbs={[{ href: '/staff', label: '管理后台' }, { href: '/staff/powers', label: '管理和服务公开' }, { href: `/staff/powers/${unit.slug}`, label: unit.name }, { label: '导入进度' }]}
      head={running ? <RunRefresh /> : undefined}
    >
      <h1>
        {unit.name} · {title}
      </h1>
      <p>文件：{fileName}</p>
      <ImportRunPanel run={run} statusUrl={statusUrl} steps />
      {running ? null : (
        <p>
          <a class="button" href={`/staff/powers/${unit.slug}`}>
            返回权责清单
          </a>{' '}
          {run.state !== 'done' ? <a href={`/staff/powers/${unit.slug}/import`}>重新上传</a> : null}
        </p>
      )}
    </StaffLayout>
  );
}
