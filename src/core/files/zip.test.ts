import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { checkUpload } from './sniff.ts';
import { extractText } from './extract-text.ts';
import { checkZipArchive, readZipDirectory, zipLimitProblem } from './zip.ts';
import { CONTENT_TYPES, makeZip, oneHugeString, type Member } from '../testing/zip.ts';

describe('decompression bombs', () => {
  it('refuses an .xlsx holding one 100 MB string (about 100 KB packed) from its directory, at once', () => {
    const bomb = oneHugeString(100);
    assert.ok(bomb.length < 200 * 1024, `packed ${bomb.length} bytes`);
    const started = process.hrtime.bigint();
    const r = checkUpload('目录.xlsx', bomb, 10 * 1024 * 1024);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /压缩文件中的“xl\/sharedStrings\.xml”由 .* 展开为 100 MB，压缩比超过 200 倍.*压缩炸弹/);
    assert.ok(ms < 100, `checked in ${ms} ms`);
  });

  it('refuses a .docx with more members than allowed', () => {
    const members: Member[] = [CONTENT_TYPES, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }];
    for (let i = 0; i < 10_001; i++) members.push({ name: `word/media/x${i}.xml`, data: Buffer.from('x') });
    const r = checkUpload('通知.docx', makeZip(members), 10 * 1024 * 1024);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /压缩文件内含 10003 个成员，超过上限 10000 个/);
  });

  it('refuses an archive whose members together unpack to more than 100 MB', () => {
    const members: Member[] = [CONTENT_TYPES];
    // Each member claims 40 MB, at a believable ratio of its packed size; three of them exceed 100 MB.
    for (let i = 0; i < 3; i++) members.push({ name: `xl/worksheets/sheet${i}.xml`, data: Buffer.from('<worksheet/>'), declaredSize: 40 * 1024 * 1024 });
    const dir = readZipDirectory(makeZip(members));
    assert.ok(Array.isArray(dir));
    // Raise the packed sizes so only the total is at fault.
    const believable = dir.map((e) => ({ ...e, compressedSize: Math.max(e.compressedSize, e.uncompressedSize / 10) }));
    assert.match(zipLimitProblem(believable) ?? '', /展开后共 120 MB，超过上限 100 MB/);
  });

  it('stops a member that unpacks to more than its header declares (a lying archive)', async () => {
    const liar = makeZip([
      CONTENT_TYPES,
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(50 * 1024 * 1024, 'a'), declaredSize: 1000 },
    ]);
    // The directory looks harmless ...
    assert.equal(checkUpload('目录.xlsx', liar, 10 * 1024 * 1024).ok, true);
    // ... but nothing reads more than the declared 1,000 bytes of that member.
    assert.match((await checkZipArchive(liar)) ?? '', /“xl\/sharedStrings\.xml”展开后比其声明的 1 KB 更大/);
    const before = process.memoryUsage().rss;
    assert.equal(await extractText('xlsx', liar), '');
    const grown = (process.memoryUsage().rss - before) / 1024 / 1024;
    assert.ok(grown < 40, `memory grew by ${grown.toFixed(0)} MB`);
  });

  it('accepts an ordinary workbook and document', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目录');
    for (let r = 1; r <= 2000; r++) ws.addRow([`信息名称${r}`, '财政预决算', '2026-01-01', '主动公开']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    assert.equal(checkUpload('目录.xlsx', xlsx, 10 * 1024 * 1024).ok, true);
    assert.equal(await checkZipArchive(xlsx), null);
    assert.match(await extractText('xlsx', xlsx), /信息名称2000/);
  });
});
