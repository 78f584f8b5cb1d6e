import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { PHONE_QUERY, useMediaQuery } from './use-media-query';

/** A controllable matchMedia: the test flips `matches` and fires the change listeners. */
function stubMatchMedia(initial: boolean) {
  const listeners = new Set<(event: MediaQueryListEvent) => void>();
  const media = {
    matches: initial,
    addEventListener: vi.fn((_type: string, listener: (event: MediaQueryListEvent) => void) =>
      listeners.add(listener),
    ),
    removeEventListener: vi.fn((_type: string, listener: (event: MediaQueryListEvent) => void) =>
      listeners.delete(listener),
    ),
  };
  const matchMedia = vi.fn(() => media);
  vi.stubGlobal('matchMedia', matchMedia);
  const flip = (matches: boolean) =>
    listeners.forEach((listener) => listener({ matches } as MediaQueryListEvent));
  return { matchMedia, media, listeners, flip };
}

const Probe = defineComponent({
  setup() {
    const phone = useMediaQuery(PHONE_QUERY);
    return () => h('span', phone.value ? 'phone' : 'desktop');
  },
});

afterEach(() => vi.unstubAllGlobals());

describe('useMediaQuery', () => {
  it('starts from the current match and follows changes', async () => {
    const stub = stubMatchMedia(true);
    const wrapper = mount(Probe);
    expect(stub.matchMedia).toHaveBeenCalledWith('(max-width: 640px)');
    expect(wrapper.text()).toBe('phone');
    stub.flip(false);
    await nextTick();
    expect(wrapper.text()).toBe('desktop');
  });

  it('stops listening when the component unmounts', () => {
    const stub = stubMatchMedia(false);
    const wrapper = mount(Probe);
    expect(stub.listeners.size).toBe(1);
    wrapper.unmount();
    expect(stub.listeners.size).toBe(0);
    expect(stub.media.removeEventListener).toHaveBeenCalledOnce();
  });
});
