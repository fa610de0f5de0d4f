import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.ts';
import { Breadcrumbs, CsrfField, Flash } from './components.tsx';
import { qrSvg } from './qr.ts';

interface LayoutProps {
  ctx: PageContext;
  title: string;
  breadcrumbs?: { href?: string; label: string }[];
  /** Extra elements for <head> (e.g. a <noscript> refresh on a progress page). */
  head?: ComponentChildren;
  children: ComponentChildren;
}

function Head({ ctx, title, extra }: { ctx: PageContext; title: string; extra?: ComponentChildren }) {
  return (
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} - ${ctx.site.siteName}`}</title>
      {ctx.site.siteCode ? <meta name="SiteIDCode" content={ctx.site.siteCode} /> : null}
      <link rel="stylesheet" href="/assets/css/site.css" />
      <script src="/assets/js/site.js" defer />
      {extra}
    </head>
  );
}

function ElderSwitch({ ctx }: { ctx: PageContext }) {
  return (
    // A GET form: only a display preference changes, so no CSRF token (and no cookie) is needed.
    <form method="get" action="/preferences/elder-mode" class="elder-switch">
      <input type="hidden" name="back" value={ctx.path} />
      <input type="hidden" name="on" value={ctx.elderMode ? '0' : '1'} />
      <button type="submit" aria-pressed={ctx.elderMode ? 'true' : 'false'}>
        {ctx.elderMode ? '退出长者模式' : '长者模式'}
      </button>
    </form>
  );
}

function Footer({ ctx }: { ctx: PageContext }) {
  const s = ctx.site;
  return (
    <footer class="site-footer">
      <div class="wrap footer-row">
        {s.conacUrl ? (
          // 党政机关网站标识: issued by the 机构编制 office, shown at the foot of the page and linking to its verification page.
          <a class="conac-mark" href={s.conacUrl} rel="noopener" title="党政机关网站标识：点击核验网站身份">
            <svg viewBox="0 0 48 48" width="40" height="40" aria-hidden="true" focusable="false">
              <circle cx="24" cy="24" r="22" fill="#c8161d" />
              <path d="M24 9l3.5 10.8H39l-9.2 6.7 3.5 10.8L24 30.6l-9.3 6.7 3.5-10.8L9 19.8h11.4z" fill="#ffd200" />
            </svg>
            <span>党政机关</span>
          </a>
        ) : null}
        <div>
        <ul class="footer-links">
          <li>
            <a href="/sitemap">网站地图</a>
          </li>
          {(ctx.footerLinks ?? []).map((l) => (
            <li key={l.href}>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
          <li>
            <a href="/staff">工作人员登录</a>
          </li>
        </ul>
        <p>主办单位：{s.hostUnitName}</p>
        <p>
          {/* Spaces between the spans, so a phone may wrap between numbers but never inside one. */}
          {[s.siteCode ? `网站标识码：${s.siteCode}` : '', s.icpNo, s.psbNo]
            .filter(Boolean)
            .map((text, i) => (
              <>
                {i > 0 ? ' ' : null}
                <span>{text}</span>
              </>
            ))}
        </p>
        </div>
      </div>
    </footer>
  );
}

function PublicNav({ ctx }: { ctx: PageContext }) {
  return <SiteNav ctx={ctx} items={ctx.publicNav} label="主导航" />;
}

/** The bar of section links under a header (public or staff), the current section marked. */
function SiteNav({ ctx, items, label }: { ctx: PageContext; items: readonly { href: string; label: string }[]; label: string }) {
  return (
    <nav class="site-nav" aria-label={label}>
      <ul class="wrap">
        {items.map((n) => (
          <li key={n.href}>
            <a href={n.href} aria-current={isCurrent(ctx.path, n.href) ? 'page' : undefined}>
              {n.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The site setting 演示数据提示: a plain notice above the header of every page. */
function DemoNotice({ ctx }: { ctx: PageContext }) {
  if (!ctx.site.demoNotice) return null;
  return (
    <div class="demo-notice" role="note" aria-label="演示数据提示">
      <p class="wrap">{ctx.site.demoNotice}</p>
    </div>
  );
}

/**
 * A query terminal's frame: the start page one touch away, large targets, no staff links, a QR code
 * of the page for a phone, a print button, and a return to the start page after the idle time (a
 * script that any touch postpones; without scripts a <noscript> refresh).
 */
function KioskLayout({ ctx, title, breadcrumbs = [], children }: LayoutProps) {
  const k = ctx.kiosk!;
  const start = ctx.path === '/kiosk';
  return (
    <html lang="zh-CN" class={ctx.elderMode ? 'elder kiosk' : 'kiosk'}>
      <Head
        ctx={ctx}
        title={title}
        extra={
          <>
            <noscript>
              <meta http-equiv="refresh" content={`${k.idleSeconds};url=/kiosk`} />
            </noscript>
            <script src="/assets/js/kiosk.js" defer />
          </>
        }
      />
      <body data-kiosk-idle={String(k.idleSeconds)}>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <header class="site-header kiosk-header">
          <div class="wrap header-row">
            <a class="site-name" href="/kiosk">
              {ctx.site.siteName}
              <span class="kiosk-terminal">自助查询终端 · {k.terminalName}</span>
            </a>
            <div class="kiosk-actions">
              {start ? null : (
                <a class="kiosk-button" href="/kiosk">
                  返回首页
                </a>
              )}
              <button type="button" class="kiosk-button" data-kiosk-back hidden>
                返回上一页
              </button>
              <button type="button" class="kiosk-button" data-kiosk-print hidden>
                打印本页
              </button>
              <ElderSwitch ctx={ctx} />
            </div>
          </div>
          <PublicNav ctx={ctx} />
        </header>
        <div class="wrap">
          <Breadcrumbs items={breadcrumbs.length ? [{ href: '/kiosk', label: '首页' }, ...breadcrumbs] : []} />
          <Flash message={ctx.flash} />
        </div>
        <main id="main" class="wrap" tabIndex={-1}>
          {children}
        </main>
        <aside class="kiosk-phone wrap" aria-label="用手机继续浏览">
          <div class="kiosk-qr" dangerouslySetInnerHTML={{ __html: kioskQr(k.pageUrl) }} />
          <p>
            用手机扫描二维码，在手机上继续浏览本页。
            <br />
            <span class="kiosk-idle-note">无人操作 {Math.round(k.idleSeconds / 60) >= 1 && k.idleSeconds % 60 === 0 ? `${k.idleSeconds / 60} 分钟` : `${k.idleSeconds} 秒`}后自动回到首页，已输入的内容将被清除。</span>
          </p>
        </aside>
        <footer class="site-footer">
          <div class="wrap">
            <p>主办单位：{ctx.site.hostUnitName}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** The page's QR code; an address too long for a QR code gets the site's home page instead. */
function kioskQr(url: string): string {
  try {
    return qrSvg(url, '本页地址的二维码');
  } catch {
    return qrSvg(new URL('/', url).href, '网站首页地址的二维码');
  }
}

/** The public portal's page frame (on a query terminal, the kiosk frame). */
export function PublicLayout(props: LayoutProps) {
  if (props.ctx.kiosk) return <KioskLayout {...props} />;
  const { ctx, title, breadcrumbs = [], children } = props;
  return (
    <html lang="zh-CN" class={ctx.elderMode ? 'elder' : undefined}>
      <Head ctx={ctx} title={title} />
      <body>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <DemoNotice ctx={ctx} />
        <header class="site-header">
          <div class="wrap header-row">
            <a class="site-name" href="/">
              {ctx.site.siteName}
            </a>
            <ElderSwitch ctx={ctx} />
          </div>
          <PublicNav ctx={ctx} />
        </header>
        <div class="wrap">
          <Breadcrumbs items={breadcrumbs.length ? [{ href: '/', label: '首页' }, ...breadcrumbs] : []} />
          <Flash message={ctx.flash} />
        </div>
        <main id="main" class="wrap" tabIndex={-1}>
          {children}
        </main>
        <Footer ctx={ctx} />
      </body>
    </html>
  );
}

/** The back office's page frame. */
export function StaffLayout({ ctx, title, breadcrumbs = [], head, children }: LayoutProps) {
  const user = ctx.user;
  return (
    <html lang="zh-CN" class={ctx.elderMode ? 'elder staff' : 'staff'}>
      <Head ctx={ctx} title={`${title} - 管理后台`} extra={head} />
      <body>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <DemoNotice ctx={ctx} />
        <header class="site-header staff-header">
          <div class="wrap header-row">
            <a class="site-name" href="/staff">
              {ctx.site.siteName} <span class="nowrap">· 管理后台</span>
            </a>
            {user ? (
              <div class="user-box">
                <span>
                  {user.displayName}（{user.unitName}）
                </span>
                <a href="/staff/account">我的账号</a>
                <form method="post" action="/staff/logout" class="inline">
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="link-button">
                    退出登录
                  </button>
                </form>
              </div>
            ) : null}
          </div>
          {user && ctx.staffNav.length ? <SiteNav ctx={ctx} items={ctx.staffNav} label="后台导航" /> : null}
        </header>
        <div class="wrap">
          <Breadcrumbs items={breadcrumbs.length ? [{ href: '/staff', label: '后台首页' }, ...breadcrumbs] : []} />
          <Flash message={ctx.flash} />
        </div>
        <main id="main" class="wrap" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}

function isCurrent(path: string, href: string): boolean {
  if (href === '/' || href === '/staff') return path === href;
  return path === href || path.startsWith(href + '/');
}
