import type { PageContext } from '../../../core/ui/context.ts';
import { ImportRunPanel, RunRefresh } from '../../../core/import-runs/view.tsx';
import type { ImportRunStatus } from '../../../core/import-runs/status.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, fieldId, SelectField, TextArea } from '../../../core/ui/components.tsx';
import type { ImportProblem } from '../domain/types.ts';
import type { PlannedRow } from '../domain/import-preview.ts';
import type { SheetPreview } from '../http/import-flow.ts';
import { LEVEL_CHOICE_LABELS, type LevelChoice } from '../import/parse-workbook.ts';
import { problemLocation } from '../import/layout.ts';
import { groupProblems } from '../domain/import-problems.ts';
import { packProblems } from '../import/write-problems.ts';

/** Problems listed one by one on the preview; the counts by kind cover all, and all can be downloaded. */
export const PROBLEM_LIST_LIMIT = 50;
import { CATALOG_CRUMB } from './staff-catalog.tsx';

interface CatalogRef {
  unitName: string;
  slug: string;
  isRoot: boolean;
}

const catalogTitle = (c: CatalogRef) => (c.isRoot ? '本市标准目录' : `${c.unitName}目录`);

function crumbs(c: CatalogRef, last: string) {
  return [CATALOG_CRUMB, { href: `/staff/catalog/${c.slug}`, label: catalogTitle(c) }, { label: last }];
}

export interface ImportFormValues {
  reason: string;
  defaultDomain: string;
}

