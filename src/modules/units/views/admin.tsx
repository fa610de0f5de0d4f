import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField, fieldId } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import type { UnitRow } from '../data/repository.ts';
import { UNIT_TYPE_KEYS, UNIT_TYPE_LABELS } from '../domain/unit-types.ts';
import { UNIT_LIMITS } from '../domain/unit-form.ts';
import { LEADER_LIMITS, leaderField, type LeaderFormRow } from '../domain/leaders.ts';
import { ARCHIVE_REASON_MAX } from '../domain/archive.ts';
import { SLUG_MAX } from '../domain/slug.ts';
import { REMEDY_LIMIT, type RemedyDefault, type UnitRemedies } from '../domain/remedies.ts';

const UNITS_CRUMB = { href: '/staff/units', label: '单位管理' };

/** Indentation as text (CSP forbids inline styles), hidden from screen readers, which get the level. */
function Indent({ depth }: { depth: number }) {
  if (depth === 0) return null;
  return (
    <>
      <span aria-hidden="true">{'　'.repeat(depth - 1)}└ </span>
      <span class="visually-hidden">（第{depth + 1}级）</span>
    </>
  );
}

export interface UnitListRow {
  unit: UnitRow;
  depth: number;
  staffCount: number;
  canEdit: boolean;
}

export function UnitAdminListPage({ ctx, rows, canCreate, ownUnitOnly }: { ctx: PageContext; rows: UnitListRow[]; canCreate: boolean; ownUnitOnly: boolean }) {
  return (
    <StaffLayout ctx={ctx} title="单位管理" breadcrumbs={[{ label: '单位管理' }]}>
      <h1>单位管理</h1>
      {ownUnitOnly ? <p class="hint">您是单位管理员，这里只列出本单位。</p> : null}
      {canCreate ? (
        <p>
          <a class="button" href="/staff/units/new">
            新增单位
          </a>{' '}
          <a class="button secondary" href="/staff/site-settings">
            网站设置
          </a>
        </p>
      ) : null}
      <div class="table-wrap">
        <table>
          <caption>{ownUnitOnly ? '本单位' : `本市单位（共${rows.length}个，按隶属关系缩进）`}</caption>
          <thead>
            <tr>
              <th scope="col">单位名称</th>
              <th scope="col">类型</th>
              <th scope="col">统一社会信用代码</th>
              <th scope="col">工作人员</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ unit, depth, staffCount, canEdit }) => (
              <tr key={unit.id}>
                <td>
                  <Indent depth={depth} />
                  {unit.name}
                </td>
                <td>{UNIT_TYPE_LABELS[unit.type]}</td>
                <td>{unit.uscc}</td>
                <td>{staffCount}人</td>
                <td>
                  {canEdit ? (
                    <>
                      <a href={`/staff/units/${unit.slug}/edit`}>
                        编辑<span class="visually-hidden">{unit.name}</span>
                      </a>
                      {' | '}
                    </>
                  ) : null}
                  <a href={`/units/${unit.slug}`}>
                    查看公开页<span class="visually-hidden">：{unit.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffLayout>
  );
}

export interface ParentOption {
  slug: string;
  name: string;
  depth: number;
}

