import type { MonitorSnapshot } from '@kaolu/contracts';
import { onBeforeUnmount, ref, shallowRef } from 'vue';

// The monitor's live connection (IVW-09): an EventSource on the snapshot stream. The browser
// reconnects by itself after a dropped connection (the server also ends each stream after a few
// minutes so the session is checked again); when it gives up (the server refused), we retry later.

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'closed';
// A refused or failed stream is tried again after this long, not in a tight loop.
const RETRY_MS = 5000;

/** Opens `url()` on connect(); `snapshot` holds the last pushed snapshot. */
export function useMonitorStream(onSnapshot: (s: MonitorSnapshot) => void) {
  const state = ref<StreamState>('closed');
  const source = shallowRef<EventSource | null>(null);
  let retry: ReturnType<typeof setTimeout> | undefined;
  let target: string | null = null;

  function close() {
    clearTimeout(retry);
    source.value?.close();
    source.value = null;
    target = null;
    state.value = 'closed';
  }

  function open(url: string) {
    clearTimeout(retry);
    source.value?.close();
    target = url;
    state.value = 'connecting';
    const es = new EventSource(url, { withCredentials: true });
    source.value = es;
    es.addEventListener('open', () => (state.value = 'live'));
    es.addEventListener('snapshot', (event) => {
      state.value = 'live';
      onSnapshot(JSON.parse((event as MessageEvent<string>).data) as MonitorSnapshot);
    });
    es.addEventListener('error', () => {
      if (source.value !== es) return;
      state.value = 'reconnecting';
      // CONNECTING: the browser retries by itself; CLOSED: it gave up, so we retry later.
      if (es.readyState === EventSource.CLOSED)
        retry = setTimeout(() => target && open(target), RETRY_MS);
    });
  }

  onBeforeUnmount(close);
  return { state, open, close };
}

/** Label and tag type of each connection state, for the badge. */
export const STREAM_STATE_LABELS: Record<
  StreamState,
  [string, 'success' | 'warning' | 'info' | 'danger']
> = {
  connecting: ['正在连接', 'info'],
  live: ['实时更新中', 'success'],
  reconnecting: ['连接中断，正在重连', 'warning'],
  closed: ['未连接', 'danger'],
};
