// `npm test` on a machine without chromium: the other tests run and the browser tests are reported
// as skipped with the install command; under CI the missing browser fails the run.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

function runNpmTest(env: Record<string, string>, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete childEnv.NODE_TEST_CONTEXT; // else the inner test runner thinks it runs inside this test and runs nothing
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/test.ts', ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('npm test without the browser packages', () => {
  // A PATH with node but without apt-get: a machine where the packages cannot be installed.
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-path-'));
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  const env = { PATH: bin, CHROMIUM_PATH: path.join(bin, 'no-chromium'), CI: '' };
  const selected = ['src/core/files/extract-text', 'src/core/testing/prerequisites'];
  after(() => fs.rmSync(bin, { recursive: true, force: true }));

  it('runs the other tests and reports the browser tests as skipped with the install command', async () => {
    const { code, out } = await runNpmTest(env, selected);
    assert.equal(code, 0, out);
    assert.match(out, /缺少 chromium：跳过 1 个浏览器测试文件，其余测试照常运行/);
    assert.match(out, /apt-get install -y chromium/);
    assert.match(out, /已跳过的浏览器测试[^\n]*\n {2}- src\/core\/files\/extract-text\.test\.ts/);
    assert.match(out, /# fail 0/);
    assert.match(out, /# pass [1-9]/);
  });

  it('fails under CI when the browser is missing', async () => {
    const { code, out } = await runNpmTest({ ...env, CI: 'true' }, selected);
    assert.equal(code, 1);
    assert.match(out, /CI 中缺少浏览器测试所需的 Debian 软件包：chromium。请先安装：apt-get install -y chromium/);
  });
});