function ProfileFields({ values, errors }: { values: Record<string, string>; errors: FieldErrors }) {
  return (
    <>
      <TextField name="name" label="单位名称" value={values.name} error={errors.name} required maxLength={UNIT_LIMITS.name} hint="全称，如“楚雄市财政局”。" />
      <TextField name="shortName" label="单位简称" value={values.shortName} error={errors.shortName} required maxLength={UNIT_LIMITS.shortName} hint="如“市财政局”，用于首页等位置。" />
      <SelectField
        name="type"
        label="单位类型"
        value={values.type}
        error={errors.type}
        required
        placeholder="请选择"
        options={UNIT_TYPE_KEYS.map((t) => ({ value: t, label: UNIT_TYPE_LABELS[t] }))}
      />
      <TextField
        name="uscc"
        label="统一社会信用代码"
        value={values.uscc}
        error={errors.uscc}
        required
        maxLength={18}
        autocomplete="off"
        hint="18位，数字或大写字母，如 115323010151204940。"
      />
      <TextField name="address" label="办公地址" value={values.address} error={errors.address} maxLength={UNIT_LIMITS.address} />
      <TextField name="officeHours" label="办公时间" value={values.officeHours} error={errors.officeHours} maxLength={UNIT_LIMITS.officeHours} />
      <TextField name="phone" label="联系电话（选填）" type="tel" value={values.phone} error={errors.phone} hint="如 0878-3121141 或11位手机号码。" />
      <TextField name="fax" label="传真（选填）" type="tel" value={values.fax} error={errors.fax} hint="如 0878-3121149。" />
      <TextField name="email" label="电子邮箱（选填）" type="email" value={values.email} error={errors.email} maxLength={UNIT_LIMITS.email} />
      <TextField
        name="opennessContact"
        label="政府信息公开工作机构"
        value={values.opennessContact}
        error={errors.opennessContact}
        maxLength={UNIT_LIMITS.opennessContact}
        hint="负责本单位政府信息公开工作的机构、联系人和电话，如“办公室 李秀英，0878-3121142”。"
      />
      <TextArea name="functions" label="主要职责" value={values.functions} error={errors.functions} rows={8} hint={`不超过${UNIT_LIMITS.functions}字；分段请换行。`} />
    </>
  );
}

function StructureFields({ values, errors, parents, showParent }: { values: Record<string, string>; errors: FieldErrors; parents: ParentOption[]; showParent: boolean }) {
  return (
    <>
      {showParent ? (
        <SelectField
          name="parentSlug"
          label="上级单位"
          value={values.parentSlug}
          error={errors.parentSlug}
          required
          placeholder="请选择"
          options={parents.map((p) => ({ value: p.slug, label: `${'　'.repeat(p.depth)}${p.name}` }))}
        />
      ) : null}
      <TextField
        name="slug"
        label="网址标识"
        value={values.slug}
        error={errors.slug}
        required
        maxLength={SLUG_MAX}
        autocomplete="off"
        hint={`用于公开网址 /units/网址标识，只能用小写英文字母、数字和连字符，2—${SLUG_MAX}个字符，如 finance。修改后原网址将失效。`}
      />
    </>
  );
}

export function NewUnitPage({ ctx, values, errors, parents }: { ctx: PageContext; values: Record<string, string>; errors: FieldErrors; parents: ParentOption[] }) {
  return (
    <StaffLayout ctx={ctx} title="新增单位" breadcrumbs={[UNITS_CRUMB, { label: '新增单位' }]}>
      <div class="narrow">
        <h1>新增单位</h1>
        <ErrorSummary errors={errors} />
        <form method="post" action="/staff/units" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <StructureFields values={values} errors={errors} parents={parents} showParent />
          <ProfileFields values={values} errors={errors} />
          <button type="submit" class="button">
            保存
          </button>
        </form>
      </div>
    </StaffLayout>
  );
}

export interface EditUnitProps {
  ctx: PageContext;
  unit: UnitRow;
  parent: UnitRow | undefined;
  /** Slug and parent are editable (system admins). */
  structural: boolean;
  canArchive: boolean;
  parents: ParentOption[];
  profile: { values: Record<string, string>; errors: FieldErrors };
  leaders: { rows: LeaderFormRow[]; errors: FieldErrors };
  archive: { reason: string; errors: FieldErrors; refusals: string[] };
  remedies: {
    values: { reviewBody: string; court: string };
    errors: FieldErrors;
    /** What the letters and 指南 name now, and where it comes from. */
    current: UnitRemedies;
    /** The default of the unit's kind, with its articles. */
    fallback?: RemedyDefault;
  };
}

