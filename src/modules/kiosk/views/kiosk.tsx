import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout, StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, TextArea, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import type { KioskSettings, TerminalRow, UseRow } from '../service.ts';
import { IDLE_MAX_SECONDS, IDLE_MIN_SECONDS, MAX_COMMON_SEARCHES } from '../domain/settings.ts';

export interface BrowseLinks {
  subjects: { href: string; label: string }[];
  units: { href: string; label: string }[];
  columns: { href: string; label: string }[];
}

/** Keys of the on-screen keyboard: whole words first (typing Chinese by touch is slow), then digits for 文号 and years. */
const KEY_WORDS = ['通知', '办法', '规定', '意见', '方案', '规划', '补贴', '社保', '医保', '公积金', '教育', '住房', '就业', '养老', '预算', '决算', '年报', '解读', '招聘', '公示'];
const KEY_CHARS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '〔', '〕', '年', '号', '第'];

/** The start page a terminal opens: search with common searches, then browsing by theme, unit and column. */
export function KioskStartPage({ ctx, settings, links, q }: { ctx: PageContext; settings: KioskSettings; links: BrowseLinks; q?: string }) {
  return (
    <PublicLayout ctx={ctx} title="政务公开自助查询">
      <h1>政务公开自助查询</h1>
      <section aria-labelledby="kiosk-search" class="kiosk-search">
        <h2 id="kiosk-search">查找政府信息</h2>
        <form method="get" action="/search" role="search" autocomplete="off">
          <label for="kiosk-q">输入关键词</label>
          <div class="kiosk-search-row">
            <input id="kiosk-q" name="q" type="search" maxLength={100} value={q ?? ''} autocomplete="off" data-kiosk-input />
            <button type="submit" class="kiosk-button primary">
              查询
            </button>
          </div>
          <div class="kiosk-keyboard" data-kiosk-keyboard hidden>
            <p class="hint">点按下面的字词输入，或用终端的键盘输入。</p>
            <div class="kiosk-keys" role="group" aria-label="屏幕键盘：常用词">
              {KEY_WORDS.map((k) => (
                <button key={k} type="button" data-key={k}>
                  {k}
                </button>
              ))}
            </div>
            <div class="kiosk-keys" role="group" aria-label="屏幕键盘：数字和符号">
              {KEY_CHARS.map((k) => (
                <button key={k} type="button" data-key={k}>
                  {k}
                </button>
              ))}
              <button type="button" data-key-back>
                退格
              </button>
              <button type="button" data-key-clear>
                清空
              </button>
            </div>
          </div>
        </form>
        {settings.commonSearches.length ? (
          <>
            <h3>常用查询</h3>
            <ul class="kiosk-tiles compact">
              {settings.commonSearches.map((s) => (
                <li key={s}>
                  <a href={`/search?q=${encodeURIComponent(s)}`}>{s}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-labelledby="kiosk-columns">
        <h2 id="kiosk-columns">按栏目浏览</h2>
        <Tiles links={links.columns} />
      </section>
      <section aria-labelledby="kiosk-subjects">
        <h2 id="kiosk-subjects">按主题浏览</h2>
        <Tiles links={links.subjects} compact />
      </section>
      <section aria-labelledby="kiosk-units">
        <h2 id="kiosk-units">按单位浏览</h2>
        <Tiles links={links.units} compact />
      </section>
    </PublicLayout>
  );
}

function Tiles({ links, compact }: { links: { href: string; label: string }[]; compact?: boolean }) {
  return (
    <ul class={compact ? 'kiosk-tiles compact' : 'kiosk-tiles'}>
      {links.map((l) => (
        <li key={l.href}>
          <a href={l.href}>{l.label}</a>
        </li>
      ))}
    </ul>
  );
}

export interface StaffKioskForm {
  values: Record<string, string>;
  errors: FieldErrors;
  /** Which form the values and errors belong to: 'settings', 'new', or a terminal code. */
  form: string;
}

export interface UseTable {
  days: string[];
  /** terminal id → day → counts */
  byTerminal: Map<number, Map<string, UseRow>>;
}

/** The openness office's page: kiosk settings, the terminals with their start addresses, and use per terminal per day. */
export function StaffKioskPage({ ctx, settings, terminals, use, origin, form }: { ctx: PageContext; settings: KioskSettings; terminals: TerminalRow[]; use: UseTable; origin: string; form?: StaffKioskForm }) {
  const f = (which: string) => (form && form.form === which ? form : undefined);
  const sv = f('settings')?.values ?? { idleSeconds: String(settings.idleSeconds), commonSearches: settings.commonSearches.join('\n') };
  const se = f('settings')?.errors ?? {};
  const nv = f('new')?.values ?? {};
  const ne = f('new')?.errors ?? {};
  const total = (id: number, key: 'pages' | 'starts') => [...(use.byTerminal.get(id)?.values() ?? [])].reduce((a, r) => a + r[key], 0);
  return (
    <StaffLayout ctx={ctx} title="自助查询终端" breadcrumbs={[{ label: '自助查询终端' }]}>
      <h1>自助查询终端</h1>
      <p>在服务大厅、档案馆、图书馆等处的政务公开查询终端，以“终端首页地址”作为浏览器主页全屏打开。终端只记录每天的使用次数，不记录查询内容和使用人。</p>
      {form ? <ErrorSummary errors={form.errors} /> : null}

      <h2>终端使用情况（近 {use.days.length} 天）</h2>
      {terminals.length ? (
        <div class="table-wrap">
          <table class="data">
            <caption>按终端统计：浏览页面数 / 开始查询次数（回到首页即算一次）</caption>
            <thead>
              <tr>
                <th scope="col">终端</th>
                <th scope="col">放置地点</th>
                <th scope="col" class="num">浏览页面</th>
                <th scope="col" class="num">开始查询</th>
              </tr>
            </thead>
            <tbody>
              {terminals.map((t) => (
                <tr key={t.code}>
                  <th scope="row">{t.name}</th>
                  <td>{t.place}</td>
                  <td class="num">{total(t.id, 'pages')}</td>
                  <td class="num">{total(t.id, 'starts')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>还没有登记终端。</p>
      )}
      {terminals.length && use.days.some((d) => terminals.some((t) => use.byTerminal.get(t.id)?.has(d))) ? (
        <div class="table-wrap">
          <table class="data">
            <caption>按日统计（浏览页面数）</caption>
            <thead>
              <tr>
                <th scope="col">日期</th>
                {terminals.map((t) => (
                  <th key={t.code} scope="col" class="num">
                    {t.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {use.days
                .filter((d) => terminals.some((t) => use.byTerminal.get(t.id)?.has(d)))
                .map((d) => (
                  <tr key={d}>
                    <th scope="row">{d}</th>
                    {terminals.map((t) => (
                      <td key={t.code} class="num">
                        {use.byTerminal.get(t.id)?.get(d)?.pages ?? 0}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <h2>已登记的终端</h2>
      {terminals.length ? (
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">终端</th>
                <th scope="col">放置地点</th>
                <th scope="col">状态</th>
                <th scope="col">终端首页地址</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {terminals.map((t) => (
                <tr key={t.code}>
                  <th scope="row">{t.name}</th>
                  <td>{t.place}</td>
                  <td>{t.active ? '启用' : '已停用'}</td>
                  <td>
                    <code>{`${origin}/kiosk?terminal=${t.code}`}</code>
                  </td>
                  <td>
                    <a href={`/staff/kiosk/terminals/${t.code}`}>修改<span class="visually-hidden">“{t.name}”</span></a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <h2>登记新终端</h2>
      <form method="post" action="/staff/kiosk/terminals">
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label="终端名称" hint="如“为民服务中心1号机”" value={nv.name} error={ne.name} required maxLength={40} />
        <TextField name="place" label="放置地点" hint="如“楚雄市为民服务中心一楼大厅”" value={nv.place} error={ne.place} required maxLength={100} />
        <button type="submit">登记终端</button>
      </form>

      <h2>终端设置</h2>
      <form method="post" action="/staff/kiosk/settings">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="idleSeconds"
          label="无人操作自动回到首页的时间（秒）"
          hint={`${IDLE_MIN_SECONDS}–${IDLE_MAX_SECONDS} 秒；回到首页时清除已输入的内容`}
          value={sv.idleSeconds}
          error={se.idleSeconds}
          required
          inputMode="numeric"
          maxLength={5}
        />
        <TextArea name="commonSearches" label="常用查询" hint={`每行一条，最多 ${MAX_COMMON_SEARCHES} 条，显示在终端首页的搜索框下`} value={sv.commonSearches} error={se.commonSearches} rows={8} />
        <button type="submit">保存设置</button>
      </form>
    </StaffLayout>
  );
}

/** Changing a terminal's name or place, or taking it out of use. */
export function TerminalEditPage({ ctx, t, values, errors }: { ctx: PageContext; t: TerminalRow; values: Record<string, string>; errors: FieldErrors }) {
  return (
    <StaffLayout ctx={ctx} title={`修改终端“${t.name}”`} breadcrumbs={[{ href: '/staff/kiosk', label: '自助查询终端' }, { label: t.name }]}>
      <h1>修改终端“{t.name}”</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/staff/kiosk/terminals/${t.code}`}>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label="终端名称" value={values.name} error={errors.name} required maxLength={40} />
        <TextField name="place" label="放置地点" value={values.place} error={errors.place} required maxLength={100} />
        <p>
          <label>
            <input type="checkbox" name="active" checked={values.active === 'on'} /> 启用（停用后，这台终端显示普通页面，不再计数）
          </label>
        </p>
        <button type="submit">保存</button>
      </form>
    </StaffLayout>
  );
}
