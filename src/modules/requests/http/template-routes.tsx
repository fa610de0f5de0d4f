// The letter templates editor (/staff/requests/templates): every staff member of the requests
// workflow may read the templates; only the openness office saves new versions.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { NotFoundError, ForbiddenError } from '../../../core/http/errors.ts';
import { hasRole } from '../../../core/auth/roles.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { composeLetter, type LetterFacts } from '../letters/compose.ts';
import { currentTemplate, saveTemplate, templateOverview, templateVersions } from '../letters/template-store.ts';
import { TEMPLATE_LIMITS } from '../letters/template-text.ts';
import { TemplateEditPage, TemplateListPage } from '../views/templates.tsx';
import { HTML } from './common.ts';
import { STAFF_ROLES } from './access.ts';

/** Sample facts for the preview: a made-up applicant and request. */
function sampleFacts(today: string, unitName: string): LetterFacts {
  return {
    unitName,
    unitPhone: '0878-3121141',
    reviewBody: '楚雄市人民政府',
    requestNo: 'YSQ-2026-000001',
    applicantName: '张某某',
    receivedOn: '2026-11-02',
    issuedOn: today,
    description: '2025年度部门决算及说明',
    formWanted: '电子数据',
    delivery: '电子邮件',
    legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
    replyNotes: '',
    attachments: ['2025年度部门决算.pdf'],
    correction: { items: '请写明所需信息的年度和文号', deadline: '2026-12-10' },
    extension: { reason: '所需信息涉及多个年度的档案，需要调取核对', days: 20, previousDue: '2026-11-30', newDue: '2026-12-28' },
    consultation: { party: '楚雄某某有限公司', partyKind: 'third_party', matter: '该公司的投标报价明细', deadline: '2026-12-17' },
    fee: { method: '按量计收', rate: '31—100页部分每页10元', amountYuan: '200', deadline: '2026-12-24', howToPay: '到本机关指定的非税收入缴款窗口缴纳' },
  };
}

export function registerTemplateRoutes(app: FastifyInstance, core: Core): void {
  const guard = { preHandler: requireStaff(...STAFF_ROLES) };
  const canEdit = (req: FastifyRequest) => hasRole(req.user, 'openness_office');

  app.get('/staff/requests/templates', guard, async (req, reply) => {
    const rows = await templateOverview(core.db, req.user!.rootUnitId);
    return reply.type(HTML).send(renderDocument(<TemplateListPage ctx={pageContext(req, reply)} rows={rows} />));
  });

  async function render(req: FastifyRequest, reply: FastifyReply, kind: string, values?: { title: string; body: string; reason: string }, errors: FieldErrors = {}, status = 200) {
    const user = req.user!;
    const current = await currentTemplate(core.db, user.rootUnitId, kind);
    if (!current) throw new NotFoundError('没有这种文书模板。');
    const shown = values ?? { title: current.title, body: current.body, reason: '' };
    const preview = composeLetter({ title: shown.title, body: shown.body }, sampleFacts(shanghaiToday(core.clock.now()), user.unitName));
    const versions = await templateVersions(core.db, user.rootUnitId, kind);
    return reply
      .code(status)
      .type(HTML)
      .send(
        renderDocument(
          <TemplateEditPage
            ctx={pageContext(req, reply)}
            def={current.def}
            values={shown}
            errors={errors}
            version={current.version}
            canEdit={canEdit(req)}
            preview={preview}
            versions={versions}
          />,
        ),
      );
  }

  app.get('/staff/requests/templates/:kind', guard, async (req, reply) => {
    const { kind } = req.params as { kind: string };
    return render(req, reply, kind);
  });

  app.post('/staff/requests/templates/:kind', guard, async (req, reply) => {
    const { kind } = req.params as { kind: string };
    if (!(await currentTemplate(core.db, req.user!.rootUnitId, kind))) throw new NotFoundError('没有这种文书模板。');
    if (!canEdit(req)) throw new ForbiddenError('只有政务公开办可以修改文书模板。');
    const form = new FormReader(req.body);
    const title = form.text('title', { label: '文书标题', required: true, max: TEMPLATE_LIMITS.title });
    const body = form.text('body', { label: '文书正文', required: true, max: TEMPLATE_LIMITS.body });
    const reason = form.text('reason', { label: '修改说明', required: true, max: TEMPLATE_LIMITS.reason });
    const base = form.raw('baseVersion').trim();
    const values = { title, body, reason };
    if (!form.ok) return render(req, reply, kind, values, form.errors, 400);
    const result = await saveTemplate(core, actorOf(req), req.user!.rootUnitId, kind, { title, body, reason, baseVersion: /^\d{1,6}$/.test(base) ? Number(base) : undefined });
    if (!result.ok) return render(req, reply, kind, values, result.errors, 400);
    setFlash(reply, `已保存为第${result.version}版。此后生成的文书使用新版本。`);
    return reply.redirect(`/staff/requests/templates/${kind}`, 303);
  });
}
