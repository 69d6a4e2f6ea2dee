import { i18next } from './i18n';

let audio: AudioContext | null = null;

/**
 * Browsers only let audio start after a user gesture, so the context is created (and desktop
 * notifications are requested) on the first click.
 */
export function unlockAlerts(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    audio = null;
  }
  if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission();
}

/** A short two-tone beep made with Web Audio, so no sound asset is needed. */
function beep(): void {
  if (!audio || audio.state !== 'running') return;
  const start = audio.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.16, 1175],
  ] as const) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.14);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.15);
  }
}

/** Alerts the agent to a new buyer message while the workbench tab is hidden. */
export function alertNewBuyerMessage(conversationId: string, nick: string, preview: string, onClick: () => void): void {
  if (!document.hidden) return;
  beep();
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  // Notification text is plain text by specification, so buyer input cannot inject markup here.
  const notification = new Notification(i18next.t('chat.newMessageFrom', { nick }), {
    body: preview,
    tag: `golddesk-${conversationId}`,
  });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}

/**
 * Alerts the agent to something of theirs that needs them now (a case's deadline is near): the beep always, a desktop
 * notification too while the tab is hidden (in the tab the caller shows its own notice).
 */
export function alertAgent(title: string, body: string, tag: string, onClick: () => void): void {
  beep();
  if (!document.hidden || !('Notification' in window) || Notification.permission !== 'granted') return;
  const notification = new Notification(title, { body, tag: `golddesk-${tag}` });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}
