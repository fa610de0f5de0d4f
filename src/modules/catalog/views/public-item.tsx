// A catalog item's public page: all its elements, when the next record is due, and its history.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { formatInstant } from '../../../core/clock.ts';
import type { PublicItem } from '../http/public-data.ts';
import { describeTimeLimit } from '../domain/time-limit.ts';
import { fieldText, type FieldChange } from '../domain/versions.ts';
import { writtenBasis, writtenChannelNames, writtenChannels } from '../domain/written.ts';
import type { ItemVersionSummary } from '../domain/history.ts';
import { columnPath, Paragraphs } from './public-shared.tsx';
import type { ItemRecords } from '../http/item-records.ts';
import type { ItemSourceLink } from '../http/item-source.ts';

const CHANGE_KIND: Record<ItemVersionSummary['changeKind'], string> = { created: '新增', updated: '修改', retired: '停用' };

/** A column value short enough to quote before and after in the history. */
const QUOTE_MAX = 60;

export function ItemPage({ ctx, view, records, sources = [], via }: { ctx: PageContext; view: PublicItem; records?: ItemRecords; sources?: ItemSourceLink[]; via?: PublicItem['owner'] }) {
  const { item, domain, data, owner, holders, versions, nextDue } = view;
  const crumbUnit = via ?? owner;
  const channels = writtenChannelNames(writtenChannels(data));
  const basis = writtenBasis(data);
  const rule = describeTimeLimit(data.timeLimitRule);
  return (
    <PublicLayout
      ctx={ctx}
      title={`${data.level2} - ${domain.name}`}
      breadcrumbs={[
        { href: '/openness', label: '政府信息公开' },
        { href: columnPath(crumbUnit.slug), label: crumbUnit.name },
        { href: columnPath(crumbUnit.slug, 'catalog'), label: '法定主动公开内容' },
        { label: data.level2 },
      ]}
    >
      <h1>{data.level2}</h1>
      <p>
        {domain.name} · {data.level1} · 第{item.version}版，更新于 {formatInstant(item.updatedAt).slice(0, 10)}
      </p>
      {item.retiredAt ? (
        <div class="warning-box" role="note">
          <p>本事项已于 {formatInstant(item.retiredAt).slice(0, 10)} 停用，不再列入政务公开目录。以下为停用前的内容和变更记录。</p>
        </div>
      ) : null}

      <div class="table-wrap" role="region" tabIndex={0} aria-label={`“${data.level2}”的公开要素`}>
        <table class="item-elements">
          <caption>“{data.level2}”的公开要素</caption>
          <tbody>
            <tr>
              <th scope="row">领域</th>
              <td>{domain.name}</td>
            </tr>
            <tr>
              <th scope="row">一级事项</th>
              <td>{data.level1}</td>
            </tr>
            <tr>
              <th scope="row">二级事项</th>
              <td>{data.level2}</td>
            </tr>
            {sources.length ? (
              <tr>
                <th scope="row">来源事项</th>
                <td>
                  <ul>
                    {sources.map((s, i) => (
                      <li key={i}>
                        {s.kindLabel}：<a href={s.href}>{s.name}</a>（{s.unitName}）
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">公开内容（要素）</th>
              <td>
                <Paragraphs text={data.content} />
              </td>
            </tr>
            <tr>
              <th scope="row">公开依据</th>
              <td>
                <Paragraphs text={basis} />
              </td>
            </tr>
            <tr>
              <th scope="row">公开时限</th>
              <td>
                <p>{data.timeLimitText}</p>
                <p class="hint">
                  计算规则：{rule}
                  {data.timeLimitRule.kind === 'working_days_after_formed' ? '（《政府信息公开条例》第二十六条）' : ''}
                </p>
              </td>
            </tr>
            <tr>
              <th scope="row">公开主体</th>
              <td>
                {view.publisher.map((p, i) =>
                  p.href ? (
                    <a key={i} href={p.href}>
                      {p.text}
                    </a>
                  ) : (
                    p.text
                  ),
                )}
              </td>
            </tr>
            <tr>
              <th scope="row">公开渠道和载体</th>
              <td>
                <p>{channels.map((c) => c.name).join('、')}</p>
                {channels.some((c) => c.standard && c.standard !== c.name) ? (
                  <p class="hint">
                    对应标准渠道：
                    {channels
                      .filter((c) => c.standard && c.standard !== c.name)
                      .map((c) => `${c.name}→${c.standard}`)
                      .join('；')}
                  </p>
                ) : null}
              </td>
            </tr>
            <tr>
              <th scope="row">公开对象</th>
              <td>{fieldText(data, 'audience')}</td>
            </tr>
            <tr>
              <th scope="row">公开方式</th>
              <td>{fieldText(data, 'mode')}</td>
            </tr>
            <tr>
              <th scope="row">公开层级</th>
              <td>{fieldText(data, 'level')}</td>
            </tr>
          </tbody>
        </table>
      </div>

      {records ? (
        <section aria-labelledby="item-records">
          <h2 id="item-records">已公开的信息</h2>
          {records.links.length ? (
            <>
              <div class="table-wrap" role="region" tabIndex={0} aria-label="本事项下主动公开的信息，按发布日期从新到旧">
                <table>
                  <caption class="visually-hidden">本事项下主动公开的信息，按发布日期从新到旧</caption>
                  <thead>
                    <tr>
                      <th scope="col">标题</th>
                      <th scope="col">文号</th>
                      <th scope="col">发布机构</th>
                      <th scope="col">发布日期</th>
                      <th scope="col">有效性</th>
                    </tr>
                  </thead>
                  <tbody>
                    {records.links.map((r) => (
                      <tr key={r.href}>
                        <td>
                          <a href={r.href}>{r.title}</a>
                        </td>
                        <td>{r.docNo || '—'}</td>
                        <td>{r.publisherName}</td>
                        <td class="nowrap">{r.publishedOn}</td>
                        <td>{r.validity}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {records.total > records.links.length ? (
                <p>
                  <a href={records.moreHref}>查看本事项全部 {records.total} 条信息</a>
                </p>
              ) : null}
            </>
          ) : (
            <p>本事项下暂无主动公开的信息。</p>
          )}
        </section>
      ) : null}

      {nextDue ? (
        <section aria-labelledby="next-due">
          <h2 id="next-due">下次公开期限</h2>
          {nextDue.due ? (
            <p>
              <strong>下次应于 {nextDue.due} 前公开</strong>
            </p>
          ) : null}
          <p>{nextDue.explanation}</p>
        </section>
      ) : null}

      {holders.length ? (
        <section aria-labelledby="holders">
          <h2 id="holders">列入本事项的单位目录</h2>
          <ul class="unit-grid">
            {holders.map((u) => (
              <li key={u.id}>
                <a href={columnPath(u.slug, 'catalog')}>{u.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="history">
        <h2 id="history">变更记录</h2>
        <div class="table-wrap" role="region" tabIndex={0} aria-label={`“${data.level2}”各版本的变更记录`}>
          <table>
            <caption class="visually-hidden">“{data.level2}”各版本的变更记录</caption>
            <thead>
              <tr>
                <th scope="col">版本</th>
                <th scope="col">日期</th>
                <th scope="col">变更</th>
                <th scope="col">原因</th>
                <th scope="col">变更的栏目</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row" class="nowrap">
                    第{v.version}版
                  </th>
                  <td class="nowrap">{v.changedOn}</td>
                  <td class="nowrap">{CHANGE_KIND[v.changeKind]}</td>
                  <td>{v.reason}</td>
                  <td>{v.changes.length ? <Changes changes={v.changes} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </PublicLayout>
  );
}

function Changes({ changes }: { changes: FieldChange[] }) {
  return (
    <ul>
      {changes.map((c) => {
        // The computed rule is shown through its text column; its JSON means nothing to a reader.
        const quote = c.field !== 'timeLimitRule' && [...c.before].length <= QUOTE_MAX && [...c.after].length <= QUOTE_MAX;
        return (
          <li key={c.field}>
            {c.label}
            {quote ? `：由“${c.before || '（空）'}”改为“${c.after || '（空）'}”` : ''}
          </li>
        );
      })}
    </ul>
  );
}
