// Height and weight as buyers write them (issue 9, item 7): what the chat's 尺码助手 pre-fills from the buyer's message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBodyMeasurements } from '@golddesk/contracts';

describe("height and weight in a buyer's message", () => {
  const cases: [string, { heightCm?: number; weightKg?: number }][] = [
    ['165/50', { heightCm: 165, weightKg: 50 }],
    ['我身高165体重100斤穿什么码', { heightCm: 165, weightKg: 50 }],
    ['身高165 体重100斤', { heightCm: 165, weightKg: 50 }],
    ['163cm 50kg', { heightCm: 163, weightKg: 50 }],
    ['我身高162，体重50kg，穿M合适吗', { heightCm: 162, weightKg: 50 }],
    ['１６０／１００', { heightCm: 160, weightKg: 50 }],
    ['160/100斤 能穿吗', { heightCm: 160, weightKg: 50 }],
    ['180/85', { heightCm: 180, weightKg: 85 }],
    ['1米65 110斤', { heightCm: 165, weightKg: 55 }],
    ['1.7m 65公斤', { heightCm: 170, weightKg: 65 }],
    ['体重120', { weightKg: 60 }],
    ['身高158', { heightCm: 158 }],
    ['55KG 穿多大', { weightKg: 55 }],
    ['在吗？这款碎花连衣裙还有M码吗', {}],
    ['订单 20261100015554 什么时候发货', {}],
    ['¥129.00 两件', {}],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}"`, () => assert.deepEqual(parseBodyMeasurements(text), expected));
  }
});
