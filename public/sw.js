// Keeps the app working without a network. The build (scripts/post-build.mjs) fills in the
// release's version and the list of its files; a new release brings a new version, which
// replaces the old cache as soon as it is installed.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `psc-app-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('psc-app-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every address in the app is the same page; the app shows the right part of it.
    event.respondWith(caches.open(CACHE).then((cache) => cache.match('/index.html')).then((hit) => hit || fetch(request)));
    return;
  }
  // Only the app's own files; anything else (the team's server behind /couchdb/, say) goes to
  // the network as if there were no service worker.
  if (!ASSETS.includes(new URL(request.url).pathname)) return;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request)).then((hit) => hit || fetch(request)));
});