const SOURCE_LABELS: Record<UnitRemedies['source']['reviewBody'], string> = {
  unit: '本单位设置',
  default: '按单位类型的默认值',
  site: '依申请公开设置中的全市统一值',
  generic: '通用默认值；依申请公开设置中填写了全市统一值时，告知书写该值',
};

function RemedyFields({ unit, ctx, r }: { unit: UnitRow; ctx: PageContext; r: EditUnitProps['remedies'] }) {
  return (
    <section aria-labelledby="remedies-title" class="narrow">
      <h2 id="remedies-title">行政复议机关和人民法院</h2>
      <p>本单位依申请公开的告知书和政府信息公开指南写明的救济途径（《政府信息公开条例》第五十一条）。留空时使用按单位类型确定的默认值。</p>
      <dl class="facts">
        <dt>目前写明的行政复议机关</dt>
        <dd>
          {r.current.reviewBody}（{SOURCE_LABELS[r.current.source.reviewBody]}）
        </dd>
        <dt>目前写明的人民法院</dt>
        <dd>
          {r.current.court}（{SOURCE_LABELS[r.current.source.court]}）
        </dd>
        {r.fallback ? (
          <>
            <dt>按单位类型的默认值</dt>
            <dd>
              {r.fallback.reviewBody}；{r.fallback.court}。依据：{r.fallback.basis}
            </dd>
          </>
        ) : null}
      </dl>
      <ErrorSummary errors={r.errors} />
      <form method="post" action={`/staff/units/${unit.slug}/remedies`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="reviewBody"
          label="行政复议机关（选填）"
          value={r.values.reviewBody}
          error={r.errors.reviewBody}
          maxLength={REMEDY_LIMIT}
          hint={r.fallback ? `留空时写“${r.fallback.reviewBody}”。` : '本单位类型没有默认值：留空时使用依申请公开设置中的全市统一值。'}
        />
        <TextField
          name="court"
          label="人民法院（选填）"
          value={r.values.court}
          error={r.errors.court}
          maxLength={REMEDY_LIMIT}
          hint={r.fallback ? `留空时写“${r.fallback.court}”。` : '留空时使用依申请公开设置中的全市统一值。'}
        />
        <button type="submit" class="button">
          保存行政复议机关和人民法院
        </button>
      </form>
    </section>
  );
}

export function EditUnitPage(p: EditUnitProps) {
  const { ctx, unit } = p;
  const isRoot = unit.parentId === null;
  return (
    <StaffLayout ctx={ctx} title={`编辑：${unit.name}`} breadcrumbs={[UNITS_CRUMB, { label: unit.name }]}>
      <h1>{unit.name}</h1>
      <p>
        <a href={`/units/${unit.slug}`}>查看公开页</a>
      </p>

      <section aria-labelledby="profile-title" class="narrow">
        <h2 id="profile-title">机构概况</h2>
        <ErrorSummary errors={p.profile.errors} />
        <form method="post" action={`/staff/units/${unit.slug}/edit`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          {p.structural ? (
            <StructureFields values={p.profile.values} errors={p.profile.errors} parents={p.parents} showParent={!isRoot} />
          ) : (
            <dl class="facts">
              <dt>上级单位</dt>
              <dd>{p.parent?.name ?? '无（根单位）'}</dd>
              <dt>网址标识</dt>
              <dd>{unit.slug}</dd>
            </dl>
          )}
          {p.structural && isRoot ? <p class="hint">本单位是根单位（本级人民政府），没有上级单位。</p> : null}
          <ProfileFields values={p.profile.values} errors={p.profile.errors} />
          <button type="submit" class="button">
            保存机构概况
          </button>
        </form>
      </section>

      <RemedyFields unit={unit} ctx={ctx} r={p.remedies} />

      <section aria-labelledby="leaders">
        <h2 id="leaders">领导信息</h2>
        <p class="hint">每行一位领导。姓名和职务必填；要删除某位领导，勾选该行的“删除”或清空该行。排序数字小的在前，不填的排在最后。需要更多空行时，请先保存。</p>
        <ErrorSummary errors={p.leaders.errors} />
        <form method="post" action={`/staff/units/${unit.slug}/leaders`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <div class="table-wrap">
            <table id={fieldId('leaders')}>
              <caption class="visually-hidden">{unit.name}领导信息</caption>
              <thead>
                <tr>
                  <th scope="col">行</th>
                  <th scope="col">姓名</th>
                  <th scope="col">职务</th>
                  <th scope="col">分管工作</th>
                  <th scope="col">排序</th>
                  <th scope="col">删除</th>
                </tr>
              </thead>
              <tbody>
                {p.leaders.rows.map((r) => (
                  <LeaderRowFields key={r.row} row={r} errors={p.leaders.errors} />
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit" class="button">
            保存领导信息
          </button>
        </form>
      </section>

      {p.canArchive && (!isRoot || p.archive.refusals.length) ? (
        <section aria-labelledby="archive-title" class="narrow">
          <h2 id="archive-title">撤销单位</h2>
          <p>撤销后，该单位不再出现在单位列表和公开网站上，已有记录保留。有下级单位或未停用的工作人员账号时不能撤销。</p>
          {p.archive.refusals.length ? (
            <div class="warning-box" role="alert" tabIndex={-1} data-autofocus>
              <h3>不能撤销该单位</h3>
              <ul>
                {p.archive.refusals.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <ErrorSummary errors={p.archive.errors} />
          <form method="post" action={`/staff/units/${unit.slug}/archive`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextArea name="reason" label="撤销原因" value={p.archive.reason} error={p.archive.errors.reason} rows={3} required hint={`如机构改革文件的文号，不超过${ARCHIVE_REASON_MAX}字。`} />
            <button type="submit" class="button warning">
              撤销该单位
            </button>
          </form>
        </section>
      ) : null}
    </StaffLayout>
  );
}

function LeaderCell({ row, field, label, value, errors, maxLength, inputMode }: { row: number; field: 'name' | 'title' | 'duties' | 'sort'; label: string; value: string; errors: FieldErrors; maxLength?: number; inputMode?: 'numeric' }) {
  const name = leaderField(row, field);
  const id = fieldId(name);
  const error = errors[name];
  return (
    <td>
      <div class={error ? 'field field-error' : 'field'}>
        <label for={id} class="visually-hidden">
          第{row}行{label}
        </label>
        {error ? (
          <p class="field-message" id={`${id}-error`}>
            <span class="visually-hidden">错误：</span>
            {error}
          </p>
        ) : null}
        <input
          id={id}
          name={name}
          type="text"
          value={value}
          maxLength={maxLength}
          inputMode={inputMode}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
    </td>
  );
}

function LeaderRowFields({ row, errors }: { row: LeaderFormRow; errors: FieldErrors }) {
  const del = fieldId(leaderField(row.row, 'delete'));
  return (
    <tr>
      <td>{row.row}</td>
      <LeaderCell row={row.row} field="name" label="姓名" value={row.name} errors={errors} maxLength={LEADER_LIMITS.name} />
      <LeaderCell row={row.row} field="title" label="职务" value={row.title} errors={errors} maxLength={LEADER_LIMITS.title} />
      <LeaderCell row={row.row} field="duties" label="分管工作" value={row.duties} errors={errors} maxLength={LEADER_LIMITS.duties} />
      <LeaderCell row={row.row} field="sort" label="排序" value={row.sort} errors={errors} maxLength={3} inputMode="numeric" />
      <td>
        <input id={del} type="checkbox" name={leaderField(row.row, 'delete')} value="on" checked={row.remove} />
        <label for={del} class="visually-hidden">
          删除第{row.row}行
        </label>
      </td>
    </tr>
  );
}

export function SiteSettingsPage({ ctx, values, errors }: { ctx: PageContext; values: Record<string, string>; errors: FieldErrors }) {
  return (
    <StaffLayout ctx={ctx} title="网站设置" breadcrumbs={[UNITS_CRUMB, { label: '网站设置' }]}>
      <div class="narrow">
        <h1>网站设置</h1>
        <p>这些信息显示在公开网站的页头和页脚，保存后立即生效。</p>
        <ErrorSummary errors={errors} />
        <form method="post" action="/staff/site-settings" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField name="siteName" label="网站名称" value={values.siteName} error={errors.siteName} required maxLength={100} />
          <TextField name="hostUnitName" label="主办单位" value={values.hostUnitName} error={errors.hostUnitName} required maxLength={100} />
          <TextField name="siteCode" label="网站标识码" value={values.siteCode} error={errors.siteCode} required maxLength={10} autocomplete="off" hint="10位数字或字母，由全国政府网站信息报送系统分配。" />
          <TextField name="icpNo" label="ICP备案号（选填）" value={values.icpNo} error={errors.icpNo} maxLength={50} hint="如“滇ICP备12345678号-1”。" />
          <TextField name="psbNo" label="公安备案号（选填）" value={values.psbNo} error={errors.psbNo} maxLength={50} hint="如“滇公网安备 53230102000000号”。" />
          <TextField name="conacUrl" label="党政机关网站标识链接（选填）" value={values.conacUrl} error={errors.conacUrl} maxLength={300} autocomplete="off" hint="机构编制部门核发党政机关网站标识后给出的验证地址，如 https://bszs.conac.cn/sitename?method=show&id=…；填写后页脚显示党政机关网站标识。" />
          <TextField name="hostName" label="域名（选填）" value={values.hostName} error={errors.hostName} maxLength={253} autocomplete="off" hint="本网站的访问域名，如 www.cxs.gov.cn，不含 http:// 和路径。一个部署承载多个网站时，按域名区分。" />
          <TextArea name="demoNotice" label="演示数据提示（选填）" value={values.demoNotice} error={errors.demoNotice} rows={2} hint="填写后显示在每个页面顶部，用于提醒访问者本网站的数据为演示数据；正式上线前请清空。最多200个字。" />
          <fieldset>
            <legend>行政复议和行政诉讼的默认机关</legend>
            <p class="hint">
              各单位告知书和政府信息公开指南写明的行政复议机关、人民法院按单位类型确定（《行政复议法》第二十四条、第二十七条；《行政诉讼法》第十四条、第十五条），各单位可在“单位管理—编辑”中另行设置。以下名称用于这些默认值；留空时按本级人民政府的名称和办公地址推定。
            </p>
            <TextField name="superiorGovernment" label="上一级人民政府（选填）" value={values.superiorGovernment ?? ''} error={errors.superiorGovernment} maxLength={100} hint="本级人民政府自身作出的行政行为的复议机关，如“楚雄彝族自治州人民政府”；垂直管理单位的上一级主管部门也按此地名推定。" />
            <TextField name="basicCourt" label="基层人民法院（选填）" value={values.basicCourt ?? ''} error={errors.basicCourt} maxLength={100} hint="部门、乡镇等作出的行政行为的一审法院，如“楚雄市人民法院”；实行行政案件集中管辖的，填写集中管辖的法院。" />
            <TextField name="intermediateCourt" label="中级人民法院（选填）" value={values.intermediateCourt ?? ''} error={errors.intermediateCourt} maxLength={100} hint="以本级人民政府为被告的一审法院（《行政诉讼法》第十五条），如“楚雄彝族自治州中级人民法院”。" />
          </fieldset>
          <button type="submit" class="button">
            保存
          </button>
        </form>
      </div>
    </StaffLayout>
  );
}
