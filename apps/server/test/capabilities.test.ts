// The capability table (issue 10, item 8): who may do what, declared once in the contracts and read by the server
// and the workbench. The route × caller matrix (route-matrix.test.ts) checks the server's answers; this checks the
// table itself against rules a seller would recognise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AgentRole,
  CAPABILITIES,
  can,
  defaultCapabilitiesOf,
  effectiveCapabilities,
  formatFen,
  mayManageRole,
  PAID_ORDER_STATUSES,
  seesFullPhone,
  type Capability,
} from '@golddesk/contracts';

const ROLES = AgentRole.options;
/** An agent of the role in a shop that changed nothing. */
const agentOf = (role: string) => ({ capabilities: defaultCapabilitiesOf(role) });
const whoMay = (capability: Capability) => ROLES.filter((role) => can(agentOf(role), capability));
const FIVE = ['owner', 'manager', 'presale', 'aftersale', 'support'];

describe('capability table', () => {
  it('names only known roles, each once, and every capability as <noun>.<verb>', () => {
    for (const [capability, roles] of Object.entries(CAPABILITIES)) {
      assert.match(capability, /^[a-z_]+\.[a-z_]+$/, capability);
      for (const role of roles) assert.ok(ROLES.includes(role), `${capability}: unknown role ${role}`);
      assert.equal(new Set(roles).size, roles.length, `${capability} repeats a role`);
    }
  });

  it('gives the owner every capability', () => {
    for (const capability of Object.keys(CAPABILITIES) as Capability[]) assert.ok(can(agentOf('owner'), capability), capability);
    // Whatever a shop stored for the owner: nobody can lock the shop out.
    assert.deepEqual(effectiveCapabilities('owner', []), Object.keys(CAPABILITIES));
  });

  it('starts a trainee (培训生) with chat and quick replies only, and a custom role with nothing', () => {
    const trainee = defaultCapabilitiesOf('trainee');
    assert.ok(trainee.includes('conversations.serve') && trainee.includes('quick_replies.use'), trainee.join());
    // Chatting (serving, handing a buyer on) and phrases, nothing that changes an order, a customer or a case.
    assert.deepEqual(
      trainee.filter((c) => !c.startsWith('conversations.') && !c.startsWith('quick_replies.')),
      [],
    );
    assert.equal(trainee.includes('conversations.see_all'), false);
    assert.deepEqual(effectiveCapabilities('custom-abcd1234', null), []);
    assert.deepEqual(effectiveCapabilities('presale', ['orders.set_memo', 'no.such_thing']), ['orders.set_memo']);
  });

  it('gives an unknown role nothing', () => {
    assert.equal(can(agentOf('buyer'), 'orders.set_memo'), false);
    assert.equal(can(agentOf(''), 'orders.set_memo'), false);
    assert.equal(mayManageRole(agentOf('owner'), 'stranger'), false);
  });

  it('keeps approvals, shop policy and integration with the owner and managers', () => {
    // 售前 cannot decide approvals (a discount beyond their limit goes to a manager).
    assert.equal(can(agentOf('presale'), 'approvals.decide'), false);
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
    assert.equal(can(agentOf('aftersale'), 'orders.change_price'), false);
    assert.equal(can(agentOf('aftersale'), 'orders.close'), false);
    assert.equal(can(agentOf('aftersale'), 'orders.ship'), true);
    assert.equal(can(agentOf('aftersale'), 'orders.change_receiver'), true);
    // 售前 sells: discounts within its limit and closes unpaid orders, but does not ship.
    assert.equal(can(agentOf('presale'), 'orders.change_price'), true);
    assert.equal(can(agentOf('presale'), 'orders.ship'), false);
    assert.equal(can(agentOf('presale'), 'orders.update_tracking'), false);
    // Everyone writes memos; only the owner's discounts never need approval.
    assert.deepEqual(whoMay('orders.set_memo'), FIVE);
    assert.deepEqual(whoMay('orders.change_price_beyond_limit'), ['owner']);
  });

  it('lets the people who call buyers see phone numbers; 售前 sees them masked', () => {
    assert.deepEqual(
      ROLES.filter((role) => seesFullPhone(agentOf(role))),
      ['owner', 'manager', 'aftersale', 'support'],
    );
    assert.deepEqual(whoMay('payment_reminders.work_tasks'), ['owner', 'manager', 'presale', 'support']);
    assert.deepEqual(whoMay('imports.run'), ['owner', 'manager', 'support']);
  });

  it("lets the owner manage anyone and a manager the front-line roles, trainees and the shop's own roles", () => {
    const roles = [...ROLES, 'custom-abcd1234'];
    assert.deepEqual(
      roles.filter((role) => mayManageRole(agentOf('owner'), role)),
      roles,
    );
    assert.deepEqual(
      roles.filter((role) => mayManageRole(agentOf('manager'), role)),
      ['presale', 'aftersale', 'support', 'trainee', 'custom-abcd1234'],
    );
    for (const actor of ['presale', 'aftersale', 'support', 'trainee'])
      assert.deepEqual(
        roles.filter((role) => mayManageRole(agentOf(actor), role)),
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
