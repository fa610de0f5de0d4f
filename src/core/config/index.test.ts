import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './index.ts';

describe('loadConfig: GONGKAI_DEMO_VOLUME', () => {
  it('loads the full demo city unless told lean, and refuses anything else with a message', () => {
    assert.equal(loadConfig({}).demoVolume, 'full');
    assert.equal(loadConfig({ GONGKAI_DEMO_VOLUME: ' Lean ' }).demoVolume, 'lean');
    assert.equal(loadConfig({ GONGKAI_DEMO_VOLUME: 'full' }).demoVolume, 'full');
    assert.throws(() => loadConfig({ GONGKAI_DEMO_VOLUME: 'some' }), { message: '环境变量 GONGKAI_DEMO_VOLUME 应为 full 或 lean，实际为「some」' });
  });
});
