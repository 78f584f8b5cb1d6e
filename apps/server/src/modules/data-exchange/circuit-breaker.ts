/** Circuit states: closed (calls pass), open (calls refused at once), half-open (one probe allowed). */
export type CircuitState = 'closed' | 'open' | 'half_open';

/** One breaker per external platform, shared by every call to it in this process. */
export type CircuitBreaker = {
  /** Whether a call may go out now; in half-open state only one probe at a time. */
  tryPass(): boolean;
  // Any success closes the circuit and clears the count; failures only count consecutively.
  onSuccess(): void;
  onFailure(): void;
  state(): CircuitState;
};

/**
 * A consecutive-failure circuit breaker: after `failureThreshold` failed calls it opens for
 * `cooldownMs`, so a dead platform costs registrations no timeouts; then one probe decides.
 */
export function createCircuitBreaker(
  options: { failureThreshold?: number; cooldownMs?: number; now?: () => number } = {},
): CircuitBreaker {
  const threshold = options.failureThreshold ?? 5;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const now = options.now ?? Date.now;
  let current: CircuitState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let probing = false;

  const open = (): void => {
    current = 'open';
    openedAt = now();
    probing = false;
  };
  return {
    tryPass() {
      // The move to half-open happens lazily, on the first call after the cool-down: no timer
      // needed.
      if (current === 'open' && now() - openedAt >= cooldownMs) current = 'half_open';
      if (current === 'closed') return true;
      if (current === 'half_open' && !probing) {
        probing = true;
        return true;
      }
      return false;
    },
    onSuccess() {
      current = 'closed';
      failures = 0;
      probing = false;
    },
    onFailure() {
      failures += 1;
      // A failed probe reopens at once for another full cool-down.
      if (current === 'half_open' || failures >= threshold) open();
    },
    state: () => current,
  };
}
