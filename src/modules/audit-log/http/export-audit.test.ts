// Exports of lists holding personal data leave an audit row: who exported which list, with which
// filters, how many rows.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';

describe('exports of personal data are audited', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  });
  after(async () => t.dispose());

  async function exportRows(): Promise<{ actor_name: string; target_id: string; summary: Record<string, unknown> }[]> {
    return (await t.core.pool.query(`SELECT actor_name, target_id, summary FROM audit_log WHERE action = 'data.exported' ORDER BY id`)).rows;
  }

  it('records the auditor exporting the audit log as CSV and as XLSX, with the filters and row count', async () => {
    const auditor = await t.signIn('auditor');
    const logins = Number((await t.core.pool.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'auth.login'`)).rows[0].n);
    assert.equal((await auditor.get('/staff/audit/export.csv?action=auth.login')).statusCode, 200);
    assert.equal((await auditor.get('/staff/audit/export.xlsx?action=auth.login')).statusCode, 200);
    const rows = await exportRows();
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.target_id, 'audit_log');
    assert.match(rows[0]!.actor_name, /审计/);
    assert.equal(rows[0]!.summary.format, 'csv');
    assert.equal(rows[0]!.summary.rows, logins);
    assert.equal((rows[0]!.summary.filters as Record<string, unknown>).action, 'auth.login');
    assert.equal(rows[0]!.summary.note, `导出审计日志（CSV，${logins} 行）`);
    assert.equal(rows[1]!.summary.format, 'xlsx');
    // The auditor sees the export in the log, named in Chinese.
    const page = await auditor.get('/staff/audit?action=data.exported');
    assert.match(page.body, /导出含个人信息的清单/);
  });

  it('records a unit administrator exporting the requests list', async () => {
    const admin = await t.signIn('czj_admin');
    const res = await admin.get('/staff/requests/export.xlsx?scope=unit');
    assert.equal(res.statusCode, 200);
    const rows = (await exportRows()).filter((r) => r.target_id === 'requests');
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.summary.format, 'xlsx');
    assert.equal((rows[0]!.summary.filters as Record<string, unknown>).scope, 'unit');
    assert.equal(typeof rows[0]!.summary.rows, 'number');
    assert.match(String(rows[0]!.summary.note), /^导出依申请公开申请清单（XLSX，\d+ 行）$/);
    const who = (await t.core.pool.query(`SELECT s.username FROM audit_log a JOIN staff_users s ON s.id = a.actor_id WHERE a.action = 'data.exported' AND a.target_id = 'requests'`)).rows[0];
    assert.equal(who.username, 'czj_admin');
  });
});
