import type { MonitorResponse, ServerFrame } from '@golddesk/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../platform/api-client';
import { useNow } from '../../platform/clock';
import { onStreamFrame } from '../../platform/realtime';
import { loadMonitor } from './monitor.api';

/** Frames after which the snapshot may be out of date; `ready` is a reconnect (frames may have been missed). */
const LIVE_FRAMES = new Set<ServerFrame['type']>([
  'conversation.updated',
  'conversation.reassigned',
  'agent.status_changed',
  'routing.alert',
  'ready',
]);
/** A burst of frames (a busy minute) makes one refetch, at most one per this many ms. */
const REFETCH_AFTER_MS = 300;

interface MonitorState {
  snapshot: MonitorResponse | null;
  /** Server clock minus this browser's, measured at the fetch: waits tick on the server's time. */
  offsetMs: number;
  error: string | null;
}

/**
 * The monitor's snapshot, kept live from the stream (no polling): refetched shortly after any frame that may change
 * it, and when the UI language changes (group names come in it). `refresh` refetches now (after an action).
 */
export function useMonitor(): MonitorState & { refresh: () => void } {
  const { i18n } = useTranslation();
  const [state, setState] = useState<MonitorState>({ snapshot: null, offsetMs: 0, error: null });
  const fetchRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let controller = new AbortController();
    let timer: number | undefined;
    const fetchNow = () => {
      window.clearTimeout(timer);
      timer = undefined;
      controller.abort(); // an older answer must not land after a newer one
      const mine = (controller = new AbortController());
      loadMonitor(mine.signal)
        .then((snapshot) => setState({ snapshot, offsetMs: Date.parse(snapshot.at) - Date.now(), error: null }))
        .catch((error: unknown) => {
          if (!mine.signal.aborted) setState((previous) => ({ ...previous, error: errorMessage(error) }));
        });
    };
    fetchRef.current = fetchNow;
    fetchNow();
    const stop = onStreamFrame((frame) => {
      // Not a debounce that restarts on every frame: under a steady stream of frames it would never fire.
      if (LIVE_FRAMES.has(frame.type) && timer === undefined) timer = window.setTimeout(fetchNow, REFETCH_AFTER_MS);
    });
    return () => {
      stop();
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [i18n.language]);

  const refresh = useCallback(() => fetchRef.current(), []);
  return { ...state, refresh };
}

/** The server's clock now (ms), ticking every second on this browser's clock shifted by `offsetMs`. */
export function useServerNow(offsetMs: number): number {
  return useNow() + offsetMs;
}
