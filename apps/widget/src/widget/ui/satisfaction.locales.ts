import { satisfactionLevelWord, satisfactionReasonWord } from '@golddesk/contracts/satisfaction-levels';
import type { WidgetLanguage } from '../language.js';

/** The rating card's words (满意度), Chinese first; `{name}` marks a parameter. */
const ZH = {
  title: '请对本次服务进行评价',
  hint: '您的评价会帮助我们做得更好',
  reasons: '哪些方面？（可多选）',
  comment: '说点什么（选填）',
  commentPlaceholder: '还有什么想对我们说的？最多 {max} 字',
  submit: '提交评价',
  submitting: '提交中…',
  chooseLevel: '请先选择满意程度',
  networkError: '网络连接失败，请稍后再点提交',
  thanks: '感谢您的评价：{level}',
  thanksNote: '您的反馈我们已收到，祝您购物愉快~',
};
type Words = Record<keyof typeof ZH, string>;

const EN: Words = {
  title: 'How was our service?',
  hint: 'Your rating helps us do better',
  reasons: 'What stood out? (pick any)',
  comment: 'Anything to add? (optional)',
  commentPlaceholder: 'Tell us more, up to {max} characters',
  submit: 'Submit rating',
  submitting: 'Sending…',
  chooseLevel: 'Please choose a rating first',
  networkError: 'Network problem: please tap submit again in a moment',
  thanks: 'Thanks for rating us: {level}',
  thanksNote: 'We have your feedback. Happy shopping!',
};

/** Translates a key into the widget's language, filling `{name}` parameters. */
export type SatisfactionTranslate = (key: keyof typeof ZH, params?: Record<string, string | number>) => string;

export function satisfactionWords(language: WidgetLanguage): SatisfactionTranslate {
  const words: Words = language === 'en' ? EN : ZH;
  return (key, params = {}) => words[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** A face for each level, so the five choices read at a glance on a phone. */
export const LEVEL_FACES: Record<number, string> = { 5: '😄', 4: '🙂', 3: '😐', 2: '🙁', 1: '😣' };

export const levelWord = satisfactionLevelWord;
export const reasonWord = satisfactionReasonWord;
