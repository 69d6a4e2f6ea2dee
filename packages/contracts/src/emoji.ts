/**
 * 表情: the emoji both pickers offer (the agent's composer and the buyer's widget), and the rule both message
 * renderers use to show a short all-emoji message large. Plain data with no zod, so the widget can import it
 * (`@golddesk/contracts/emoji`) without growing its bundle.
 */

/** One emoji of the picker: the character(s) inserted, and names for the tooltip and screen readers. */
export interface ServiceEmoji {
  char: string;
  zh: string;
  en: string;
}

/** Forty emoji that soften service chat, the friendliest first. */
export const SERVICE_EMOJI: readonly ServiceEmoji[] = [
  { char: '😊', zh: '微笑', en: 'Smile' },
  { char: '🙏', zh: '拜托', en: 'Thanks' },
  { char: '👍', zh: '赞', en: 'Thumbs up' },
  { char: '🌹', zh: '玫瑰', en: 'Rose' },
  { char: '💐', zh: '花束', en: 'Bouquet' },
  { char: '😄', zh: '开心', en: 'Happy' },
  { char: '😂', zh: '笑哭', en: 'Tears of joy' },
  { char: '🤔', zh: '思考', en: 'Thinking' },
  { char: '😅', zh: '尴尬', en: 'Sweat smile' },
  { char: '😭', zh: '大哭', en: 'Crying' },
  { char: '💪', zh: '加油', en: 'Strong' },
  { char: '🎉', zh: '庆祝', en: 'Party' },
  { char: '❤️', zh: '爱心', en: 'Heart' },
  { char: '👌', zh: '可以', en: 'OK' },
  { char: '🙂', zh: '微微笑', en: 'Slight smile' },
  { char: '😘', zh: '飞吻', en: 'Kiss' },
  { char: '🥰', zh: '喜欢', en: 'Love' },
  { char: '✨', zh: '闪亮', en: 'Sparkles' },
  { char: '🔥', zh: '火爆', en: 'Hot' },
  { char: '🎁', zh: '礼物', en: 'Gift' },
  { char: '🛍️', zh: '购物', en: 'Shopping' },
  { char: '📦', zh: '包裹', en: 'Parcel' },
  { char: '🚚', zh: '发货', en: 'Delivery' },
  { char: '⏰', zh: '闹钟', en: 'Alarm' },
  { char: '💯', zh: '满分', en: 'Hundred' },
  { char: '😁', zh: '嘿嘿', en: 'Grin' },
  { char: '😉', zh: '眨眼', en: 'Wink' },
  { char: '😍', zh: '花痴', en: 'Heart eyes' },
  { char: '🤗', zh: '抱抱', en: 'Hug' },
  { char: '😳', zh: '害羞', en: 'Flushed' },
  { char: '😔', zh: '失落', en: 'Pensive' },
  { char: '😢', zh: '难过', en: 'Sad' },
  { char: '🙈', zh: '捂脸', en: 'See no evil' },
  { char: '👋', zh: '你好', en: 'Wave' },
  { char: '🤝', zh: '合作', en: 'Handshake' },
  { char: '👏', zh: '鼓掌', en: 'Clap' },
  { char: '💕', zh: '心心', en: 'Hearts' },
  { char: '🌸', zh: '樱花', en: 'Blossom' },
  { char: '☕', zh: '咖啡', en: 'Coffee' },
  { char: '✅', zh: '好的', en: 'Done' },
];

/** How many emoji a message may hold and still be shown large. */
const LARGE_EMOJI_MAX = 3;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
// Pictographs plus what joins or modifies them (variation selector, ZWJ, skin tones, keycap), spaces between.
const ONLY_EMOJI = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200D|\uFE0F|\u20E3|\s)+$/u;

/** A message of one to three emoji and nothing else: both chat views show it large, like the phone apps do. */
export function isLargeEmojiMessage(text: string): boolean {
  if (!ONLY_EMOJI.test(text)) return false;
  const count = text.match(PICTOGRAPH)?.length ?? 0;
  return count > 0 && count <= LARGE_EMOJI_MAX;
}

/**
 * `text` with `insert` put in place of the selection [start, end) (the caret when equal), and where the caret
 * goes afterwards: both pickers insert at the caret this way.
 */
export function insertAtCaret(text: string, insert: string, start: number, end = start): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { value: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length };
}
