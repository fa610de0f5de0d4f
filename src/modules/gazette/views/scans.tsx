// Pages of the scanned archive: a past issue's scan with the text read from each page beside it (public),
// and the staff list, upload form and page-by-page correction.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout, StaffLayout } from '../../../core/ui/layout.tsx';
import { segmentsToHtml } from '../../../core/search/snippet.ts';
import { formatBytes } from '../../../core/files/sniff.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { CsrfField, describedBy, ErrorSummary, Field, fieldId, TextArea, TextField, RefusalBox } from '../../../core/ui/components.tsx';
import { issueLabel, type IssueNumber } from '../domain/numbering.ts';
import { OCR_STATE_LABELS } from '../domain/ocr.ts';
import { chineseDate } from '../pdf/layout.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { SCAN_TYPES_TEXT, type ScanHit, type ScanSummary } from '../scans.ts';

// The public column's addresses (as in public.tsx, which lists scans with this file's components).
const BASE = '/gazette';
const issuePath = (i: { year: number; number: number }) => `${BASE}/${i.year}/${i.number}`;
export const scanFilePath = (s: { year: number; number: number }) => `${BASE}/${s.year}/${s.number}/scan`;
export const scanImagePath = (s: { year: number; number: number }, page: number) => `${BASE}/${s.year}/${s.number}/scan/${page}`;
export const STAFF_SCANS = '/staff/gazette/scans';
export const staffScanPath = (s: { id: number }) => `${STAFF_SCANS}/${s.id}`;

export interface ScanPage {
  page: number;
  text: string;
  confidence: number | null;
  readable: boolean;
  correctedAt: Date | null;
}

function pageNote(p: ScanPage): string {
  if (p.correctedAt) return '文字已人工核对';
  if (!p.readable) return '此页文字无法可靠识别，以扫描图像为准';
  return `文字由计算机识别（置信度 ${Math.round(p.confidence ?? 0)}%），以扫描图像为准`;
}

