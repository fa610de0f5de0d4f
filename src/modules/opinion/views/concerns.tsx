// 回应关切: the public column (list and one response) and the staff list and form.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout, StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, Pagination, Paragraphs, RadioGroup, SelectField, TextArea, TextField, RefusalBox } from '../../../core/ui/components.tsx';
import type { ConcernRow } from '../service-concerns.ts';
import { BASE, type Form } from './staff.tsx';

export const PUBLIC_BASE = '/opinion';
const STAFF = `${BASE}/concerns`;

export function PublicConcernsPage({ ctx, rows, page, pageCount, total }: { ctx: PageContext; rows: ConcernRow[]; page: number; pageCount: number; total: number }) {
  return (
    <PublicLayout ctx={ctx} title="回应关切" breadcrumbs={[{ label: '回应关切' }]}>
      <h1>回应关切</h1>
      <p>对社会关切和热点问题的回应，注明答复单位和日期，并链接所依据的政策文件和解读。共{total}条。</p>
      {rows.length ? (
        <ul>
          {rows.map((r) => (
            <li key={r.code}>
              <a href={`${PUBLIC_BASE}/concerns/${r.code}`}>{r.question}</a>
              <p class="hint">
                {r.unitName} · {r.answeredOn}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>暂无回应。</p>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `${PUBLIC_BASE}?page=${p}`} />
    </PublicLayout>
  );
}

export function PublicConcernPage({ ctx, row }: { ctx: PageContext; row: ConcernRow }) {
  return (
    <PublicLayout ctx={ctx} title={row.question} breadcrumbs={[{ href: PUBLIC_BASE, label: '回应关切' }, { label: '回应' }]}>
      <h1>{row.question}</h1>
      <dl class="facts">
        <dt>答复单位</dt>
        <dd>{row.unitName}</dd>
        <dt>答复日期</dt>
        <dd>{row.answeredOn}</dd>
      </dl>
      <h2>答复</h2>
      <Paragraphs text={row.answer} />
      {row.links.length ? (
        <>
          <h2>相关文件和解读</h2>
          <ul>
            {row.links.map((l) => (
              <li key={l.href}>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </PublicLayout>
  );
}

export function StaffConcernsPage({ ctx, rows }: { ctx: PageContext; rows: ConcernRow[] }) {
  return (
    <StaffLayout ctx={ctx} title="回应关切" breadcrumbs={[{ href: BASE, label: '政务舆情' }, { label: '回应关切' }]}>
      <h1>回应关切</h1>
      <p>
        <a class="button" href={`${STAFF}/new`}>
          新增回应
        </a>{' '}
        <a class="button secondary" href={PUBLIC_BASE}>
          查看公开栏目
        </a>
      </p>
      {rows.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="回应关切">
          <table>
            <thead>
              <tr>
                <th scope="col">关切问题</th>
                <th scope="col">答复单位</th>
                <th scope="col">答复日期</th>
                <th scope="col">关联舆情</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code}>
                  <td>
                    <a href={`${STAFF}/${r.code}`}>{r.question}</a>
                  </td>
                  <td>{r.unitName}</td>
                  <td>{r.answeredOn}</td>
                  <td>{r.itemCode ? <a href={`${BASE}/items/${r.itemCode}`}>{r.itemCode}</a> : '—'}</td>
                  <td>{r.published ? '已公开' : '未公开'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>还没有回应。</p>
      )}
    </StaffLayout>
  );
}

export function ConcernFormPage({ ctx, code, units, form }: { ctx: PageContext; code: string | null; units: { id: number; name: string }[]; form: Form }) {
  const v = form.values;
  const title = code ? '修改回应' : '新增回应';
  return (
    <StaffLayout ctx={ctx} title={title} breadcrumbs={[{ href: BASE, label: '政务舆情' }, { href: STAFF, label: '回应关切' }, { label: title }]}>
      <h1>{title}</h1>
      <RefusalBox reasons={form.reasons} />
      <ErrorSummary errors={form.errors} />
      <form method="post" action={code ? `${STAFF}/${code}` : STAFF} class="narrow">
        <CsrfField token={ctx.csrfToken} />
        <TextArea name="question" label="关切问题" value={v.question} error={form.errors.question} rows={3} required />
        <TextArea name="answer" label="答复" value={v.answer} error={form.errors.answer} rows={8} required />
        <TextField name="answeredOn" type="date" label="答复日期" value={v.answeredOn} error={form.errors.answeredOn} required />
        <SelectField name="unitId" label="答复单位" value={v.unitId} error={form.errors.unitId} options={units.map((u) => ({ value: String(u.id), label: u.name }))} placeholder="请选择" required />
        <TextArea name="links" label="引用的文件和解读" hint="每行一条，写成“标题 | 地址”，地址以 / 或 https:// 开头" value={v.links} error={form.errors.links} rows={3} />
        <TextField name="itemCode" label="关联舆情编号" hint="如 YQ2026-0003，仅后台可见" value={v.itemCode} error={form.errors.itemCode} maxLength={20} />
        <RadioGroup name="published" legend="是否公开" inline value={v.published ?? 'yes'} error={form.errors.published} options={[{ value: 'yes', label: '公开' }, { value: 'no', label: '暂不公开' }]} required />
        <button type="submit" class="button">
          保存
        </button>
      </form>
    </StaffLayout>
  );
}
