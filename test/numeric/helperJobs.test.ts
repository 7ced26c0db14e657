/**
 * Shared tasks (helperJobs.ts): the calling thread runs every free task, and a
 * task a stalled helper holds is taken over after STALL_MS, with the caller
 * told, so that arrays that helper may still write are not lent again
 * (points.ts). The stalled helper is simulated by a claim set to "being run".
 */
import { describe, expect, it } from 'vitest';
import { runShared } from '../../src/numeric/helperJobs.js';
import type { HelperJob } from '../../src/numeric/helperJobs.js';
import { arrayOf } from '../../src/numeric/threads.js';

const job = (claims: Int32Array): HelperJob => ({
  kind: 'draw',
  claims,
  job: { z: new Float64Array(0), signs: new Uint8Array(0), mixed: new Float64Array(0), kinks: new Float64Array(0), offsets: new Float64Array(0), weights: new Float64Array(0), block: 1, states: [] },
});

describe('runShared', () => {
  it('runs every task once on the calling thread when nothing is shared', () => {
    const claims = arrayOf(Int32Array, 5, false);
    const ran: number[] = [];
    expect(runShared(job(claims), (k) => ran.push(k), false)).toEqual({ helped: 0, tookOver: false });
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(claims)).toEqual([2, 2, 2, 2, 2]);
  });

  it('takes over the tasks a stalled helper holds, and says so', () => {
    const claims = arrayOf(Int32Array, 4, true);
    claims[1] = 1; // held by a helper that never finishes
    claims[3] = 1;
    const ran: number[] = [];
    expect(runShared(job(claims), (k) => ran.push(k), false)).toEqual({ helped: 0, tookOver: true });
    expect(ran.sort()).toEqual([0, 1, 2, 3]);
  });

  it('counts the tasks helpers did', () => {
    const claims = arrayOf(Int32Array, 3, true);
    claims[0] = 3; // done by helper 1
    const ran: number[] = [];
    expect(runShared(job(claims), (k) => ran.push(k), false)).toEqual({ helped: 1, tookOver: false });
    expect(ran).toEqual([1, 2]);
  });
});
