import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import type { SitemapSection } from '../../../core/services.ts';

export interface HomeUnitGroup {
  title: string;
  units: { slug: string; name: string; shortName: string }[];
}

export function HomePage({ ctx, groups }: { ctx: PageContext; groups: HomeUnitGroup[] }) {
  return (
    <PublicLayout ctx={ctx} title="首页">
      <h1 class="visually-hidden">{ctx.site.siteName}</h1>
      <div class="home-grid">
        {groups.map((g) => (
          <section key={g.title} class="home-section" aria-labelledby={`h-${g.title}`}>
            <h2 id={`h-${g.title}`}>{g.title}</h2>
            <ul class="unit-grid compact">
              {g.units.map((u) => (
                <li key={u.slug}>
                  <a href={`/units/${u.slug}`}>{u.shortName || u.name}</a>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <section class="home-section services" aria-labelledby="h-services">
          <h2 id="h-services">办事服务</h2>
          <ul>
            <li>
              <a href="/calendar">工作日计算：按国务院节假日安排推算办理期限</a>
            </li>
          </ul>
        </section>
      </div>
    </PublicLayout>
  );
}

export function SitemapPage({ ctx, sections }: { ctx: PageContext; sections: SitemapSection[] }) {
  return (
    <PublicLayout ctx={ctx} title="网站地图" breadcrumbs={[{ label: '网站地图' }]}>
      <h1>网站地图</h1>
      <div class="sitemap">
        <section>
          <h2>首页</h2>
          <ul>
            <li>
              <a href="/">网站首页</a>
            </li>
          </ul>
        </section>
        {sections.map((s, i) => (
          <section key={i}>
            <h2>{s.title}</h2>
            <ul>
              {s.links.map((l) => (
                <li key={l.href}>
                  <a href={l.href}>{l.label}</a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </PublicLayout>
  );
}
