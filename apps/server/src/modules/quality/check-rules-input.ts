import { QualityRules, type QualityRule } from '@golddesk/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.js';

// Field names as the 质检规则 screen shows them.
const FIELDS: Record<string, { zh: string; en: string }> = {
  id: { zh: '编号', en: 'id' },
  name: { zh: '名称', en: 'name' },
  kind: { zh: '类型', en: 'kind' },
  enabled: { zh: '开关', en: 'enabled' },
  message: { zh: '提示语', en: 'message' },
  suggestion: { zh: '改写建议', en: 'suggestion' },
  points: { zh: '扣分', en: 'points' },
  phrases: { zh: '词语', en: 'phrases' },
  clausePhrases: { zh: '整句词语', en: 'whole-clause phrases' },
  exceptions: { zh: '例外', en: 'exceptions' },
  replace: { zh: '改写范围', en: 'rewrite scope' },
  seconds: { zh: '时限（秒）', en: 'seconds' },
};

function fieldLabel(path: readonly PropertyKey[], language: 'zh' | 'en'): string {
  const [field, sub] = path;
  if (field === undefined) return language === 'zh' ? '内容' : 'content';
  const base = FIELDS[String(field)]?.[language] ?? String(field ?? '');
  if (sub === 'zh' || sub === 'en') return `${base}${language === 'zh' ? (sub === 'zh' ? '（中文）' : '（英文）') : ` (${sub})`}`;
  if (typeof sub === 'number') return language === 'zh' ? `${base}第 ${sub + 1} 个` : `${base} #${sub + 1}`;
  return base;
}

function issueText(issue: z.core.$ZodIssue, input: unknown, language: 'zh' | 'en'): string {
  // The one check of our own: two rules with one id.
  if (issue.code === 'custom')
    return language === 'zh' ? `“${String(input)}”已被另一条规则使用` : `"${String(input)}" is used by another rule`;
  const locale = language === 'en' ? z.locales.en() : z.locales.zhCN();
  const worded = locale.localeError({ ...issue, input } as never);
  return (typeof worded === 'string' ? worded : worded?.message) ?? issue.message;
}

/**
 * The rule set of a PUT, or a 400 that names the rule (its id, or its place) and the field, in both languages:
 * 质检规则「ad-words」的词语第 3 个有误 …
 */
export function checkQualityRulesInput(body: unknown): QualityRule[] {
  const raw = (body as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(raw)) throw new AppError('invalid_input', { detail: 'rules: an array of rules' });
  const parsed = QualityRules.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const [index, ...path] = issue.path;
  if (typeof index !== 'number') throw new AppError('invalid_input', { detail: `rules: ${issue.message}` });
  const rule = raw[index] as { id?: unknown } | undefined;
  const id = typeof rule?.id === 'string' && rule.id.trim() ? rule.id.trim() : null;
  const input = path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], rule);
  throw new AppError('quality_rule_invalid', {
    rule: id ? `「${id}」` : `第 ${index + 1} 条`,
    ruleEn: id ? `"${id}"` : `#${index + 1}`,
    field: fieldLabel(path, 'zh'),
    fieldEn: fieldLabel(path, 'en'),
    detail: issueText(issue, input, 'zh'),
    detailEn: issueText(issue, input, 'en'),
  });
}
