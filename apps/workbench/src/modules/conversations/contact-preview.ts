import type { ConversationSummary, Message } from '@golddesk/contracts';

/**
 * The message a contact row previews: what the buyer asked. While the buyer waits, and whenever the newest line is an
 * automatic one (the bot's welcome, a system notice), that is the buyer's last message; once an agent answered last,
 * the answer shows.
 */
export function previewMessage(summary: ConversationSummary): Message | null {
  const last = summary.lastMessage;
  const buyers = summary.lastBuyerMessage ?? null;
  if (!buyers) return last;
  const automatic = last?.sender === 'bot' || last?.sender === 'system';
  return summary.waitingSince !== null || automatic || !last ? buyers : last;
}
