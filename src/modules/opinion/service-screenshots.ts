// Screenshots kept on a 舆情 item (the post, the video frame, the comments as first seen): images only
// (PNG, JPEG, GIF, checked by content), in the content-addressed file storage, shown to staff who may
// see the item and never to the public.
import { and, asc, eq } from 'drizzle-orm';
import type { Core } from '../../core/services.ts';
import { writeAudit } from '../../core/audit/index.ts';
import { checkUpload, formatBytes } from '../../core/files/sniff.ts';
import { fileStorage } from '../../core/files/storage.ts';
import type { UploadedFile } from '../../core/http/form.ts';
import { opinionScreenshots } from './data/schema.ts';
import { canWork, type ItemView, type OpinionActor, type Result } from './service.ts';

export const SCREENSHOT_LIMIT_BYTES = 5 * 1024 * 1024;
export const SCREENSHOTS_PER_ITEM = 20;
export type ScreenshotRow = typeof opinionScreenshots.$inferSelect;

export async function screenshotsOf(core: Core, itemId: number): Promise<ScreenshotRow[]> {
  return core.db.select().from(opinionScreenshots).where(eq(opinionScreenshots.itemId, itemId)).orderBy(asc(opinionScreenshots.id));
}

export async function findScreenshot(core: Core, itemId: number, id: number): Promise<ScreenshotRow | null> {
  const [row] = await core.db.select().from(opinionScreenshots).where(and(eq(opinionScreenshots.itemId, itemId), eq(opinionScreenshots.id, id)));
  return row ?? null;
}

export async function addScreenshot(core: Core, actor: OpinionActor, view: ItemView, file: UploadedFile, caption: string): Promise<Result> {
  if (!actor.user || !canWork(actor.user, view.item)) return { ok: false, reasons: ['您不能办理该舆情：它由其他单位负责。'] };
  const checked = checkUpload(file.filename, file.bytes, SCREENSHOT_LIMIT_BYTES);
  if (!checked.ok) return { ok: false, reasons: [checked.message], fields: { file: checked.message } };
  if (!['png', 'jpeg', 'gif'].includes(checked.type)) {
    const m = `截图只能是 PNG、JPEG 或 GIF 图片，不超过${formatBytes(SCREENSHOT_LIMIT_BYTES)}`;
    return { ok: false, reasons: [m], fields: { file: m } };
  }
  const existing = await screenshotsOf(core, view.item.id);
  if (existing.length >= SCREENSHOTS_PER_ITEM) return { ok: false, reasons: [`每条舆情最多保存${SCREENSHOTS_PER_ITEM}张截图。`], fields: { file: `每条舆情最多保存${SCREENSHOTS_PER_ITEM}张截图` } };
  const stored = await fileStorage(core.config).put(file.bytes);
  if (existing.some((s) => s.fileKey === stored.key)) return { ok: true }; // the same image again: kept once
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(opinionScreenshots)
      .values({ itemId: view.item.id, fileKey: stored.key, mediaType: checked.mediaType, filename: file.filename.slice(0, 200), size: stored.size, caption, uploadedBy: actor.audit.name, uploadedAt: now })
      .onConflictDoNothing()
      .returning({ id: opinionScreenshots.id });
    if (row) await writeAudit(tx, actor.audit, { action: 'opinion.screenshot-added', targetType: 'opinion_item', targetId: view.item.id, unitId: view.item.unitId, summary: { note: caption || file.filename } }, now);
  });
  return { ok: true };
}
