// The openness office's editor of letter templates: the list of letters, one template with its
// placeholders and versions, and a preview filled with sample data.
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, TextArea, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import { formatInstant } from '../../../core/clock.ts';
import { PLACEHOLDERS } from '../letters/template-text.ts';
import type { DefaultTemplate } from '../letters/defaults.ts';

const BASE = '/staff/requests/templates';
const CRUMBS = [{ href: '/staff/requests', label: '依申请公开' }];

export function TemplateListPage({
  ctx,
  rows,
}: {
  ctx: PageContext;
  rows: { def: DefaultTemplate; version: number; changedAt: Date | null; changedByName: string | null }[];
}) {
  return (
    <StaffLayout ctx={ctx} title="文书模板" breadcrumbs={[...CRUMBS, { label: '文书模板' }]}>
      <h1>文书模板</h1>
      <p>
        答复告知书按年度报告的办理结果分类，每类一个模板；另有补正通知书、延期答复告知书、征求意见函和收费通知书。生成文书时，系统用申请的内容替换模板中的
        {'{占位符}'}。每次保存都生成新版本，已生成的文书不受以后修改的影响。
      </p>
      <div class="table-wrap">
        <table>
          <caption>全部文书模板</caption>
          <thead>
            <tr>
              <th scope="col">文书</th>
              <th scope="col">当前版本</th>
              <th scope="col">最后修改</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.def.kind}>
                <th scope="row">
                  <a href={`${BASE}/${r.def.kind}`}>{r.def.label}</a>
                </th>
                <td>{r.version ? `第${r.version}版` : '默认文本'}</td>
                <td>{r.changedAt ? `${formatInstant(r.changedAt)} ${r.changedByName ?? ''}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffLayout>
  );
}

export interface TemplateEditProps {
  ctx: PageContext;
  def: DefaultTemplate;
  values: { title: string; body: string; reason: string };
  errors: FieldErrors;
  version: number;
  canEdit: boolean;
  preview: { title: string; text: string; missing: string[] };
  versions: { version: number; title: string; reason: string; changedByName: string; changedAt: Date }[];
}

export function TemplateEditPage({ ctx, def, values, errors, version, canEdit, preview, versions }: TemplateEditProps) {
  return (
    <StaffLayout ctx={ctx} title={def.label} breadcrumbs={[...CRUMBS, { href: BASE, label: '文书模板' }, { label: def.label }]}>
      <h1>{def.label}</h1>
      <p>当前：{version ? `第${version}版` : '默认文本（依据条例编写，尚未修改）'}</p>
      <ErrorSummary errors={errors} />
      {canEdit ? (
        <form method="post" action={`${BASE}/${def.kind}`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="baseVersion" value={String(version)} />
          <TextField name="title" label="文书标题" required value={values.title} error={errors.title} maxLength={60} />
          <TextArea
            name="body"
            label="文书正文"
            required
            rows={18}
            value={values.body}
            error={errors.body}
            hint="每行一段。以“>”开头的行右对齐（用于落款单位和日期）。必须保留的占位符见下表。"
          />
          <TextField name="reason" label="修改说明" required value={values.reason} error={errors.reason} maxLength={500} />
          <button type="submit" class="button">
            保存为新版本
          </button>
        </form>
      ) : (
        <p class="hint">只有政务公开办可以修改文书模板。</p>
      )}
      <h2>预览（示例数据）</h2>
      {preview.missing.length ? <p class="hint">示例中没有以下内容，生成时由经办人填写：{preview.missing.map((m) => `{${m}}`).join('、')}</p> : null}
      <div class="letter-preview">
        <p class="letter-title">{preview.title}</p>
        {preview.text.split('\n').map((l, i) => (
          <p key={i} class={l.startsWith('>') ? 'letter-right' : undefined}>
            {l.replace(/^>\s*/, '')}
          </p>
        ))}
      </div>
      <h2>可用的占位符</h2>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">可用的占位符</caption>
          <thead>
            <tr>
              <th scope="col">占位符</th>
              <th scope="col">内容</th>
              <th scope="col">本文书必须包含</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(PLACEHOLDERS).map(([name, what]) => (
              <tr key={name}>
                <th scope="row">
                  <code>{`{${name}}`}</code>
                </th>
                <td>{what}</td>
                <td>{(def.required as readonly string[]).includes(name) ? '是' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>历史版本</h2>
      {versions.length ? (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">历史版本</caption>
            <thead>
              <tr>
                <th scope="col">版本</th>
                <th scope="col">保存时间</th>
                <th scope="col">保存人</th>
                <th scope="col">修改说明</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row">第{v.version}版</th>
                  <td>{formatInstant(v.changedAt)}</td>
                  <td>{v.changedByName}</td>
                  <td>{v.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>尚未修改过，使用默认文本。</p>
      )}
    </StaffLayout>
  );
}
