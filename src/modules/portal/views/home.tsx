import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import type { SitemapSection } from '../../../core/services.ts';
import type { HomeSection, HomeSections } from '../../publishing/index.ts';

export interface HomeUnitGroup {
  title: string;
  units: { slug: string; name: string; shortName: string }[];
}

/** A box of the latest records: titles with dates, a policy's 解读 links, and "更多". Empty sections are not shown. */
function RecordSection({ s, level = 2 }: { s: HomeSection; level?: 2 | 3 }) {
  const id = `h-rec-${s.key}`;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="home-section records" aria-labelledby={id}>
      <Heading id={id}>{s.title}</Heading>
      <ul class="record-links">
        {s.links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.title}</a> <span class="date">{l.date}</span>
            {l.related.map((r) => (
              <>
                {' '}
                <a class="tag-link" href={r.href} aria-label={r.description}>
                  {r.label}
                </a>
              </>
            ))}
          </li>
        ))}
      </ul>
      <p class="more">
        <a href={s.moreHref} aria-label={`更多${s.title}`}>
          更多
        </a>
        {s.feedHref ? (
          <>
            {' · '}
            <a href={s.feedHref} aria-label={`订阅${s.title}（RSS）`}>
              RSS
            </a>
          </>
        ) : null}
      </p>
    </section>
  );
}

export function HomePage({ ctx, groups, records, gazette }: { ctx: PageContext; groups: HomeUnitGroup[]; records?: HomeSections; gazette?: HomeSection }) {
  // The latest 政府公报 sits with the record columns (国办发〔2018〕22号: the electronic edition on the portal).
  const columns = [...(records?.columns ?? []), ...(gazette ? [gazette] : [])].filter((s) => s.links.length > 0);
  const domains = records?.domains.filter((s) => s.links.length > 0) ?? [];
  return (
    <PublicLayout ctx={ctx} title="首页">
      <h1 class="visually-hidden">{ctx.site.siteName}</h1>
      <form method="get" action="/search" class="home-search" role="search" aria-label="站内检索">
        <label for="home-q">检索政府信息</label>
        <input id="home-q" name="q" type="text" maxLength={100} placeholder="关键词或文号" />
        <button type="submit" class="button">
          检索
        </button>
      </form>
      {columns.length ? (
        <div class="home-grid">
          {columns.map((s) => (
            <RecordSection key={s.key} s={s} />
          ))}
        </div>
      ) : null}
      {domains.length ? (
        <section class="home-domains" aria-labelledby="h-domains">
          <h2 id="h-domains">各领域最新公开信息</h2>
          <div class="home-grid">
            {domains.map((s) => (
              <RecordSection key={s.key} s={s} level={3} />
            ))}
          </div>
        </section>
      ) : null}
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
