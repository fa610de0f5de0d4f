// The home page's sections from real data (for the portal module): 政务动态, 通知公告, 政策文件 (each
// policy with its 解读), and the latest records of each domain of the standard catalog. Cached per
// instance and cleared whenever a public record changes.
import type { Core } from '../../core/services.ts';
import { interpretationsOf, latestByDomain, listPublicRecords, type RecordListItem } from './data/public-queries.ts';
import { publicData } from './public-cache.ts';
import { GENERAL_COLUMN_LABELS, INTERPRETATION_FORM_LABELS, type GeneralColumn } from './domain/vocab.ts';
import { columnListPath, COLUMN_SLUGS, recordPath } from './views/public-shared.tsx';

export interface HomeLink {
  title: string;
  href: string;
  /** 发布日期 */
  date: string;
  /** Related links shown after the title (a policy's 解读). */
  related: { label: string; href: string; description: string }[];
}

export interface HomeSection {
  key: string;
  title: string;
  moreHref: string;
  feedHref?: string;
  links: HomeLink[];
}

export interface HomeSections {
  columns: HomeSection[];
  domains: HomeSection[];
}

export const HOME_COLUMN_SIZE = 8;
export const HOME_DOMAIN_SIZE = 3;

function linkOf(r: RecordListItem): HomeLink {
  return { title: r.title, href: recordPath(r.indexNo), date: r.publishedOn, related: [] };
}

async function load(core: Core, rootUnitId: number): Promise<HomeSections> {
  const columns: GeneralColumn[] = ['news', 'notice', 'policy'];
  const [lists, domains] = await Promise.all([
    Promise.all(columns.map((column) => listPublicRecords(core.db, rootUnitId, { column }, HOME_COLUMN_SIZE, 0, { count: false }))),
    latestByDomain(core.db, rootUnitId, HOME_DOMAIN_SIZE),
  ]);
  const policies = lists[2]!.rows;
  const interp = await interpretationsOf(
    core.db,
    policies.map((p) => p.id),
  );
  return {
    columns: columns.map((column, i) => ({
      key: column,
      title: GENERAL_COLUMN_LABELS[column],
      moreHref: columnListPath(column),
      feedHref: `/feeds/columns/${COLUMN_SLUGS[column]}/rss.xml`,
      links: lists[i]!.rows.map((r) => ({
        ...linkOf(r),
        related: (interp.get(r.id) ?? []).map((x) => ({
          label: x.interpretationForm ? `解读（${INTERPRETATION_FORM_LABELS[x.interpretationForm]}）` : '解读',
          href: recordPath(x.indexNo),
          description: `${r.title}的政策解读：${x.title}`,
        })),
      })),
    })),
    domains: domains.map((d) => ({
      key: d.domainSlug,
      title: d.domainName,
      moreHref: `/records?domain=${encodeURIComponent(d.domainSlug)}`,
      links: d.records.map(linkOf),
    })),
  };
}

/** The home page's record sections of a city. */
export async function loadHomeSections(core: Core, rootUnitId: number): Promise<HomeSections> {
  return (await publicData.get(`home:${rootUnitId}`, () => load(core, rootUnitId))) as HomeSections;
}
