import type { ClientFrame, ServerFrame } from '@golddesk/contracts';
import { apiRequest } from './api-client';
import { getSession } from './session';
import { createStore } from './store';
import { StreamClient, type StreamStatus } from './stream-client';

/** Connection state for the header's indicator. */
export const streamStatusStore = createStore<StreamStatus>('connecting');

let client: StreamClient | null = null;

type FrameListener = (frame: ServerFrame) => void;
const frameListeners = new Set<FrameListener>();

/** Lets a module react to stream frames (e.g. customer.footprint); returns the unsubscribe. */
export function onStreamFrame(listener: FrameListener): () => void {
  frameListeners.add(listener);
  return () => frameListeners.delete(listener);
}

interface StreamHandlers {
  /** The app's own handling of a frame, after the modules' listeners. */
  onFrame: (frame: ServerFrame) => void;
  /** Called after `ready` on every (re)connect. */
  onReady: () => void;
}

/** Opens the agent's stream (idempotent). */
export function openStream(handlers: StreamHandlers): void {
  if (client) return;
  client = new StreamClient({
    token: () => getSession()?.token ?? null,
    onFrame: (frame) => {
      for (const listener of frameListeners) listener(frame);
      handlers.onFrame(frame);
    },
    onReady: handlers.onReady,
    onStatus: (status) => streamStatusStore.set(status),
    // A socket that keeps failing may mean an expired token: a cheap call finds out (401 → login).
    onRepeatedFailure: () => void apiRequest('/api/v1/me').catch(() => undefined),
  });
  client.start();
  window.addEventListener('online', reconnect);
}

function reconnect(): void {
  client?.reconnectSoon();
}

/** Closes the stream (sign-out). */
export function closeStream(): void {
  client?.stop();
  client = null;
  window.removeEventListener('online', reconnect);
}

/** Sends a frame on the open stream; dropped while there is none. */
export function sendFrame(frame: ClientFrame): void {
  client?.send(frame);
}

/** Tells the buyer the agent is (or stopped) typing. */
export function sendTyping(conversationId: string, typing: boolean): void {
  sendFrame({ type: 'typing', conversationId, typing });
}
