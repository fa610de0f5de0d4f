import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { checkUpload, sniffContent, zipEntryNames } from './sniff.ts';

const LIMIT = 1024 * 1024;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(64)]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(32)]);
const SCRIPT = Buffer.from('#!/bin/sh\nrm -rf /\n');
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const OFD = Buffer.from(zipSync({ 'OFD.xml': strToU8('<ofd:OFD/>'), 'Doc_0/Document.xml': strToU8('<d/>') }));
const ZIP_WITH_EXE = Buffer.from(zipSync({ 'OFD.xml': strToU8('<ofd:OFD/>'), 'setup.exe': new Uint8Array([0x4d, 0x5a]) }));
const PLAIN_ZIP = Buffer.from(zipSync({ 'a.txt': strToU8('hello') }));

async function docx(): Promise<Buffer> {
  return Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('预算说明')] }] })));
}
async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表1').addRow(['科目', 1]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('checkUpload: content decides, extension must agree', () => {
  it('accepts the seven types by their bytes', async () => {
    const cases: [string, Buffer, string][] = [
      ['2026年预算.pdf', PDF, 'pdf'],
      ['预算说明.docx', await docx(), 'docx'],
      ['预算表.XLSX', await xlsx(), 'xlsx'],
      ['公文.ofd', OFD, 'ofd'],
      ['图解.png', PNG, 'png'],
      ['现场.jpg', JPEG, 'jpeg'],
      ['现场.jpeg', JPEG, 'jpeg'],
      ['动图.gif', GIF, 'gif'],
    ];
    for (const [name, buf, type] of cases) {
      const r = checkUpload(name, buf, LIMIT);
      assert.ok(r.ok, `${name}: ${r.ok ? '' : r.message}`);
      assert.equal(r.type, type);
    }
  });
  it('refuses executables whatever they are called', () => {
    const cases: [string, Buffer, RegExp][] = [
      ['通知.pdf', EXE, /Windows 可执行程序/],
      ['附件.docx', ELF, /Linux 可执行程序/],
      ['图解.png', SCRIPT, /脚本文件/],
      ['公文.ofd', ZIP_WITH_EXE, /可执行程序/],
      ['setup.exe', EXE, /Windows 可执行程序/],
    ];
    for (const [name, buf, re] of cases) {
      const r = checkUpload(name, buf, LIMIT);
      assert.equal(r.ok, false, name);
      if (!r.ok) assert.match(r.message, re);
    }
  });
  it('refuses a mismatched extension, unknown content, old Office files, empty and oversized files', () => {
    const cases: [string, Buffer, number, string][] = [
      ['图解.pdf', PNG, LIMIT, '文件扩展名“.pdf”与内容不符：内容实为 PNG 图片，请核对后重新上传'],
      ['说明.txt', PDF, LIMIT, '文件扩展名“.txt”，只能上传 PDF、DOCX、XLSX、OFD、PNG、JPEG、GIF 文件'],
      ['a.zip', PLAIN_ZIP, LIMIT, '无法识别的文件类型，只能上传 PDF、DOCX、XLSX、OFD、PNG、JPEG、GIF 文件'],
      ['旧.doc', OLE, LIMIT, '不支持旧版 Word/Excel（DOC、XLS）文件，请另存为 DOCX、XLSX 或 PDF 后上传'],
      ['空.pdf', Buffer.alloc(0), LIMIT, '文件为空，请重新选择'],
      ['大.pdf', PDF, 10, `文件大小超过上限（10 B），当前 ${PDF.length} B`],
    ];
    for (const [name, buf, limit, message] of cases) assert.deepEqual(checkUpload(name, buf, limit), { ok: false, message }, name);
  });
  it('reads zip member names from the central directory and rejects a truncated archive', () => {
    assert.deepEqual(zipEntryNames(OFD), ['OFD.xml', 'Doc_0/Document.xml']);
    assert.equal(zipEntryNames(OFD.subarray(0, OFD.length - 30)), null);
    assert.deepEqual(sniffContent(Buffer.from('PK\x03\x04garbage', 'latin1')), { refused: '压缩格式文件已损坏，无法识别' });
  });
});
