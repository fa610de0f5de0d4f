// The review of personal data found in a file before it is released or published: each hit with its
// place, a tick to redact it (untick to dismiss), and the button that makes the redacted copy.
import type { PageContext } from './context.ts';
import { StaffLayout } from './layout.tsx';
import { CsrfField } from './components.tsx';
import { PERSONAL_DATA_KIND_LABELS, type MaskRules, type RedactionScan } from '../redaction/office.ts';

export interface RedactionReviewProps {
  ctx: PageContext;
  /** What the file belongs to, e.g. the record's title or the request number. */
  owner: string;
  fileName: string;
  scan: RedactionScan;
  masks: MaskRules;
  action: string;
  back: { href: string; label: string };
  breadcrumbs: { href?: string; label: string }[];
  /** Hits in the record's or reply's own text, which staff edit in its form (not redacted here). */
  bodyHits?: { kind: keyof typeof PERSONAL_DATA_KIND_LABELS; masked: string }[];
  error?: string;
}

function maskText(m: MaskRules, k: keyof MaskRules): string {
  const r = m[k];
  return [r.keepStart ? `保留前 ${r.keepStart} 位` : '', r.keepEnd ? `保留后 ${r.keepEnd} 位` : ''].filter(Boolean).join('、') || '全部隐去';
}

export function RedactionReviewPage(p: RedactionReviewProps) {
  const { scan } = p;
  return (
    <StaffLayout ctx={p.ctx} title={`个人信息检查：${p.fileName}`} breadcrumbs={p.breadcrumbs}>
      <h1>个人信息检查：{p.fileName}</h1>
      <p>
        {p.owner}。发布或提供前，请逐条确认下列个人信息：勾选的将在副本中按站点设置隐去（居民身份证号{maskText(p.masks, 'resident_id')}；手机号码{maskText(p.masks, 'mobile')}；银行卡号{maskText(p.masks, 'bank_card')}），取消勾选表示无需处理（如本人同意公开或属于公务联系方式）。原文件只留工作人员查看，公开或提供的是处理后的副本；日志只记录处理的种类和数量，不记录号码。
      </p>
      {p.error ? (
        <div class="error-summary" role="alert" tabIndex={-1} data-autofocus>
          <p>{p.error}</p>
        </div>
      ) : null}
      {p.bodyHits?.length ? (
        <section aria-labelledby="body-hits">
          <h2 id="body-hits">正文中的个人信息（请在编辑页面修改正文）</h2>
          <ul>
            {p.bodyHits.map((h, i) => (
              <li key={i}>
                {PERSONAL_DATA_KIND_LABELS[h.kind]}：{h.masked}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>附件中的个人信息（{scan.hits.length} 处）</h2>
      {!scan.canRedact ? (
        <div class="notice" role="note">
          <p>{scan.refusal}</p>
        </div>
      ) : null}
      {scan.hits.length === 0 ? (
        <p>没有发现居民身份证号、手机号码或银行卡号。</p>
      ) : (
        <form method="post" action={p.action}>
          <CsrfField token={p.ctx.csrfToken} />
          <div class="table-wrap">
            <table class="data">
              <caption>发现的个人信息（号码已部分隐去）</caption>
              <thead>
                <tr>
                  <th scope="col">处理</th>
                  <th scope="col">种类</th>
                  <th scope="col">位置</th>
                  <th scope="col">内容</th>
                </tr>
              </thead>
              <tbody>
                {scan.hits.map((h, i) => (
                  <tr key={h.id}>
                    <td>
                      {scan.canRedact ? (
                        <input type="checkbox" name="hit" value={h.id} checked id={`hit-${i}`} aria-label={`隐去第 ${i + 1} 处：${h.place}的${PERSONAL_DATA_KIND_LABELS[h.kind]}`} />
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{PERSONAL_DATA_KIND_LABELS[h.kind]}</td>
                    <td>{h.place}</td>
                    <td>
                      <span class="nowrap">{h.masked}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {scan.canRedact ? <button type="submit" class="button">生成处理后的副本并替换</button> : null}
        </form>
      )}
      <p>
        <a href={p.back.href}>{p.back.label}</a>
      </p>
    </StaffLayout>
  );
}
