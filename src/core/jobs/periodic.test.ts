import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startPeriodic } from './periodic.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('startPeriodic', () => {
  it('stop() waits for the run in progress and no run starts after it', async () => {
    const events: string[] = [];
    let release!: () => void;
    const job = startPeriodic(
      async () => {
        events.push('start');
        await new Promise<void>((r) => (release = r));
        events.push('end');
      },
      { intervalMs: 5, firstDelayMs: 0 },
    );
    await sleep(20);
    assert.deepEqual(events, ['start']);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await sleep(10);
    assert.equal(stopped, false, 'stop() must not resolve while a run is in progress');
    release();
    await stopping;
    await sleep(30);
    assert.deepEqual(events, ['start', 'end']);
  });

  it('runs never overlap and an error goes to onError, not out of the process', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const errors: unknown[] = [];
    const job = startPeriodic(
      async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        runs++;
        await sleep(15);
        active--;
        if (runs === 1) throw new Error('boom');
      },
      { intervalMs: 1, firstDelayMs: 0, onError: (e) => errors.push(e) },
    );
    await sleep(80);
    await job.stop();
    assert.equal(maxActive, 1);
    assert.ok(runs >= 2, `ran ${runs} times`);
    assert.equal(errors.length, 1);
  });
});
