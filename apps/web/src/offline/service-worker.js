// Tend's service worker. The build prepends SHELL_VERSION and SHELL_FILES (see build/service-worker-plugin.ts);
// the caching decisions, and why only these two API answers are kept, are in docs/adr/0014-offline-pwa.md.
/* global SHELL_VERSION, SHELL_FILES */

const shellCache = `tend-shell-${SHELL_VERSION}`;
/** The crisis lines: public, the same for everyone. */
const crisisLinesCache = 'tend-crisis-lines';
/** The signed-in client's own safety plan — PHI; the app deletes this cache on sign-out and sign-in. */
const safetyPlanCache = 'tend-safety-plan';
const crisisLinesPath = '/api/v1/crisis/resources';
const safetyPlanPath = '/api/v1/crisis/safety-plan';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(shellCache)
      .then((cache) => cache.addAll(SHELL_FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('tend-shell-') && name !== shellCache).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === crisisLinesPath) {
    event.respondWith(networkFirst(request, crisisLinesCache));
    return;
  }
  // Only the client's own plan: a specialist reading a client's plan asks with ?client_id= and is never cached.
  if (url.pathname === safetyPlanPath && url.search === '') {
    event.respondWith(networkFirst(request, safetyPlanCache));
    return;
  }
  // Every other API answer, and the socket, goes to the network and is never stored.
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io') || url.pathname === '/sw.js') return;
  // Pages: the server's index.html when online, the cached one (same app, routed in the browser) when not.
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => cachedShellFile('/').then((cached) => cached ?? Response.error())));
    return;
  }
  // Built files have content hashes in their names, so a cached copy is never stale.
  event.respondWith(cachedShellFile(request).then((cached) => cached ?? fetch(request)));
});

async function cachedShellFile(request) {
  const cache = await caches.open(shellCache);
  return cache.match(request);
}

/** Fresh from the server when it answers; the last good answer when it cannot be reached. */
async function networkFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    // No plan any more (or not signed in as its owner): drop the stale copy rather than show it offline.
    else if (response.status === 401 || response.status === 403 || response.status === 404) await cache.delete(request, { ignoreVary: true });
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

// Web Push (ADR 0015). The payload is {title, link, urgent, tag}: a fixed phrase and a link, never health information.
self.addEventListener('push', (event) => {
  const payload = readPushPayload(event);
  const uk = (self.navigator.language || '').startsWith('uk');
  event.waitUntil(
    self.registration.showNotification(payload.title || 'Tend', {
      body: payload.body || (uk ? 'Відкрийте Tend, щоб переглянути.' : 'Open Tend to see it.'),
      tag: payload.tag || undefined,
      data: { link: payload.link || '/notifications' },
      // An urgent one (a crisis alert) stays on screen until the person acts on it.
      requireInteraction: payload.urgent === true,
      renotify: Boolean(payload.tag),
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
    }),
  );
});

function readPushPayload(event) {
  try {
    return event.data ? event.data.json() : {};
  } catch {
    return { title: event.data.text() };
  }
}

// Opening a notification: a Tend window already showing the link is focused, another Tend window goes there, else a new one opens.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = sameOriginUrl(event.notification.data && event.notification.data.link);
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const showing = windows.find((client) => client.url === target);
      if (showing) return showing.focus();
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      // navigate() works only in a window this worker controls; otherwise a new window is the way.
      if (open)
        return open
          .navigate(target)
          .then((client) => (client ?? open).focus())
          .catch(() => self.clients.openWindow(target));
      return self.clients.openWindow(target);
    }),
  );
});

/** Links in notifications are paths in the app; anything pointing elsewhere opens the notification centre instead. */
function sameOriginUrl(link) {
  try {
    const url = new URL(link || '/notifications', self.location.origin);
    return url.origin === self.location.origin ? url.href : `${self.location.origin}/notifications`;
  } catch {
    return `${self.location.origin}/notifications`;
  }
}