export function ImportFormPage({
  ctx,
  catalog,
  values,
  errors,
  fileProblems,
  domains,
  maxMb,
}: {
  ctx: PageContext;
  catalog: CatalogRef;
  values: ImportFormValues;
  errors: FieldErrors;
  /** Problems of the whole file (not an xlsx, empty, no header …), each on its own line. */
  fileProblems: string[];
  domains: string[];
  maxMb: number;
}) {
  const title = `导入 Excel：${catalogTitle(catalog)}`;
  const fileError = errors.file;
  return (
    <StaffLayout ctx={ctx} title={title} breadcrumbs={crumbs(catalog, '导入 Excel')}>
      <h1>{title}</h1>
      <p>
        上传按全国基层政务公开标准目录格式填写的 .xlsx 文件（序号、公开事项（一级事项、二级事项）、公开内容（要素）、公开依据、公开时限、公开主体、公开渠道和载体、公开对象、公开方式、公开层级）。
        上传后先显示预览，列出每一处问题；确认后才保存，并且要么全部保存、要么都不保存。
        {catalog.isRoot ? '导入的事项进入本市标准目录。' : '导入的事项作为本单位自行增加的事项。'}
        领域、一级事项、二级事项都相同的事项视为同一事项，内容不同时更新它。
      </p>
      <p class="hint">文件不超过 {maxMb}MB，最多 20,000 行。可以先导出现有目录作为模板。</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/staff/catalog/${catalog.slug}/import`} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <div class={fileError ? 'field field-error' : 'field'}>
          <label for={fieldId('file')}>
            Excel 文件（.xlsx）<span class="req" aria-hidden="true"> *</span>
          </label>
          {fileError ? (
            <div class="field-message" id={`${fieldId('file')}-error`}>
              <span class="visually-hidden">错误：</span>
              {fileProblems.length > 1 ? (
                <ul>
                  {fileProblems.map((m, i) => (
                    <li key={i}>{m}</li>
                  ))}
                </ul>
              ) : (
                fileError
              )}
            </div>
          ) : null}
          <input
            id={fieldId('file')}
            name="file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? `${fieldId('file')}-error` : undefined}
            required
          />
        </div>
        <SelectField
          name="defaultDomain"
          label="领域（选填）"
          value={values.defaultDomain}
          error={errors.defaultDomain}
          options={domains.map((d) => ({ value: d, label: d }))}
          placeholder="按表格中的领域列或标题"
          hint="表格没有“领域”列、标题中也没有写明“××领域”时，全部事项归入此领域。"
        />
        <TextArea name="reason" label="导入说明" value={values.reason} error={errors.reason} rows={2} hint="将记入目录版本历史，如：按2026年修订的财政预决算领域目录更新。" required />
        <button type="submit" class="button">
          上传并预览
        </button>{' '}
        <a href={`/staff/catalog/${catalog.slug}`}>取消</a>
      </form>
    </StaffLayout>
  );
}

export interface PreviewProps {
  ctx: PageContext;
  catalog: CatalogRef;
  fileName: string;
  sheetName: string;
  /** Every sheet of the workbook: read (with its counts) or skipped (with the reason). */
  sheets: SheetPreview[];
  title: string;
  dataRows: number;
  problems: ImportProblem[];
  counts: { create: number; update: number; adopt: number; unchanged: number };
  rows: PlannedRow[];
  rowLimit: number;
  reason: string;
  /** The sealed items; null when errors block saving. */
  sealed: { data: string; sig: string } | null;
  tooLarge: boolean;
}

const ACTION_LABEL = { create: '新增', update: '修改', adopt: '采用标准事项', unchanged: '不变' } as const;

const location = (p: ImportProblem) => problemLocation(p);

const LEVEL_OPTIONS = (Object.keys(LEVEL_CHOICE_LABELS) as LevelChoice[]).map((k) => ({ value: k, label: LEVEL_CHOICE_LABELS[k] }));

/** Per sheet: rows read, what becomes of them, and the sheets skipped with the reason. */
function SheetTable({ sheets }: { sheets: SheetPreview[] }) {
  const caption = `各工作表：共 ${sheets.length} 张，导入 ${sheets.filter((s) => s.status === 'read').length} 张，未导入 ${sheets.filter((s) => s.status === 'skipped').length} 张`;
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">工作表</th>
            <th scope="col">读取行数</th>
            <th scope="col">新增</th>
            <th scope="col">修改</th>
            <th scope="col">采用</th>
            <th scope="col">不变</th>
            <th scope="col">有错误的行</th>
            <th scope="col">未导入的行</th>
            <th scope="col">说明</th>
          </tr>
        </thead>
        <tbody>
          {sheets.map((s) => (
            <tr key={s.index}>
              <th scope="row">{s.name}</th>
              {s.status === 'skipped' ? (
                <td colSpan={7}>未导入</td>
              ) : (
                <>
                  <td>{s.rowsRead}</td>
                  <td>{s.create}</td>
                  <td>{s.update}</td>
                  <td>{s.adopt}</td>
                  <td>{s.unchanged}</td>
                  <td>{s.refusedRows ? <span class="status-bad">{s.refusedRows}</span> : 0}</td>
                  <td>{s.skippedRows + s.repeated}</td>
                </>
              )}
              <td>
                {s.status === 'skipped' ? s.reason : s.title}
                {s.levelChoice ? <>{s.title ? '；' : ''}本表没有“公开层级”列，导入时按下面为本表选择的层级（默认{LEVEL_CHOICE_LABELS[s.levelChoice]}）</> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportPreviewPage(p: PreviewProps) {
  const errors = p.problems.filter((x) => x.severity === 'error');
  const warnings = p.problems.filter((x) => x.severity === 'warning');
  const blocked = errors.length > 0 || !p.sealed;
  const toSave = p.counts.create + p.counts.update + p.counts.adopt;
  return (
    <StaffLayout ctx={p.ctx} title={`导入预览：${catalogTitle(p.catalog)}`} breadcrumbs={crumbs(p.catalog, '导入预览')}>
      <h1>导入预览：{catalogTitle(p.catalog)}</h1>
      <dl class="facts">
        <dt>文件</dt>
        <dd>{p.fileName}</dd>
        <dt>工作表</dt>
        <dd>{p.sheets.length > 1 ? `${p.sheets.filter((s) => s.status === 'read').length} 张（共 ${p.sheets.length} 张，见下表）` : p.sheetName}</dd>
        {p.title ? (
          <>
            <dt>标题</dt>
            <dd>{p.title}</dd>
          </>
        ) : null}
        <dt>读取的事项行</dt>
        <dd>{p.dataRows} 行</dd>
        <dt>将新增</dt>
        <dd>{p.counts.create} 项</dd>
        <dt>将修改</dt>
        <dd>{p.counts.update} 项</dd>
        {p.counts.adopt ? (
          <>
            <dt>将采用本市标准事项</dt>
            <dd>{p.counts.adopt} 项</dd>
          </>
        ) : null}
        <dt>不变</dt>
        <dd>{p.counts.unchanged} 项</dd>
        <dt>导入说明</dt>
        <dd>{p.reason}</dd>
      </dl>
      <SheetTable sheets={p.sheets} />
      {errors.length ? (
        <div class="error-summary" role="alert">
          <h2>有 {errors.length} 处错误，不能导入</h2>
          <p>请在 Excel 中改正下表中标为“错误”的单元格后重新上传。本次没有保存任何内容。</p>
        </div>
      ) : null}
      {p.tooLarge ? (
        <div class="warning-box" role="alert">
          <p>文件中的事项过多，无法在一次确认中提交，请把文件拆分为几个较小的文件分别导入。</p>
        </div>
      ) : null}
      {p.problems.length ? (
        <>
          <div class="table-wrap" role="region" tabIndex={0} aria-label="发现的问题按类别">
            <table>
              <caption>
                发现的问题：错误 {errors.length} 处，提示 {warnings.length} 处（提示不影响导入），按类别
              </caption>
              <thead>
                <tr>
                  <th scope="col">类别</th>
                  <th scope="col">类型</th>
                  <th scope="col">处数</th>
                </tr>
              </thead>
              <tbody>
                {groupProblems(p.problems).map((g) => (
                  <tr key={`${g.severity}${g.kind}`}>
                    <td>{g.kind}</td>
                    <td>{g.severity === 'error' ? <span class="status-bad">错误</span> : '提示'}</td>
                    <td>{g.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form method="post" action={`/staff/catalog/${p.catalog.slug}/import/problems.xlsx`} class="no-print">
            <CsrfField token={p.ctx.csrfToken} />
            <input type="hidden" name="problems" value={packProblems(p.problems)} />
            <button type="submit" class="button secondary">
              下载全部 {p.problems.length} 处问题（xlsx）
            </button>
          </form>
          <div class="table-wrap" role="region" tabIndex={0} aria-label="发现的问题">
            <table>
              <caption>
                {p.problems.length > PROBLEM_LIST_LIMIT ? `发现的问题（只列出前 ${PROBLEM_LIST_LIMIT} 处，共 ${p.problems.length} 处，全部问题请下载）` : '发现的问题'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">位置</th>
                  <th scope="col">类型</th>
                  <th scope="col">说明</th>
                </tr>
              </thead>
              <tbody>
                {[...errors, ...warnings].slice(0, PROBLEM_LIST_LIMIT).map((x, i) => (
                  <tr key={i}>
                    <td>{location(x)}</td>
                    <td>{x.severity === 'error' ? <span class="status-bad">错误</span> : '提示'}</td>
                    <td>{x.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p class="status-ok">没有发现问题。</p>
      )}
      {!blocked ? (
        <form method="post" action={`/staff/catalog/${p.catalog.slug}/import/confirm`} data-progress="import-progress">
          <CsrfField token={p.ctx.csrfToken} />
          <input type="hidden" name="payload" value={p.sealed!.data} />
          <input type="hidden" name="signature" value={p.sealed!.sig} />
          {p.sheets
            .filter((s) => s.levelChoice)
            .map((s, i) => (
              <SelectField
                key={s.index}
                name={`level_${i}`}
                label={`工作表「${s.name}」的公开层级`}
                value={s.levelChoice!}
                options={LEVEL_OPTIONS}
                hint={`本表没有“公开层级”列，本表的 ${s.items} 个事项都按所选层级导入。默认按本单位类别（${s.levelChoice === 'township' ? '乡镇（街道）为乡级' : '县级单位为县级'}）。`}
              />
            ))}
          <p>
            {toSave
              ? `确认后将新增 ${p.counts.create} 项、修改 ${p.counts.update} 项${p.counts.adopt ? `、采用本市标准事项 ${p.counts.adopt} 项` : ''}，形成目录的新版本。${p.dataRows >= 1000 ? `共 ${p.dataRows} 行，保存需要几秒钟，请勿重复点击。` : ''}`
              : '文件中的事项与现有目录完全相同，确认后不会产生新版本。'}
          </p>
          <button type="submit" class="button">
            确认导入
          </button>{' '}
          <a href={`/staff/catalog/${p.catalog.slug}/import`}>重新上传</a>
          {/* Shown by site.js while the confirm request runs; without JavaScript the sentence above says to wait. */}
          <p id="import-progress" class="import-progress" role="status" aria-live="polite" hidden>
            <progress aria-label="保存进度"></progress> 正在保存 {toSave} 项，请稍候，不要关闭或刷新本页……
          </p>
        </form>
      ) : (
        <p>
          <a class="button secondary" href={`/staff/catalog/${p.catalog.slug}/import`}>
            重新上传
          </a>
        </p>
      )}
      {p.rows.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label={`各事项的处理方式${p.rows.length > p.rowLimit ? `（只列出前 ${p.rowLimit} 项，共 ${p.rows.length} 项）` : ''}`}>
          <table>
            <caption>
              各事项的处理方式{p.rows.length > p.rowLimit ? `（只列出前 ${p.rowLimit} 项，共 ${p.rows.length} 项）` : ''}
            </caption>
            <thead>
              <tr>
                {p.sheets.length > 1 ? <th scope="col">工作表</th> : null}
                <th scope="col">行</th>
                <th scope="col">领域</th>
                <th scope="col">一级事项</th>
                <th scope="col">二级事项</th>
                <th scope="col">处理</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.slice(0, p.rowLimit).map((r) => (
                <tr key={`${r.sourceSheet ?? ''}:${r.sourceRow}`}>
                  {p.sheets.length > 1 ? <td>{r.sourceSheet}</td> : null}
                  <td>{r.sourceRow}</td>
                  <td>{r.data.domainName}</td>
                  <td>{r.data.level1}</td>
                  <td>{r.data.level2}</td>
                  <td>
                    {ACTION_LABEL[r.action]}
                    {r.changes.length ? `（${r.changes.map((c) => c.label).join('、')}）` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </StaffLayout>
  );
}

export interface ImportRunView extends ImportRunStatus {
  code: string;
  fileName: string;
  /** JSON status for the polling script. */
  statusUrl: string;
}

/** A confirmed import while it is saved and after (the shared run panel of core/import-runs). */
export function ImportRunPage({ ctx, catalog, run }: { ctx: PageContext; catalog: CatalogRef; run: ImportRunView }) {
  const running = run.state === 'running';
  const title = running ? `正在导入：${catalogTitle(catalog)}` : run.state === 'done' ? `导入完成：${catalogTitle(catalog)}` : `导入未完成：${catalogTitle(catalog)}`;
  return (
    <StaffLayout ctx={ctx} title={title} breadcrumbs={crumbs(catalog, '导入进度')} head={running ? <RunRefresh /> : undefined}>
      <h1>{title}</h1>
      <p>文件：{run.fileName}</p>
      <ImportRunPanel run={run} statusUrl={run.statusUrl} />
      {running ? (
        <p class="hint">稍后可从目录页查看结果。</p>
      ) : (
        <p>
          <a class="button" href={`/staff/catalog/${catalog.slug}`}>
            返回{catalogTitle(catalog)}
          </a>{' '}
          {run.state !== 'done' ? <a href={`/staff/catalog/${catalog.slug}/import`}>重新上传</a> : null}
        </p>
      )}
    </StaffLayout>
  );
}
