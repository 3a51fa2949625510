// The request a log line belongs to. AsyncLocalStorage carries the request id through everything a handler awaits,
// so no function has to pass it along. One store per process, kept on globalThis: Next bundles proxy.ts and the
// route handlers separately, and each bundle would otherwise get a store of its own.
import { AsyncLocalStorage } from "node:async_hooks";

type LogContext = { requestId: string };

const key = Symbol.for("open-letters.log-context");
const holder = globalThis as typeof globalThis & { [key]?: AsyncLocalStorage<LogContext> };
const store = (holder[key] ??= new AsyncLocalStorage<LogContext>());

/** Runs `fn` with every log line it causes, however deep and however late, carrying `requestId`. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return store.run({ requestId }, fn);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}
