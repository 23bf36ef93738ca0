// Unhandled rejections and uncaught exceptions of this process (the server runs in it), as jest-circus records
// them. Jest fails a test on either anyway; reading its record lets a test assert "none" where the attack ran,
// and lets the suite prove the detector works (a deliberate rejection is seen, then handled).
//
// jest-circus keeps its state on the test global under a private symbol: found by its description. If a jest
// upgrade moves it, this throws instead of reporting "nothing seen".

interface CircusTest {
  unhandledRejectionErrorByPromise?: Map<unknown, unknown>;
  errors?: unknown[];
}

interface CircusState {
  unhandledErrors: unknown[];
  unhandledRejectionErrorByPromise: Map<unknown, unknown>;
  currentlyRunningTest?: CircusTest | null;
}

function circusState(): CircusState {
  const symbol = Object.getOwnPropertySymbols(globalThis).find((s) => s.description === 'JEST_STATE_SYMBOL');
  const state = symbol ? ((globalThis as Record<symbol, unknown>)[symbol] as CircusState | undefined) : undefined;
  if (!state || !Array.isArray(state.unhandledErrors) || !(state.unhandledRejectionErrorByPromise instanceof Map)) {
    throw new Error('jest-circus state not found: the unhandled-rejection check cannot run');
  }
  return state;
}

export interface ProcessTrouble {
  /** Promises rejected with nobody handling them, during the running test or outside any test. */
  unhandledRejections: unknown[];
  /** Exceptions nobody caught (errors thrown from event handlers, sockets without an error listener...). */
  uncaughtExceptions: unknown[];
}

export function processTrouble(): ProcessTrouble {
  const state = circusState();
  const test = state.currentlyRunningTest ?? null;
  return {
    unhandledRejections: [...state.unhandledRejectionErrorByPromise.values(), ...(test?.unhandledRejectionErrorByPromise?.values() ?? [])],
    uncaughtExceptions: [...state.unhandledErrors, ...(test?.errors ?? [])],
  };
}

/** A mark to compare against: what was recorded before (state-level records stay for the whole file). */
export function troubleMark(): { rejections: Set<unknown>; exceptions: Set<unknown> } {
  const now = processTrouble();
  return { rejections: new Set(now.unhandledRejections), exceptions: new Set(now.uncaughtExceptions) };
}

/** What was recorded since `mark`. */
export function troubleSince(mark: ReturnType<typeof troubleMark>): ProcessTrouble {
  const now = processTrouble();
  return {
    unhandledRejections: now.unhandledRejections.filter((e) => !mark.rejections.has(e)),
    uncaughtExceptions: now.uncaughtExceptions.filter((e) => !mark.exceptions.has(e)),
  };
}

/** Lets pending I/O callbacks and rejection tracking run (unhandled rejections are reported after a macrotask). */
export const settle = (ms = 20): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
