// The routing strategies (issue 12): who gets the next buyer of a group — least busy, in turn, or by weight — among
// members who take buyers now (workbench open and 在线) and have room.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidatesFor, type PoolAgent } from '../src/modules/routing/routing-pool.js';

const agent = (id: string, extra: Partial<PoolAgent> = {}): PoolAgent => ({
  id,
  name: id,
  role: 'presale',
  status: 'online',
  present: true,
  leftAt: null,
  signedIn: false,
  capacity: 5,
  weight: 1,
  groups: ['presale'],
  load: 0,
  lastRoutedAt: null,
  ...extra,
});

const order = (pool: PoolAgent[], strategy: Parameters<typeof candidatesFor>[2]) =>
  candidatesFor(pool, 'presale', strategy).map((a) => a.id);

describe('routing strategies', () => {
  it('least busy: fewest buyers first, ties to whoever waited longest for a buyer', () => {
    const pool = [
      agent('a', { load: 3, lastRoutedAt: '2026-11-06T01:00:00Z' }),
      agent('b', { load: 1, lastRoutedAt: '2026-11-06T03:00:00Z' }),
      agent('c', { load: 1, lastRoutedAt: '2026-11-06T02:00:00Z' }),
    ];
    assert.deepEqual(order(pool, 'least_busy'), ['c', 'b', 'a']);
  });

  it('round robin: in turn, whatever the load', () => {
    const pool = [
      agent('a', { load: 0, lastRoutedAt: '2026-11-06T03:00:00Z' }),
      agent('b', { load: 4, lastRoutedAt: '2026-11-06T01:00:00Z' }),
      agent('c', { load: 2, lastRoutedAt: null }),
    ];
    assert.deepEqual(order(pool, 'round_robin'), ['c', 'b', 'a']);
  });

  it('weighted: a weight-2 agent with 2 buyers is as busy as a weight-1 agent with 1', () => {
    const pool = [agent('light', { weight: 1, load: 1 }), agent('heavy', { weight: 2, load: 1 })];
    assert.deepEqual(order(pool, 'weighted'), ['heavy', 'light']);
    const shares: Record<string, number> = { light: 0, heavy: 0 };
    for (const member of pool) Object.assign(member, { load: 0, capacity: 20 });
    for (let n = 0; n < 9; n += 1) {
      const [next] = candidatesFor(pool, 'presale', 'weighted');
      next!.load += 1;
      shares[next!.id]! += 1;
    }
    assert.deepEqual(shares, { light: 3, heavy: 6 }, 'new buyers shared 1:2');
  });

  it('nobody busy, offline, away, full or outside the group is a candidate', () => {
    const pool = [
      agent('busy', { status: 'busy' }),
      agent('offline', { status: 'offline' }),
      agent('closed-workbench', { present: false, leftAt: '2026-11-06T02:00:00Z' }),
      agent('never-came', { present: false, status: null }),
      agent('full', { load: 5 }),
      agent('aftersale', { groups: ['aftersale'] }),
      agent('never-set', { status: null }),
    ];
    assert.deepEqual(order(pool, 'least_busy'), ['never-set']);
    // An API client with no stream who said 在线 themselves is at work.
    assert.deepEqual(order([agent('api-online', { present: false, status: 'online' })], 'least_busy'), ['api-online']);
  });

  it('a group nobody of which is at work falls back to everyone at work with room; a staffed but full group queues', () => {
    const pool = [
      agent('presale-away', { status: 'busy' }),
      agent('owner', { role: 'owner', groups: [], load: 1 }),
      agent('aftersale', { groups: ['aftersale'] }),
      agent('aftersale-full', { groups: ['aftersale'], load: 5 }),
    ];
    assert.deepEqual(order(pool, 'least_busy'), ['aftersale', 'owner'], 'presale has nobody at work: anyone with room');
    assert.deepEqual(
      candidatesFor(pool, 'aftersale', 'least_busy', new Set(['aftersale'])).map((a) => a.id),
      [],
      'aftersale is staffed (full): the buyer waits for it',
    );
  });
});
