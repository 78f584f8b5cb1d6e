import type { Permission } from '@kaolu/contracts';
import { effectScope, watchEffect, type Directive, type EffectScope } from 'vue';
import { hasPermission } from '@/features/identity/staff-session';

/** What `v-permission` takes: one permission, or a list of which any one suffices. */
export type PermissionValue = Permission | readonly Permission[];

// One reactive effect per element, so a button appears or disappears as soon as the session changes.
const scopes = new WeakMap<
  HTMLElement,
  { scope: EffectScope; value: { current: PermissionValue } }
>();

function apply(el: HTMLElement, value: PermissionValue): void {
  const allowed = hasPermission(value);
  el.style.display = allowed ? (el.dataset.permissionDisplay ?? '') : 'none';
  if (allowed) el.removeAttribute('aria-hidden');
  else el.setAttribute('aria-hidden', 'true');
}

/**
 * `v-permission="'event.manage'"` hides an element (usually a button) from a staff user who lacks
 * the permission. Only a convenience: the server refuses the call regardless.
 */
export const permissionDirective: Directive<HTMLElement, PermissionValue> = {
  mounted(el, binding) {
    el.dataset.permissionDisplay = el.style.display === 'none' ? '' : el.style.display;
    const value = { current: binding.value };
    const scope = effectScope(true);
    scope.run(() => watchEffect(() => apply(el, value.current)));
    scopes.set(el, { scope, value });
  },
  updated(el, binding) {
    const entry = scopes.get(el);
    if (!entry) return;
    entry.value.current = binding.value;
    apply(el, binding.value);
  },
  unmounted(el) {
    scopes.get(el)?.scope.stop();
    scopes.delete(el);
  },
};

declare module 'vue' {
  interface GlobalDirectives {
    vPermission: typeof permissionDirective;
  }
}
