// The staff mail log (/staff/mail-log): what the platform queued in mail_outbox.
import type { FastifyInstance } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { pageContext } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { hasRole, isCityWide } from '../../../core/auth/roles.ts';
import { listUnitsOfRoot } from '../../units/index.ts';
import { maskEmail } from '../domain/applicant.ts';
import { listMail, staffAddresses, staffEmail } from '../data/page-queries.ts';
import { MailLogPage } from '../views/mail-log.tsx';
import { HTML, pageParam } from './common.ts';

const PAGE_SIZE = 50;

export function registerMailLogRoutes(app: FastifyInstance, core: Core): void {
  app.get('/staff/mail-log', { preHandler: requireStaff() }, async (req, reply) => {
    const user = req.user!;
    const page = pageParam((req.query as Record<string, unknown>).page);
    // City-wide roles read the whole city's mail; unit admins their unit's; everyone their own.
    const cityWide = isCityWide(user);
    const unitIds = cityWide ? undefined : hasRole(user, 'unit_admin', 'editor', 'reviewer', 'openness_head') ? [user.unitId] : [];
    const own = await staffEmail(core.db, user.id);
    const { rows, total } = await listMail(core.db, { rootUnitId: user.rootUnitId, unitIds, ownAddress: own, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const [units, staff] = await Promise.all([listUnitsOfRoot(core.db, user.rootUnitId, true), staffAddresses(core.db, rows.map((r) => r.toAddress))]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const views = rows.map((m) => ({
      id: m.id,
      // Applicants' addresses are personal data: masked here as in every list.
      to: staff.has(m.toAddress.toLowerCase()) ? m.toAddress : maskEmail(m.toAddress),
      subject: m.subject,
      body: m.body,
      unitName: m.unitId ? (unitName.get(m.unitId) ?? '') : '',
      createdAt: m.createdAt,
      sentAt: m.sentAt,
      error: m.error,
      attempts: m.attempts,
      failedAt: m.failedAt,
      nextAttemptAt: m.nextAttemptAt,
    }));
    const scope = cityWide ? '本市全部单位' : unitIds?.length ? `${user.unitName}及发给您本人的邮件` : '发给您本人的邮件';
    return reply.type(HTML).send(
      renderDocument(
        <MailLogPage
          ctx={pageContext(req, reply)}
          rows={views}
          page={page}
          pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
          total={total}
          smtpConfigured={core.mail.smtpConfigured}
          scope={scope}
        />,
      ),
    );
  });
}
