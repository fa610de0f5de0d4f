// The public 政务新媒体矩阵: the city's accounts in operation, grouped by platform or by unit, each with
// a QR code generated from its address (inline SVG with an accessible name). No JavaScript; prints.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { qrSvg } from '../../../core/ui/qr.ts';
import type { AccountView } from '../service.ts';

export type Grouping = 'platform' | 'unit';

export function MatrixPage({ ctx, accounts, by }: { ctx: PageContext; accounts: AccountView[]; by: Grouping }) {
  const groups = new Map<string, AccountView[]>();
  for (const v of accounts) {
    const key = by === 'platform' ? v.account.platform : v.unitName;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return (
    <PublicLayout ctx={ctx} title="政务新媒体矩阵" breadcrumbs={[{ label: '政务新媒体矩阵' }]}>
      <h1>政务新媒体矩阵</h1>
      <p>以下是{ctx.site.siteName}及所属单位正在运营的政务新媒体账号，共{accounts.length}个。用手机扫描二维码或点击链接即可关注。</p>
      <nav aria-label="分组方式" class="no-print">
        <ul class="action-list">
          <li>{by === 'platform' ? <strong aria-current="page">按平台</strong> : <a href="/newmedia">按平台</a>}</li>
          <li>{by === 'unit' ? <strong aria-current="page">按单位</strong> : <a href="/newmedia?by=unit">按单位</a>}</li>
        </ul>
      </nav>
      {accounts.length ? null : <p>暂无正在运营的政务新媒体账号。</p>}
      {[...groups].map(([name, list], gi) => (
        <section key={name} class="nm-group" aria-labelledby={`nm-g${gi}`}>
          <h2 id={`nm-g${gi}`}>
            {name}（{list.length}）
          </h2>
          <ul class="nm-matrix">
            {list.map((v) => (
              <li key={v.account.id} class="nm-card">
                <div class="nm-qr" dangerouslySetInnerHTML={{ __html: qrSvg(v.account.url, `${v.account.name}（${v.account.platform}）二维码`) }} />
                <div>
                  <h3>{v.account.name}</h3>
                  <dl class="nm-facts">
                    <dt>平台</dt>
                    <dd>{v.account.platform}</dd>
                    <dt>账号</dt>
                    <dd>{v.account.handle}</dd>
                    <dt>主办单位</dt>
                    <dd>{v.unitName}</dd>
                  </dl>
                  <p class="nm-link">
                    <a href={v.account.url} rel="noopener">
                      访问<span class="visually-hidden">{v.account.name}</span>
                    </a>
                    <span class="nm-url">{v.account.url}</span>
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p class="hint">政务新媒体账号的开设、变更、关停和注销由主办单位申请，经市政务公开办审核备案后在此公布。</p>
    </PublicLayout>
  );
}
