import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileNotFoundError, LocalFileStorage, fileStorage, sha256Hex } from './storage.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-files-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('LocalFileStorage (content-addressed)', () => {
  it('stores bytes once under their sha256 and reads them back', async () => {
    const s = new LocalFileStorage(dir);
    const data = Buffer.from('楚雄市2026年市级预算');
    const a = await s.put(data);
    const b = await s.put(Buffer.from(data));
    assert.equal(a.key, sha256Hex(data));
    assert.deepEqual(a, b);
    assert.equal(a.size, data.length);
    assert.ok(fs.existsSync(path.join(dir, a.key.slice(0, 2), a.key.slice(2, 4), a.key)));
    assert.deepEqual(await s.get(a.key), data);
    assert.equal(await s.exists(a.key), true);
    // Two concurrent writers of the same new content agree.
    const other = Buffer.from('另一份文件');
    const [x, y] = await Promise.all([s.put(other), s.put(other)]);
    assert.equal(x.key, y.key);
    assert.deepEqual(await s.get(x.key), other);
  });
  it('refuses keys that are not a sha256 (no path traversal) and missing files', async () => {
    const s = new LocalFileStorage(dir);
    await assert.rejects(s.get('../../etc/passwd'), FileNotFoundError);
    await assert.rejects(s.get('0'.repeat(64)), FileNotFoundError);
    assert.equal(await s.exists('../x'), false);
  });
  it('lives under dataDir/files', async () => {
    const s = fileStorage({ dataDir: dir }) as LocalFileStorage;
    assert.equal(s.root, path.join(dir, 'files'));
    assert.equal(fileStorage({ dataDir: dir }), s);
  });
});
