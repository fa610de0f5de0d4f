// The 政府信息公开指南 (条例 第十二条): the public page with its versions, and the staff editor that
// saves a new version each time.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../../core/services.ts';
import { FormReader, normaliseText, type FieldErrors } from '../../../core/http/form.ts';
import { actorOf, pageContext, setFlash } from '../../../core/http/context.ts';
import { requireStaff } from '../../../core/http/guards.ts';
import { ForbiddenError, NotFoundError } from '../../../core/http/errors.ts';
import { renderDocument } from '../../../core/ui/render.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { findUnitBySlug, unitRemedies, type UnitRow } from '../../units/index.ts';
import { GUIDE_SECTION_KEYS, canEditGuide, missingUnitFields, type GuideSectionKey, type GuideSectionText } from '../domain/guide.ts';
import { currentGuide, listGuideVersions } from '../data/guide-queries.ts';
import { currentGuideDocument, generatedGuide, guideVersionDocument, saveGuide } from '../service-guide.ts';
import { PublicGuidePage } from '../views/guide-public.tsx';
import { StaffGuidePage } from '../views/guide-staff.tsx';

const HTML = 'text/html; charset=utf-8';

function formValues(sections: GuideSectionText[], reason = ''): Record<string, string> {
  const values: Record<string, string> = { reason };
  for (const s of sections) values[`section_${s.key}`] = s.body;
  return values;
}

export function registerGuideRoutes(app: FastifyInstance, core: Core): void {
  /** A unit of this site shown to the public (404 for unknown, archived or another city's). */
  async function publicUnit(req: FastifyRequest): Promise<UnitRow> {
    const { unitSlug } = req.params as { unitSlug: string };
    const unit = await findUnitBySlug(core.db, unitSlug);
    if (!unit || unit.archivedAt || (unit.rootId ?? unit.id) !== req.site.rootUnitId) throw new NotFoundError('该单位不存在。');
    return unit;
  }

  async function editableUnit(req: FastifyRequest): Promise<UnitRow> {
    const { unitSlug } = req.params as { unitSlug: string };
    const unit = await findUnitBySlug(core.db, unitSlug);
    if (!unit || unit.archivedAt) throw new NotFoundError('该单位不存在或已撤销。');
    if (!canEditGuide(req.user!, unit)) throw new ForbiddenError('只有本单位的单位管理员、政务公开办或系统管理员可以编辑该单位的政府信息公开指南。');
    return unit;
  }

  async function versionLinks(unit: UnitRow) {
    return (await listGuideVersions(core.db, unit.id)).map((v) => ({ version: v.version, date: shanghaiToday(v.changedAt), reason: v.reason }));
  }

  app.get('/openness/:unitSlug/guide', async (req, reply) => {
    const unit = await publicUnit(req);
    const [doc, versions] = await Promise.all([currentGuideDocument(core, unit), versionLinks(unit)]);
    return reply.type(HTML).send(renderDocument(<PublicGuidePage ctx={pageContext(req, reply)} unit={unit} {...doc} versions={versions} />));
  });

  app.get('/openness/:unitSlug/guide/versions/:n', async (req, reply) => {
    const unit = await publicUnit(req);
    const { n } = req.params as { n: string };
    if (!/^\d{1,6}$/.test(n)) throw new NotFoundError('该版本不存在。');
    const [doc, versions] = await Promise.all([guideVersionDocument(core, unit, Number(n)), versionLinks(unit)]);
    if (!doc) throw new NotFoundError('该版本不存在。');
    return reply
      .type(HTML)
      .send(renderDocument(<PublicGuidePage ctx={pageContext(req, reply)} unit={unit} {...doc} currentVersion={versions[0]?.version ?? doc.version ?? 0} versions={versions} />));
  });

  async function renderStaff(
    req: FastifyRequest,
    reply: FastifyReply,
    unit: UnitRow,
    status: number,
    values: Record<string, string>,
    errors: FieldErrors = {},
    regenerated = false,
  ) {
    const [current, versions, remedies] = await Promise.all([currentGuide(core.db, unit.id), listGuideVersions(core.db, unit.id), unitRemedies(core.db, unit)]);
    return reply
      .code(status)
      .type(HTML)
      .send(
        renderDocument(
          <StaffGuidePage
            ctx={pageContext(req, reply)}
            unit={unit}
            values={values}
            errors={errors}
            currentVersion={current?.version ?? 0}
            versions={versions}
            missing={missingUnitFields(unit)}
            regenerated={regenerated}
            remedies={remedies}
          />,
        ),
      );
  }

  const staff = { preHandler: requireStaff('unit_admin', 'openness_office', 'system_admin') };

  app.get('/staff/catalog/:unitSlug/guide', staff, async (req, reply) => {
    const unit = await editableUnit(req);
    const doc = await currentGuideDocument(core, unit);
    return renderStaff(req, reply, unit, 200, formValues(doc.sections));
  });

  app.post('/staff/catalog/:unitSlug/guide', staff, async (req, reply) => {
    const unit = await editableUnit(req);
    const form = new FormReader(req.body);
    const reason = form.text('reason', { label: '变更说明' });
    if (form.raw('action') === 'regenerate') {
      return renderStaff(req, reply, unit, 200, formValues(await generatedGuide(core, unit), reason), {}, true);
    }
    const sections = {} as Record<GuideSectionKey, string>;
    for (const key of GUIDE_SECTION_KEYS) sections[key] = normaliseText(form.raw(`section_${key}`));
    const base = form.raw('baseVersion').trim();
    const result = await saveGuide(core, actorOf(req), unit, { sections, reason, baseVersion: /^\d{1,6}$/.test(base) ? Number(base) : undefined });
    if (!result.ok) {
      const values: Record<string, string> = { reason };
      for (const key of GUIDE_SECTION_KEYS) values[`section_${key}`] = sections[key];
      return renderStaff(req, reply, unit, result.errors.version ? 409 : 400, values, result.errors);
    }
    setFlash(reply, `已保存并发布第${result.version}版政府信息公开指南。`);
    return reply.redirect(`/staff/catalog/${unit.slug}/guide`, 303);
  });
}
