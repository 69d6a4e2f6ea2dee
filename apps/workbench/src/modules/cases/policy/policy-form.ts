import type { AftersalePolicy } from '@golddesk/contracts';
import dayjs, { type Dayjs } from 'dayjs';

/** The policy as the form edits it: money in yuan, freeze windows as date ranges. */
export type PolicyForm = Omit<
  AftersalePolicy,
  'compensationLimitsFen' | 'refundFreezes' | 'guidePhrases' | 'goodReviewCashbackFen'
> & {
  limitsYuan: Record<string, number>;
  cashbackYuan: number;
  refundFreezes: { range: [Dayjs, Dayjs]; label: string }[];
  guidePhrases: Record<string, { text: string }[]>;
};

export function toForm(policy: AftersalePolicy): PolicyForm {
  const { compensationLimitsFen, refundFreezes, guidePhrases, goodReviewCashbackFen, ...rest } = policy;
  return {
    ...rest,
    // A server from before the field answers without it.
    cashbackYuan: (goodReviewCashbackFen ?? 0) / 100,
    limitsYuan: Object.fromEntries(Object.entries(compensationLimitsFen).map(([role, fen]) => [role, fen / 100])),
    refundFreezes: refundFreezes.map((f) => ({ range: [dayjs(f.from), dayjs(f.to)], label: f.label })),
    guidePhrases: Object.fromEntries(Object.entries(guidePhrases).map(([step, list]) => [step, list.map((text) => ({ text }))])),
  };
}

/** Back to the contract's shape; empty phrases are dropped, the limits the form did not show are kept. */
export function fromForm(form: PolicyForm, base: AftersalePolicy): AftersalePolicy {
  const { limitsYuan, refundFreezes, guidePhrases, cashbackYuan, ...rest } = form;
  return {
    ...base,
    ...rest,
    goodReviewCashbackFen: Math.round((cashbackYuan ?? 0) * 100),
    returnAddress: rest.returnAddress?.trim() ?? '',
    compensationLimitsFen: {
      ...base.compensationLimitsFen,
      ...Object.fromEntries(Object.entries(limitsYuan ?? {}).map(([role, yuan]) => [role, Math.round((yuan ?? 0) * 100)])),
    },
    refundFreezes: (refundFreezes ?? []).map((f) => ({
      from: f.range[0].format('YYYY-MM-DD'),
      to: f.range[1].format('YYYY-MM-DD'),
      label: f.label?.trim() ?? '',
    })),
    productRules: (rest.productRules ?? []).map((r) => ({
      ...r,
      label: r.label?.trim() ?? '',
      notReturnable: !!r.notReturnable,
    })),
    guidePhrases: Object.fromEntries(
      Object.entries(guidePhrases ?? {}).map(([step, list]) => [
        step,
        (list ?? []).map((p) => p?.text?.trim() ?? '').filter(Boolean),
      ]),
    ),
  };
}
