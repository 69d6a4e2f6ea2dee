import { QUALITY_SCORECARD_LIMITS, QualityScorecard } from '@golddesk/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.js';

type Words = { zh: string; en: string };

const FIELDS: Record<string, Words> = {
  id: { zh: '编号', en: 'id' },
  name: { zh: '名称', en: 'name' },
  maxPoints: { zh: '满分', en: 'maximum' },
};

/** 第 2 项「专业准确」 / item #2 "Accurate": the item as the 评分表 screen shows it. */
function itemLabel(items: unknown[], index: number): Words {
  const name = (items[index] as { name?: { zh?: unknown; en?: unknown } } | undefined)?.name;
  const zh = typeof name?.zh === 'string' && name.zh.trim() ? `「${name.zh.trim()}」` : '';
  const en = typeof name?.en === 'string' && name.en.trim() ? ` "${name.en.trim()}"` : '';
  return { zh: `第 ${index + 1} 项${zh}`, en: `item #${index + 1}${en}` };
}

function fieldLabel(path: readonly PropertyKey[]): Words {
  const [field, sub] = path;
  const base = FIELDS[String(field)] ?? { zh: String(field ?? '内容'), en: String(field ?? 'content') };
  if (sub === 'zh') return { zh: `${base.zh}（中文）`, en: `${base.en} (Chinese)` };
  if (sub === 'en') return { zh: `${base.zh}（英文）`, en: `${base.en} (English)` };
  return base;
}

function worded(issue: z.core.$ZodIssue, input: unknown): Words {
  const say = (language: 'zh' | 'en') => {
    const locale = language === 'en' ? z.locales.en() : z.locales.zhCN();
    const text = locale.localeError({ ...issue, input } as never);
    return (typeof text === 'string' ? text : text?.message) ?? issue.message;
  };
  return { zh: say('zh'), en: say('en') };
}

function invalid(detail: Words): AppError {
  return new AppError('quality_scorecard_invalid', { detail: detail.zh, detailEn: detail.en });
}

/**
 * The scorecard of a PUT, or a 400 that says what is wrong in both languages: which item and field (第 2 项「专业准确」的满分
 * …), an id used twice, or items that do not add up to 100 (合计 90).
 */
export function checkScorecardInput(body: unknown): QualityScorecard {
  const items = (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw invalid({ zh: '缺少评分项列表 items', en: 'items: a list of scorecard items is missing' });
  const parsed = QualityScorecard.safeParse({ items });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const [, index, ...path] = issue.path;
  if (typeof index !== 'number') {
    if (issue.code === 'custom') {
      const total = items.reduce<number>((sum, item) => sum + Number((item as { maxPoints?: unknown })?.maxPoints ?? 0), 0);
      throw invalid({
        zh: `各项满分合计须为 ${QUALITY_SCORECARD_LIMITS.total} 分，现为 ${total} 分`,
        en: `the items' maximums must add up to ${QUALITY_SCORECARD_LIMITS.total}; they add up to ${total}`,
      });
    }
    throw invalid({
      zh: `评分项须为 1–${QUALITY_SCORECARD_LIMITS.items} 项，现为 ${items.length} 项`,
      en: `a scorecard has 1–${QUALITY_SCORECARD_LIMITS.items} items; this one has ${items.length}`,
    });
  }
  const item = itemLabel(items, index);
  const field = fieldLabel(path);
  if (issue.code === 'custom') {
    throw invalid({ zh: `${item.zh}的编号与另一项重复`, en: `${item.en}: its id is used by another item` });
  }
  const input = path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], items[index]);
  const words = worded(issue, input);
  throw invalid({ zh: `${item.zh}的${field.zh}有误：${words.zh}`, en: `${item.en}: the ${field.en} is invalid: ${words.en}` });
}
