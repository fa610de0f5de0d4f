// Evidence files (证据材料) on a decision's recorded step or on a key task: PDF, images, spreadsheets and
// documents, checked by content (core/files/sniff) and kept in the platform's file storage. Public once added.
import type { Core } from '../../core/services.ts';
import { writeAudit, type Actor } from '../../core/audit/index.ts';
import { checkUpload } from '../../core/files/sniff.ts';
import { fileStorage } from '../../core/files/storage.ts';
import { publicPagesChanged } from './deps.ts';
import { STEP_INFO, type Step } from './domain/steps.ts';
import { findDecisionByCode, findTaskByCode, insertEvidence, listSteps, type EvidenceRow } from './data/repository.ts';
import { newCode, type Outcome } from './service.ts';
import { tasksChanged } from './service-read.ts';

export interface EvidenceInput {
  title: string;
  file: { filename: string; bytes: Buffer } | undefined;
}

export type EvidenceTarget = { decisionCode: string; step: string } | { taskCode: string };

export async function addEvidence(core: Core, actor: Actor, rootUnitId: number, target: EvidenceTarget, input: EvidenceInput): Promise<Outcome<{ evidence: EvidenceRow }>> {
  const errors: Record<string, string> = {};
  const title = input.title.trim();
  if (!title) errors.title = '请填写材料名称，如：听证会笔录、项目现场照片';
  else if ([...title].length > 100) errors.title = '材料名称不能超过100个字';
  const sniff = input.file ? checkUpload(input.file.filename, input.file.bytes, core.config.uploadLimitBytes) : undefined;
  if (!input.file) errors.file = '请选择要上传的文件（PDF、图片、XLSX 或 DOCX）';
  else if (sniff && !sniff.ok) errors.file = sniff.message;
  else if (sniff?.ok && sniff.activeContent) errors.file = sniff.activeContent;
  let owner: { decisionId: number; step: string } | { taskId: number };
  let audit: { targetType: string; targetId: string; unitId: number };
  if ('decisionCode' in target) {
    const d = await findDecisionByCode(core.db, target.decisionCode);
    if (!d || d.rootUnitId !== rootUnitId) return { ok: false, refusals: ['该决策事项不存在。'] };
    const recorded = (await listSteps(core.db, [d.id])).find((s) => s.step === target.step && s.state === 'done');
    if (!(target.step in STEP_INFO)) errors.step = '请从列表中选择程序';
    else if (!recorded) errors.step = `“${STEP_INFO[target.step as Step].label}”尚未办理，办理后才能上传材料`;
    owner = { decisionId: d.id, step: target.step };
    audit = { targetType: 'decision', targetId: d.publicCode, unitId: d.rootUnitId };
  } else {
    const task = await findTaskByCode(core.db, target.taskCode);
    if (!task || task.rootUnitId !== rootUnitId) return { ok: false, refusals: ['该重点工作不存在。'] };
    owner = { taskId: task.id };
    audit = { targetType: 'decision_task', targetId: task.publicCode, unitId: task.leadUnitId };
  }
  if (Object.keys(errors).length || !input.file || !sniff?.ok) return { ok: false, errors };
  const stored = await fileStorage(core.config).put(input.file.bytes);
  const now = core.clock.now();
  const evidence = await core.db.transaction(async (tx) => {
    const row = await insertEvidence(tx, {
      publicCode: newCode('zl'),
      ...owner,
      title,
      fileKey: stored.key,
      fileName: input.file!.filename.replace(/[\\/]/g, '_').slice(-120),
      mediaType: sniff.mediaType,
      size: stored.size,
      uploadedByName: actor.name,
      uploadedAt: now,
    });
    await writeAudit(tx, actor, { action: 'decisions.evidence-added', ...audit, summary: { after: { title, file: row.fileName, size: row.size, step: row.step }, sha256: stored.sha256 } }, now);
    return row;
  });
  if ('taskId' in owner) tasksChanged(core);
  publicPagesChanged();
  return { ok: true, evidence };
}
