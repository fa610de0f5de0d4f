// The 通报 .docx and the ranking .xlsx: content, 公文 fonts and A4 pages once LibreOffice prints them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { docxParagraphs, zipEntry } from '../../../core/testing/office.ts';
import { isA4, pdfPages, spreadsheetToPdf } from '../../../core/testing/libreoffice.ts';
import { renderBulletinDocx } from './bulletin-docx.ts';
import { rankingWorkbook } from './ranking-xlsx.ts';
import { draftBulletin } from '../domain/bulletin.ts';
import { DEFAULT_INDICATORS, parsePeriod, rankUnits, scoreUnit } from '../domain/scoring.ts';

const NAMES = ['市教育局', '市民政局', '市财政局', '市人力资源和社会保障局', '市自然资源局', '市住房和城乡建设局', '鹿城镇', '东瓜镇', '=SUM(1)'];
const SCORES = rankUnits(
  NAMES.map((n, k) =>
    scoreUnit(DEFAULT_INDICATORS, {
      unitId: k + 1,
      unitName: n,
      evidence: { timeliness: Array.from({ length: 10 }, (_, i) => ({ key: `r${i}`, label: `信息${i}`, ok: i >= k, note: '' })), monitor: k % 3 ? [{ key: 'm', label: '栏目不更新', ok: false, note: '' }] : [] },
      manual: { training: { points: 5 - (k % 5), note: '' } },
      waived: new Set(),
    }),
  ),
);
const PERIOD = parsePeriod('2026-Q3')!;
const draft = draftBulletin('楚雄市', PERIOD, SCORES);

test('the 通报 .docx: 版头, three parts, annexes, 公文 fonts, A4 pages', async (t) => {
  const docx = await renderBulletinDocx({ issuer: '楚雄市人民政府办公室', docNo: '楚政办通〔2026〕12号', addressees: '各乡镇人民政府，市直各部门：', ...draft, dateText: '2026年10月15日', periodLabel: PERIOD.label, scores: SCORES });
  const paras = docxParagraphs(docx);
  for (const p of ['楚雄市人民政府办公室', '楚政办通〔2026〕12号', draft.title, '一、总体情况', '二、存在的主要问题', '三、下一步工作要求', '附件1', '附件2', '2026年10月15日']) assert.ok(paras.includes(p), p);
  const xml = zipEntry(docx, 'word/document.xml')!.toString('utf8');
  assert.match(xml, /方正小标宋简体/);
  assert.match(xml, /仿宋_GB2312/);
  assert.match(xml, /w:color w:val="E60012"/);
  // A4 with the GB/T 9704 margins: 37 mm ≈ 2098 twips, 28 mm ≈ 1588 (the converter rounds down).
  assert.match(xml, /w:pgSz w:w="1190[56]" w:h="1683[78]"/);
  assert.match(xml, /w:top="209[78]"/);
  assert.match(xml, /w:left="158[78]"/);
  // LibreOffice Writer (Debian libreoffice-writer) prints it as a reader would.
  if (!fs.existsSync('/usr/lib/libreoffice/program/libswlo.so')) return t.diagnostic('libreoffice-writer not installed: PDF check skipped');
  const pdf = await spreadsheetToPdf(docx, 'bulletin.docx');
  if (process.env.KEEP_EXPORTS) fs.writeFileSync(`${process.env.KEEP_EXPORTS}/bulletin.pdf`, pdf);
  const pages = pdfPages(pdf);
  assert.ok(pages.length >= 3, `pages: ${pages.length}`);
  assert.ok(pages.every(isA4));
});

test('the ranking .xlsx prints on A4 and keeps a formula-like name as text', async () => {
  const xlsx = await rankingWorkbook(`${PERIOD.label}政务公开工作考核排名`, SCORES);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('排名')!;
  assert.equal(ws.getRow(2).getCell(2).value, '单位');
  assert.equal(ws.getRow(3).getCell(1).value, 1);
  assert.ok([...Array(ws.rowCount).keys()].some((i) => ws.getRow(i + 1).getCell(2).value === "'=SUM(1)"));
  assert.equal(ws.pageSetup.paperSize, 9);
  const pages = pdfPages(await spreadsheetToPdf(xlsx, 'ranking.xlsx'));
  assert.ok(pages.length >= 1 && pages.every(isA4));
});
