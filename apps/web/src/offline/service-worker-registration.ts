/** Must match `safetyPlanCache` in service-worker.js. */
const safetyPlanCache = 'tend-safety-plan';

/** Installs the worker that keeps the app, the crisis lines and the client's own safety plan for offline use. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}

/**
 * Deletes the offline copy of the safety plan (PHI) when a session starts or ends on this device, so the
 * next person to use the browser never sees it. The page and the worker share the Cache API, so no message is needed.
 */
export function forgetOfflineSafetyPlan(): void {
  if (!('caches' in window)) return;
  void window.caches.delete(safetyPlanCache).catch(() => undefined);
}
