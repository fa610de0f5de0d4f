// Evidence files (证据材料) of a step or a key task: a list of downloads (photos shown small), and the
// staff upload form (multipart, works without JavaScript).
import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { CsrfField, ErrorSummary, Field, SelectField, TextField, describedBy, fieldId } from '../../../core/ui/components.tsx';
import { ACCEPTED_TYPES_TEXT, formatBytes } from '../../../core/files/sniff.ts';
import type { EvidenceRow } from '../data/repository.ts';

const KIND: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': '图片',
  'image/jpeg': '图片',
  'image/gif': '图片',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel表格',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word文档',
};

export function EvidenceList({ items, heading }: { items: EvidenceRow[]; heading?: string }) {
  if (!items.length) return null;
  return (
    <div class="evidence">
      {heading ? <p>{heading}</p> : null}
      <ul>
        {items.map((e) => (
          <li key={e.publicCode}>
            {e.mediaType.startsWith('image/') ? (
              <a href={`/decisions/evidence/${e.publicCode}`}>
                <img src={`/decisions/evidence/${e.publicCode}`} alt={e.title} width={160} loading="lazy" style="max-width:100%;height:auto;display:block" />
              </a>
            ) : null}
            <a href={`/decisions/evidence/${e.publicCode}`}>{e.title}</a>（{KIND[e.mediaType] ?? '文件'}，{formatBytes(e.size)}）
          </li>
        ))}
      </ul>
    </div>
  );
}

export function EvidenceForm({ ctx, action, steps, values, errors }: { ctx: PageContext; action: string; steps?: { value: string; label: string }[]; values: Record<string, string>; errors: FieldErrors }) {
  return (
    <section aria-labelledby="evidence-title">
      <h2 id="evidence-title">上传证据材料</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} enctype="multipart/form-data" class="narrow">
        <CsrfField token={ctx.csrfToken} />
        {steps ? <SelectField name="step" label="所属程序" value={values.step} error={errors.step} options={steps} required /> : null}
        <TextField name="title" label="材料名称" hint="如：听证会笔录、专家论证意见、项目现场照片" value={values.title} error={errors.title} maxLength={100} required />
        <Field name="file" label="文件" hint={`可上传 ${ACCEPTED_TYPES_TEXT} 文件，上传后即公开，请勿包含个人信息。`} error={errors.file} required>
          <input type="file" id={fieldId('file')} name="file" accept=".pdf,.png,.jpg,.jpeg,.gif,.xlsx,.docx,.ofd" aria-describedby={describedBy('file', { hint: 'x', error: errors.file })} />
        </Field>
        <button type="submit" class="button">
          上传
        </button>
      </form>
    </section>
  );
}
