// The mail log: messages queued in mail_outbox (reminders, letters sent by e-mail). Without SMTP they
// stay here and staff read them on this page.
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { Pagination } from '../../../core/ui/components.tsx';
import { formatInstant } from '../../../core/clock.ts';

export interface MailView {
  id: number;
  to: string;
  subject: string;
  body: string;
  unitName: string;
  createdAt: Date;
  sentAt: Date | null;
  error: string | null;
  attempts: number;
  failedAt: Date | null;
  nextAttemptAt: Date;
}

function mailStatus(m: MailView, smtpConfigured: boolean): string {
  if (m.sentAt) return `已发送 ${formatInstant(m.sentAt)}`;
  if (m.failedAt) return `发送失败（已尝试 ${m.attempts} 次）：${m.error ?? ''}`;
  if (m.error) return `第 ${m.attempts} 次发送未成功，将于 ${formatInstant(m.nextAttemptAt)} 重试：${m.error}`;
  return smtpConfigured ? '待发送' : '未发送（仅记录）';
}

export function MailLogPage({
  ctx,
  rows,
  page,
  pageCount,
  total,
  smtpConfigured,
  scope,
}: {
  ctx: PageContext;
  rows: MailView[];
  page: number;
  pageCount: number;
  total: number;
  smtpConfigured: boolean;
  scope: string;
}) {
  return (
    <StaffLayout ctx={ctx} title="邮件日志" breadcrumbs={[{ label: '邮件日志' }]}>
      <h1>邮件日志</h1>
      <p>
        {smtpConfigured
          ? '系统已配置邮件服务器，以下为已发送或待发送的邮件。'
          : '系统未配置邮件服务器（SMTP），提醒邮件和发给申请人的邮件不会寄出，只记录在这里，请工作人员在本页查看并另行送达。'}
      </p>
      <p class="hint">
        范围：{scope}。共 {total} 封。申请人的邮箱地址已作隐藏处理。
      </p>
      {rows.length ? (
        <div class="table-wrap">
          <table class="mail-log">
            <caption class="visually-hidden">邮件列表</caption>
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">收件人</th>
                <th scope="col">单位</th>
                <th scope="col">主题和内容</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td class="nowrap">{formatInstant(m.createdAt)}</td>
                  <td>{m.to}</td>
                  <td>{m.unitName}</td>
                  <td>
                    <details>
                      <summary>{m.subject}</summary>
                      <pre class="mail-body">{m.body}</pre>
                    </details>
                  </td>
                  <td>{mailStatus(m, smtpConfigured)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>没有邮件。</p>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/staff/mail-log?page=${p}`} />
    </StaffLayout>
  );
}
