import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserTestPlan, installCommand, isBrowserTest, isOcrTest, ocrPrerequisites, type BrowserTestPlan } from './prerequisites.ts';

describe('npm test on a machine without the browser packages', () => {
  const missing = ['chromium', 'fonts-noto-cjk'];
  const cases: [string, Parameters<typeof browserTestPlan>[0], BrowserTestPlan][] = [
    ['packages present', { browserTests: 5, missing: [], root: false, aptGet: false, ci: false }, 'run'],
    ['no browser test selected', { browserTests: 0, missing, root: false, aptGet: false, ci: true }, 'run'],
    ['root with apt-get installs', { browserTests: 5, missing, root: true, aptGet: true, ci: false }, 'install'],
    ['root with apt-get under CI installs too', { browserTests: 5, missing, root: true, aptGet: true, ci: true }, 'install'],
    ['not root: skipped', { browserTests: 5, missing, root: false, aptGet: true, ci: false }, 'skip'],
    ['root without apt-get: skipped', { browserTests: 5, missing, root: true, aptGet: false, ci: false }, 'skip'],
    ['not root under CI: fails', { browserTests: 5, missing, root: false, aptGet: true, ci: true }, 'fail'],
  ];
  for (const [label, facts, expected] of cases) {
    it(label, () => assert.equal(browserTestPlan(facts), expected));
  }

  it('names the install command and recognises browser test files', () => {
    assert.equal(installCommand(missing), 'apt-get install -y chromium fonts-noto-cjk');
    // Spelled in pieces so that this file itself is not taken for a browser test.
    assert.equal(isBrowserTest("import { launchBrowser } from '../../core/testing/" + "browser.ts';"), true);
    assert.equal(isBrowserTest("import { chromium } from 'playwright" + "-core';"), true);
    assert.equal(isBrowserTest("import { createTestApp } from '../testing/index.ts';"), false);
  });

  it('recognises OCR and PDF/A test files and names their packages when nothing is on PATH', () => {
    assert.equal(isOcrTest("import { ocrTools } from '../ocr/" + "engine.ts';"), true);
    assert.equal(isOcrTest("import { toPdfA } from './pdf" + "a.ts';"), true);
    assert.equal(isOcrTest("import { printIssue } from './print.ts';"), false);
    const missing = ocrPrerequisites('/nonexistent');
    assert.ok(missing.includes('tesseract-ocr') && missing.includes('ghostscript'), missing.join(' '));
  });
});
