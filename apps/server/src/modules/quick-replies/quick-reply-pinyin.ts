import { pinyin } from 'pinyin-pro';

// A phrase's code is spelled once and kept: the list is read on every picker load, codes rarely change.
const MAX_CACHED = 20_000;
const cache = new Map<string, string[]>();
const HAN = /\p{Script=Han}/u;

/** The syllables of a code without tones (发货时间 → fa huo shi jian); [] for codes without Chinese (matched as typed). */
export function pinyinOfCode(code: string | null): string[] {
  if (!code || !HAN.test(code)) return [];
  let syllables = cache.get(code);
  if (!syllables) {
    syllables = pinyin(code, { toneType: 'none', type: 'array', v: true })
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(code, syllables);
  }
  return syllables;
}
