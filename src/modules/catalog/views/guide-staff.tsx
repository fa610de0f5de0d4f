import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, TextArea, fieldId } from '../../../core/ui/components.tsx';
import { formatInstant } from '../../../core/clock.ts';
import { GUIDE_LIMITS, GUIDE_SECTION_KEYS, GUIDE_SECTION_TITLES } from '../domain/guide.ts';
import type { GuideVersionSummary } from '../data/guide-queries.ts';
import { sectionHeading } from './guide-public.tsx';

export interface StaffGuideProps {
  ctx: PageContext;
  unit: { slug: string; name: string };
  /** Form values: section_<key>, reason. */
  values: Record<string, string>;
  errors: FieldErrors;
  /** The newest saved version (0: none); the form is based on it. */
  currentVersion: number;
  versions: GuideVersionSummary[];
  /** Unit fields that are empty, shown as 待补充 in the generated text. */
  missing: string[];
  regenerated?: boolean;
  /** The unit's 行政复议机关 and 人民法院 (units module), which its letters name too. */
  remedies?: { reviewBody: string; court: string };
}

export function StaffGuidePage({ ctx, unit, values, errors, currentVersion, versions, missing, regenerated, remedies }: StaffGuideProps) {
  const supervision = values.section_supervision ?? '';
  const remedyHint = remedies
    ? `本单位的行政复议机关：${remedies.reviewBody}；人民法院：${remedies.court}（依申请公开告知书写明同样的机关，可在单位管理—编辑中修改）。${
        supervision && (!supervision.includes(remedies.reviewBody) || !supervision.includes(remedies.court)) ? '注意：本部分目前没有写明上述机关。' : ''
      }`
    : undefined;
  const action = `/staff/catalog/${unit.slug}/guide`;
  return (
    <StaffLayout
      ctx={ctx}
      title={`政府信息公开指南 - ${unit.name}`}
      breadcrumbs={[{ href: '/staff/catalog', label: '标准目录' }, { href: `/staff/catalog/${unit.slug}`, label: unit.name }, { label: '政府信息公开指南' }]}
    >
      <h1>{unit.name}政府信息公开指南</h1>
      <ErrorSummary errors={errors} />
      <p id={fieldId('version')}>
        {currentVersion ? `当前发布的是第${currentVersion}版。` : '尚未发布过指南：表单中是根据单位信息自动生成的内容，保存后即发布为第1版。'}
        每次保存都会发布一个新版本，旧版本保留并可在公开页面查阅。{' '}
        <a href={`/openness/${unit.slug}/guide`}>查看公开页面</a>
      </p>
      {errors.version ? (
        <div class="warning-box" role="alert">
          <p>{errors.version}</p>
        </div>
      ) : null}
      {regenerated ? (
        <div class="notice" role="status">
          <p>已根据单位当前的信息重新生成下方内容，尚未保存。请核对后填写变更说明并保存。</p>
        </div>
      ) : null}
      {missing.length ? (
        <div class="warning-box">
          <p>
            单位信息中缺少：{missing.join('、')}。生成的内容中这些项目标为“（待补充）”，请先在 <a href="/staff/units">单位管理</a> 中补充，或在下方直接修改。
          </p>
        </div>
      ) : null}
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="baseVersion" value={String(currentVersion)} />
        {GUIDE_SECTION_KEYS.map((key, i) => (
          <TextArea
            key={key}
            name={`section_${key}`}
            label={sectionHeading(i, GUIDE_SECTION_TITLES[key])}
            value={values[`section_${key}`]}
            error={errors[`section_${key}`]}
            rows={key === 'on_request' ? 20 : 10}
            hint={key === 'supervision' ? remedyHint : undefined}
            required
          />
        ))}
        <TextArea
          name="reason"
          label="变更说明"
          hint={`说明本次修改的内容和原因，将随版本公开，不超过${GUIDE_LIMITS.reason}字。`}
          value={values.reason}
          error={errors.reason}
          rows={3}
          required
        />
        <p>
          <button type="submit" class="button" name="action" value="save">
            保存为新版本
          </button>{' '}
          <button type="submit" class="button secondary" name="action" value="regenerate">
            从单位信息重新生成
          </button>
        </p>
        <p class="hint">“从单位信息重新生成”只会用单位当前的名称、地址、办公时间和联系方式刷新上面的内容，不会保存。</p>
      </form>
      <h2>版本记录</h2>
      {versions.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label={`本单位指南的全部版本（共${versions.length}版，新版本在前）`}>
          <table>
            <caption>本单位指南的全部版本（共{versions.length}版，新版本在前）</caption>
            <thead>
              <tr>
                <th scope="col">版本</th>
                <th scope="col">保存时间</th>
                <th scope="col">保存人</th>
                <th scope="col">变更说明</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <td>
                    <a href={`/openness/${unit.slug}/guide/versions/${v.version}`}>第{v.version}版</a>
                  </td>
                  <td>{formatInstant(v.changedAt)}</td>
                  <td>{v.changedByName}</td>
                  <td>{v.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>还没有保存过的版本。</p>
      )}
    </StaffLayout>
  );
}
