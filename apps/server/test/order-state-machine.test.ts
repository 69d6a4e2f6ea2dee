// Issue 10 item 6: every order status change goes through one transition table (order.state-machine.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OrderRow } from '../src/modules/orders/order.repository.js';
import { advance, pathBetween, transition } from '../src/modules/orders/order.state-machine.js';
import { AppError, errorMessage } from '../src/platform/http/errors.js';

const AT = '2026-11-11T08:00:00.000Z';
const order = (status: string, stamps: Partial<OrderRow> = {}) =>
  ({
    order_no: 'T1001',
    status,
    paid_at: null,
    shipped_at: null,
    signed_at: null,
    completed_at: null,
    closed_at: null,
    ...stamps,
  }) as OrderRow;

describe('the order state machine', () => {
  it('a legal move sets the status and stamps the state entered', () => {
    assert.deepEqual(transition(order('pending_payment'), 'paid', AT), { status: 'paid', paid_at: AT, updated_at: AT });
    assert.deepEqual(transition(order('pending_payment'), 'closed', AT), { status: 'closed', closed_at: AT, updated_at: AT });
  });

  it('an illegal move is refused with order_transition_refused, naming both states in words', () => {
    for (const [from, to] of [
      ['paid', 'closed'],
      ['closed', 'paid'],
      ['completed', 'shipped'],
      ['pending_payment', 'shipped'],
    ] as const) {
      assert.throws(
        () => transition(order(from), to, AT),
        (error: unknown) => error instanceof AppError && error.code === 'order_transition_refused',
      );
    }
    try {
      transition(order('paid'), 'closed', AT);
      assert.fail('refused');
    } catch (error) {
      assert.ok(error instanceof AppError);
      assert.equal(error.status, 409);
      assert.equal(errorMessage(error, 'zh-CN'), '订单 T1001 当前状态为「已付款」，不能变为「交易关闭」');
      assert.equal(errorMessage(error, 'en'), 'Order T1001 is paid: it cannot become closed');
    }
  });

  it('moving forward several steps goes through each state; a state passed keeps the time it has', () => {
    assert.deepEqual(pathBetween('pending_payment', 'signed'), ['paid', 'shipped', 'signed']);
    assert.equal(pathBetween('shipped', 'paid'), undefined, 'never backwards');
    assert.equal(pathBetween('closed', 'paid'), undefined);
    assert.equal(pathBetween('paid', 'paid'), undefined, 'already there');

    const paidEarlier = '2026-11-10T08:00:00.000Z';
    assert.deepEqual(advance(order('pending_payment', { paid_at: paidEarlier }), 'shipped', AT), {
      status: 'shipped',
      shipped_at: AT,
      updated_at: AT,
    });
    assert.deepEqual(advance(order('pending_payment'), 'shipped', AT), {
      status: 'shipped',
      paid_at: AT,
      shipped_at: AT,
      updated_at: AT,
    });
    assert.deepEqual(advance(order('completed'), 'paid', AT), {}, 'an order past the step does not move');
  });
});
