import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { activeContent, checkUpload } from './sniff.ts';

const docx = (extra: Record<string, Uint8Array> = {}, types = '<Types/>') =>
  Buffer.from(zipSync({ '[Content_Types].xml': strToU8(types), 'word/document.xml': strToU8('<w:document/>'), ...extra }));

describe('active content in uploads', () => {
  it('finds macros in Word files and JavaScript or automatic actions in PDFs', () => {
    assert.equal(activeContent('docx', docx({ 'word/vbaProject.bin': new Uint8Array([1, 2, 3]) })), '文件内含宏（VBA 代码）');
    assert.equal(activeContent('docx', docx({}, '<Types><Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>')), '文件为启用宏的文档（.docm/.xlsm）');
    assert.equal(activeContent('pdf', Buffer.from('%PDF-1.4\n<< /OpenAction << /S /JavaScript /JS (x) >> >>')), 'PDF 内含可自动运行的脚本或动作（/JavaScript、/JS、/OpenAction）');
    assert.equal(activeContent('pdf', Buffer.from('%PDF-1.4\n<< /S /J#61vaScript >>')), 'PDF 内含可自动运行的脚本或动作（/JavaScript）');
  });
  it('leaves ordinary files alone (a /JSON-like name is not /JS)', () => {
    assert.equal(activeContent('docx', docx()), null);
    assert.equal(activeContent('pdf', Buffer.from('%PDF-1.4\n<< /Type /Catalog /JSONData 1 >>')), null);
    const r = checkUpload('通知.pdf', Buffer.from('%PDF-1.4\n<< /Type /Catalog >>'), 1024);
    assert.deepEqual(r, { ok: true, type: 'pdf', mediaType: 'application/pdf', activeContent: null });
  });
});
