import { onBeforeUnmount, ref, type Ref } from 'vue';

/** Reactive `matchMedia`: lets a component swap layouts (table ↔ cards) rather than only restyle them. */
export function useMediaQuery(query: string): Ref<boolean> {
  const media = window.matchMedia(query);
  const matches = ref(media.matches);
  const update = (event: MediaQueryListEvent) => {
    matches.value = event.matches;
  };
  media.addEventListener('change', update);
  onBeforeUnmount(() => media.removeEventListener('change', update));
  return matches;
}

/** Phones: the width at which candidate pages switch to one column and cards. */
export const PHONE_QUERY = '(max-width: 640px)';
