import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONTENT_TYPES, makeZip, oneHugeString } from '../../../core/testing/zip.ts';
import { readCatalogWorkbook } from './read-sheet.ts';

describe('catalog import refuses decompression bombs before exceljs unpacks them', () => {
  it('refuses a workbook holding one 100 MB string (about 100 KB packed) at once, without loading it', async () => {
    const bomb = oneHugeString(100);
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const sheet = await readCatalogWorkbook(bomb);
    const ms = Date.now() - started;
    assert.equal(sheet.grid.length, 0);
    assert.match(sheet.problems[0]!.message, /“xl\/sharedStrings\.xml”由 .* 展开为 100 MB，压缩比超过 200 倍，可能是恶意构造的“压缩炸弹”/);
    assert.ok(ms < 500, `refused in ${ms} ms`);
    assert.ok((process.memoryUsage().rss - before) / 1024 / 1024 < 40);
  });

  it('refuses a workbook whose member unpacks to more than its header declares', async () => {
    const liar = makeZip([
      CONTENT_TYPES,
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(50 * 1024 * 1024, 'a'), declaredSize: 1000 },
    ]);
    const before = process.memoryUsage().rss;
    const sheet = await readCatalogWorkbook(liar);
    assert.match(sheet.problems[0]!.message, /“xl\/sharedStrings\.xml”展开后比其声明的 1 KB 更大，可能是恶意构造的“压缩炸弹”/);
    assert.ok((process.memoryUsage().rss - before) / 1024 / 1024 < 40);
  });
});
