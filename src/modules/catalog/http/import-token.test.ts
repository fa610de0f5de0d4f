import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IMPORT_TOKEN_TTL_MS, openImport, sealImport, type ImportPayload } from './import-token.ts';

const payload: ImportPayload = {
  v: 1,
  unitId: 1,
  userId: 2,
  reason: '导入',
  fileName: '目录.xlsx',
  issuedAt: Date.UTC(2026, 10, 26, 2),
  items: [],
};

describe('sealed import payload', () => {
  it('opens what it sealed with the same key', () => {
    const s = sealImport(payload, 'key-1');
    assert.deepEqual(openImport(s.data, s.sig, 'key-1', payload.issuedAt + 1000), { ok: true, payload });
  });

  it('refuses another key, a changed payload and a malformed signature', () => {
    const s = sealImport(payload, 'key-1');
    assert.deepEqual(openImport(s.data, s.sig, 'key-2', payload.issuedAt), { ok: false, reason: 'tampered' });
    const other = sealImport({ ...payload, unitId: 9 }, 'key-2');
    assert.deepEqual(openImport(other.data, s.sig, 'key-1', payload.issuedAt), { ok: false, reason: 'tampered' });
    assert.deepEqual(openImport(s.data, 'not base64!', 'key-1', payload.issuedAt), { ok: false, reason: 'tampered' });
    assert.deepEqual(openImport('', '', 'key-1', payload.issuedAt), { ok: false, reason: 'tampered' });
  });

  it('expires after two hours', () => {
    const s = sealImport(payload, 'k');
    assert.equal(openImport(s.data, s.sig, 'k', payload.issuedAt + IMPORT_TOKEN_TTL_MS).ok, true);
    assert.deepEqual(openImport(s.data, s.sig, 'k', payload.issuedAt + IMPORT_TOKEN_TTL_MS + 1), { ok: false, reason: 'expired' });
  });
});
