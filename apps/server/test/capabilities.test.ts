// The capability table (issue 10, item 8): who may do what, declared once in the contracts and read by the server
// and the workbench. The route × caller matrix (route-matrix.test.ts) checks the server's answers; this checks the
// table itself against rules a seller would recognise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AgentRole,
  CAPABILITIES,
  can,
  formatFen,
  mayManageRole,
  PAID_ORDER_STATUSES,
  seesFullPhone,
  type Capability,
} from '@golddesk/contracts';

const ROLES = AgentRole.options;
const whoMay = (capability: Capability) => ROLES.filter((role) => can(role, capability));

describe('capability table', () => {
  it('names only known roles, each once, and every capability as <noun>.<verb>', () => {
    for (const [capability, roles] of Object.entries(CAPABILITIES)) {
      assert.match(capability, /^[a-z_]+\.[a-z_]+$/, capability);
      for (const role of roles) assert.ok(ROLES.includes(role), `${capability}: unknown role ${role}`);
      assert.equal(new Set(roles).size, roles.length, `${capability} repeats a role`);
    }
  });

  it('gives the owner every capability', () => {
    for (const capability of Object.keys(CAPABILITIES) as Capability[]) assert.ok(can('owner', capability), capability);
  });

  it('gives an unknown role nothing', () => {
    assert.equal(can('buyer', 'orders.set_memo'), false);
    assert.equal(can('', 'orders.set_memo'), false);
    assert.equal(mayManageRole('owner', 'stranger'), false);
  });

  it('keeps approvals, shop policy and integration with the owner and managers', () => {
    // 售前 cannot decide approvals (a discount beyond their limit goes to a manager).
    assert.equal(can('presale', 'approvals.decide'), false);
    assert.deepEqual(whoMay('approvals.decide'), ['owner', 'manager']);
    for (const capability of [
      'webhooks.manage',
      'integration.view',
      'promotions.edit',
      'auto_replies.edit',
      'broadcasts.manage',
      'audit.read',
    ] as const) {
      assert.deepEqual(whoMay(capability), ['owner', 'manager'], capability);
    }
    // Only the owner turns the shop's secrets over and reads the audit log unmasked.
    assert.deepEqual(whoMay('integration.rotate_secrets'), ['owner']);
    assert.deepEqual(whoMay('audit.read_personal_data'), ['owner']);
  });

  it('splits order work the way the shop floor does', () => {
    // 售后 handles after-sales edits and shipping, but neither discounts nor closes orders (their discount limit is 0).
    assert.equal(can('aftersale', 'orders.change_price'), false);
    assert.equal(can('aftersale', 'orders.close'), false);
    assert.equal(can('aftersale', 'orders.ship'), true);
    assert.equal(can('aftersale', 'orders.change_receiver'), true);
    // 售前 sells: discounts within its limit and closes unpaid orders, but does not ship.
    assert.equal(can('presale', 'orders.change_price'), true);
    assert.equal(can('presale', 'orders.ship'), false);
    assert.equal(can('presale', 'orders.update_tracking'), false);
    // Everyone writes memos; only the owner's discounts never need approval.
    assert.deepEqual(whoMay('orders.set_memo'), ROLES);
    assert.deepEqual(whoMay('orders.change_price_beyond_limit'), ['owner']);
  });

  it('lets the people who call buyers see phone numbers; 售前 sees them masked', () => {
    assert.deepEqual(ROLES.filter(seesFullPhone), ['owner', 'manager', 'aftersale', 'support']);
    assert.deepEqual(whoMay('payment_reminders.work_tasks'), ['owner', 'manager', 'presale', 'support']);
    assert.deepEqual(whoMay('imports.run'), ['owner', 'manager', 'support']);
  });

  it('lets the owner manage anyone and a manager only the front-line roles', () => {
    assert.deepEqual(
      ROLES.filter((role) => mayManageRole('owner', role)),
      ROLES,
    );
    assert.deepEqual(
      ROLES.filter((role) => mayManageRole('manager', role)),
      ['presale', 'aftersale', 'support'],
    );
    for (const actor of ['presale', 'aftersale', 'support'])
      assert.deepEqual(
        ROLES.filter((role) => mayManageRole(actor, role)),
        [],
      );
  });
});

describe('small shared truths', () => {
  it('writes money one way', () => {
    assert.equal(formatFen(12900), '¥129.00');
    assert.equal(formatFen(5), '¥0.05');
    assert.equal(formatFen(12950, { sign: false }), '129.50');
    assert.equal(formatFen(5000, { sign: false, short: true }), '50');
    assert.equal(formatFen(1990, { sign: false, short: true }), '19.9');
    assert.equal(formatFen(0, { short: true }), '¥0');
  });

  it('counts paid, shipped, signed and completed orders as paid', () => {
    assert.deepEqual([...PAID_ORDER_STATUSES], ['paid', 'shipped', 'signed', 'completed']);
  });
});
