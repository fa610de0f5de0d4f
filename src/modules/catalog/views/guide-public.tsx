import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import type { GuideSectionText } from '../domain/guide.ts';

/** Plain text as paragraphs, one per line (text is escaped by Preact). */
import { Paragraphs } from '../../../core/ui/components.tsx';

export { Paragraphs };

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export function sectionHeading(i: number, title: string): string {
  return `${NUMERALS[i] ?? String(i + 1)}、${title}`;
}

export interface GuideVersionLink {
  version: number;
  date: string;
  reason: string;
}

export interface PublicGuideProps {
  ctx: PageContext;
  unit: { slug: string; name: string };
  sections: GuideSectionText[];
  /** null: generated from the unit's data, not saved yet. */
  version: number | null;
  date: string;
  reason: string;
  /** Set when showing an earlier version: the current version number. */
  currentVersion?: number;
  versions: GuideVersionLink[];
}

export function PublicGuidePage({ ctx, unit, sections, version, date, reason, currentVersion, versions }: PublicGuideProps) {
  const title = `${unit.name}政府信息公开指南`;
  const guideHref = `/openness/${unit.slug}/guide`;
  const old = currentVersion !== undefined && version !== currentVersion;
  return (
    <PublicLayout
      ctx={ctx}
      title={old ? `${title}（第${version}版）` : title}
      breadcrumbs={[
        { href: '/openness', label: '政府信息公开' },
        { href: `/openness/${unit.slug}`, label: unit.name },
        ...(old ? [{ href: guideHref, label: '政府信息公开指南' }, { label: `第${version}版` }] : [{ label: '政府信息公开指南' }]),
      ]}
    >
      <h1>{title}</h1>
      {old ? (
        <div class="warning-box">
          <p>
            这是第{version}版，已被新版本替代，仅供查阅。<a href={guideHref}>查看现行的第{currentVersion}版</a>
          </p>
        </div>
      ) : null}
      {version === null ? (
        <div class="notice">
          <p>本单位尚未发布经审定的指南。以下内容根据本单位登记的名称、地址、办公时间和联系方式自动生成，供参考；具体以本单位发布的指南为准。</p>
        </div>
      ) : null}
      <dl class="facts">
        <dt>版本</dt>
        <dd>{version === null ? '根据单位信息自动生成（未发布）' : `第${version}版`}</dd>
        <dt>{version === null ? '生成日期' : '发布日期'}</dt>
        <dd>{date}</dd>
        {reason ? (
          <>
            <dt>变更说明</dt>
            <dd>{reason}</dd>
          </>
        ) : null}
      </dl>
      {sections.map((s, i) => (
        <section key={s.key} aria-labelledby={`guide-${s.key}`}>
          <h2 id={`guide-${s.key}`}>{sectionHeading(i, s.title)}</h2>
          <Paragraphs text={s.body} />
        </section>
      ))}
      {versions.length ? (
        <section aria-labelledby="guide-versions">
          <h2 id="guide-versions">历史版本</h2>
          <div class="table-wrap" role="region" tabIndex={0} aria-label={`本指南的全部版本（共${versions.length}版，新版本在前）`}>
            <table>
              <caption>本指南的全部版本（共{versions.length}版，新版本在前）</caption>
              <thead>
                <tr>
                  <th scope="col">版本</th>
                  <th scope="col">发布日期</th>
                  <th scope="col">变更说明</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.version}>
                    <td>
                      {v.version === version ? (
                        <span>第{v.version}版（当前查看）</span>
                      ) : (
                        <a href={`${guideHref}/versions/${v.version}`}>第{v.version}版</a>
                      )}
                    </td>
                    <td>{v.date}</td>
                    <td>{v.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </PublicLayout>
  );
}