/** The scans of a year (or of all years) as a list of links, beside the edited issues. */
export function ScanList({ scans }: { scans: ScanSummary[] }) {
  return (
    <ul class="card-list gazette-issues">
      {scans.map((s) => (
        <li key={s.id}>
          <a href={issuePath(s)}>{issueLabel(s)}</a> <span class="hint">扫描版{s.issuedOn ? `，${chineseDate(s.issuedOn)}出版` : ''}{s.pageCount ? `，${s.pageCount}页` : ''}</span>{' '}
          <a href={scanFilePath(s)} class="nowrap">
            下载扫描件<span class="visually-hidden">（{issueLabel(s)}）</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function ScanIssuePage({ ctx, name, scan, pages }: { ctx: PageContext; name: string; scan: ScanSummary; pages: ScanPage[] }) {
  const label = issueLabel(scan);
  return (
    <PublicLayout ctx={ctx} title={`《${name}》${label}（扫描版）`} breadcrumbs={[{ href: BASE, label: name }, { href: `${BASE}/${scan.year}`, label: `${scan.year}年` }, { label }]}>
      <h1>
        《{name}》{label}
      </h1>
      <p>
        本期只有纸质版，这里是它的扫描件{scan.issuedOn ? `（${chineseDate(scan.issuedOn)}出版）` : ''}。每页右侧（手机上为下方）是从扫描图像识别出的文字，供检索和阅读；如有出入，以扫描图像为准。{' '}
        <a href={scanFilePath(scan)}>下载扫描件（{formatBytes(scan.sizeBytes)}）</a>
      </p>
      {pages.length ? null : <p role="status">{scan.ocrState === 'queued' || scan.ocrState === 'running' ? '正在识别扫描件中的文字，请稍后再来。' : '本期扫描件的文字尚未识别，请下载扫描件阅读。'}</p>}
      {pages.map((p) => (
        <section key={p.page} id={`p-${p.page}`} class="gazette-scan-page" aria-labelledby={`h-p-${p.page}`}>
          <h2 id={`h-p-${p.page}`}>第{p.page}页</h2>
          <div class="gazette-scan-pair">
            <a href={scanImagePath(scan, p.page)} class="gazette-scan-image">
              <img src={scanImagePath(scan, p.page)} alt={`${label}第${p.page}页扫描图像`} loading="lazy" width="620" height="877" />
            </a>
            <div class="gazette-scan-text">
              <p class="hint">{pageNote(p)}</p>
              {p.text ? <pre class="gazette-ocr-text">{p.text}</pre> : <p>（此页没有识别出文字）</p>}
            </div>
          </div>
        </section>
      ))}
    </PublicLayout>
  );
}

/** Hits in scanned issues, for the gazette search page. */
/** The address of an issue whose scan was withdrawn and not replaced (answered with 410). */
export function WithdrawnScanPage({ ctx, name, scan }: { ctx: PageContext; name: string; scan: ScanSummary }) {
  const label = issueLabel(scan);
  return (
    <PublicLayout ctx={ctx} title={`${label}（已撤回）`} breadcrumbs={[{ href: '/gazette', label: name }, { href: `/gazette/${scan.year}`, label: `${scan.year}年` }, { label }]}>
      <h1>
        《{name}》{label}
      </h1>
      <p role="status">
        本期的扫描件已于{chineseDate(shanghaiToday(scan.withdrawnAt!))}撤回，原因：{scan.withdrawnReason}。更正后的扫描件上传后将在本页提供。
      </p>
      <p>
        <a href="/gazette">返回政府公报</a>
      </p>
    </PublicLayout>
  );
}

export function ScanHits({ q, total, hits }: { q: string; total: number; hits: ScanHit[] }) {
  if (!q || !total) return null;
  return (
    <section aria-labelledby="scan-hits">
      <h2 id="scan-hits">往期扫描版（{total}页含“{q}”）</h2>
      <ol class="search-results">
        {hits.map((h) => (
          <li key={`${h.year}-${h.number}-${h.page}`}>
            <a href={`${issuePath(h)}#p-${h.page}`}>
              {issueLabel(h)} 第{h.page}页
            </a>
            <p dangerouslySetInnerHTML={{ __html: segmentsToHtml(h.snippet) }} />
          </li>
        ))}
      </ol>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------
// Staff

const CRUMBS = [{ href: '/staff/gazette', label: '政府公报' }];

export function StaffScansPage({ ctx, name, scans, proposal, values, errors, reasons }: { ctx: PageContext; name: string; scans: ScanSummary[]; proposal: IssueNumber; values: Record<string, string>; errors: FieldErrors; reasons: string[] }) {
  return (
    <StaffLayout ctx={ctx} title="扫描版往期公报" breadcrumbs={[...CRUMBS, { label: '扫描版往期公报' }]}>
      <h1>扫描版往期公报</h1>
      <p>只有纸质版的往期{name ? `《${name}》` : '公报'}：上传扫描件并填写期号，系统在后台识别文字（Tesseract 简体中文模型），识别出的文字进入公报检索，公众可看到扫描图像和文字。识别不了的页面照样保存并标明，可以人工录入。</p>
      <ErrorSummary errors={errors} />
      <RefusalBox reasons={reasons.filter((r) => !Object.values(errors).includes(r))} />
      <form method="post" action={STAFF_SCANS} enctype="multipart/form-data" class="stack" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h2>上传扫描件</h2>
        <div class="filters">
          <TextField name="year" label="年份" value={values.year ?? String(proposal.year)} error={errors.year} inputMode="numeric" maxLength={4} required />
          <TextField name="number" label="期号（第N期）" value={values.number ?? ''} error={errors.number} inputMode="numeric" maxLength={2} required />
          <TextField name="overall" label="总期号（总第M期）" value={values.overall ?? ''} error={errors.overall} inputMode="numeric" maxLength={5} required />
          <TextField name="issuedOn" label="出版日期（可空）" value={values.issuedOn ?? ''} error={errors.issuedOn} type="date" />
        </div>
        <Field name="file" label="扫描件" hint={`${SCAN_TYPES_TEXT}；多页的扫描件请上传 PDF。`} error={errors.file} required>
          <input id={fieldId('file')} name="file" type="file" accept=".pdf,.png,.jpg,.jpeg" aria-invalid={errors.file ? 'true' : undefined} aria-describedby={describedBy('file', { hint: SCAN_TYPES_TEXT, error: errors.file })} />
        </Field>
        <button type="submit" class="button">
          上传并识别
        </button>
      </form>
      <h2>已上传</h2>
      {scans.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">期号</th>
                <th scope="col">页数</th>
                <th scope="col">文字识别</th>
              </tr>
            </thead>
            <tbody>
              {scans.map((s) => (
                <tr key={s.id}>
                  <td>
                    <a href={staffScanPath(s)}>{issueLabel(s)}</a>
                  </td>
                  <td>{s.pageCount || '—'}</td>
                  <td>
                    {s.withdrawnAt ? '已撤回' : OCR_STATE_LABELS[s.ocrState]}
                    {!s.withdrawnAt && s.ocrMessage ? <span class="hint">：{s.ocrMessage}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>还没有上传扫描件。</p>
      )}
    </StaffLayout>
  );
}

export function StaffScanPage({ ctx, scan, pages, errors, values, reasons }: { ctx: PageContext; scan: ScanSummary; pages: ScanPage[]; errors: FieldErrors; values: Record<string, string>; reasons: string[] }) {
  const label = issueLabel(scan);
  const busy = scan.ocrState === 'queued' || scan.ocrState === 'running';
  return (
    <StaffLayout ctx={ctx} title={`${label}（扫描版）`} breadcrumbs={[...CRUMBS, { href: STAFF_SCANS, label: '扫描版往期公报' }, { label }]}>
      <h1>{label}（扫描版）</h1>
      <ErrorSummary errors={errors} />
      <RefusalBox reasons={reasons} />
      <dl class="summary-list">
        <dt>文件</dt>
        <dd>
          <a href={scanFilePath(scan)}>{scan.fileName}</a>（{formatBytes(scan.sizeBytes)}）
        </dd>
        <dt>文字识别</dt>
        <dd>
          <span data-ocr-state={scan.ocrState}>{OCR_STATE_LABELS[scan.ocrState]}</span>
          {scan.ocrMessage ? `：${scan.ocrMessage}` : ''}
          {busy ? '（本页不会自动刷新，请稍后重新打开）' : ''}
        </dd>
        <dt>公众页面</dt>
        <dd>
          <a href={issuePath(scan)}>{issuePath(scan)}</a>
        </dd>
        {scan.withdrawnAt ? (
          <>
            <dt>已撤回</dt>
            <dd>
              {chineseDate(shanghaiToday(scan.withdrawnAt))}撤回，原因：{scan.withdrawnReason}（公众页面不再显示本扫描件，期号可重新上传）
            </dd>
          </>
        ) : null}
      </dl>
      {busy || scan.withdrawnAt ? null : (
        <form method="post" action={`${staffScanPath(scan)}/requeue`}>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="button secondary">
            重新识别
          </button>{' '}
          <span class="hint">人工修改过的页面保持不变。</span>
        </form>
      )}
      {pages.map((p) => {
        const name = `text-${p.page}`;
        return (
          <section key={p.page} id={`p-${p.page}`} class="gazette-scan-page" aria-labelledby={`h-p-${p.page}`}>
            <h2 id={`h-p-${p.page}`}>第{p.page}页</h2>
            <div class="gazette-scan-pair">
              <a href={scanImagePath(scan, p.page)} class="gazette-scan-image">
                <img src={scanImagePath(scan, p.page)} alt={`第${p.page}页扫描图像`} loading="lazy" width="620" height="877" />
              </a>
              <form method="post" action={`${staffScanPath(scan)}/pages/${p.page}`} class="gazette-scan-text stack" novalidate>
                <CsrfField token={ctx.csrfToken} />
                <TextArea name={name} label={`第${p.page}页文字`} hint={pageNote(p)} value={values[name] ?? p.text} error={errors[name]} rows={18} />
                <button type="submit" class="button">
                  保存第{p.page}页文字
                </button>
              </form>
            </div>
          </section>
        );
      })}
      {scan.withdrawnAt ? null : (
        <section aria-labelledby="h-withdraw" class="stack">
          <h2 id="h-withdraw">撤回扫描件</h2>
          <form method="post" action={`${staffScanPath(scan)}/withdraw`} class="stack" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextArea name="reason" label="撤回原因" hint="上传错了文件或期号时撤回：扫描件不再公开、不再被检索，期号可以重新上传；撤回记入审计日志。" value={values.reason ?? ''} error={errors.reason} rows={3} required />
            <button type="submit" class="button secondary">
              撤回扫描件
            </button>
          </form>
        </section>
      )}
    </StaffLayout>
  );
}
