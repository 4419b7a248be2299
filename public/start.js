// Started by index.html beside the app: registers the service worker that keeps the app working
// offline, and asks the browser to keep this site's stored cases even when the device runs short
// of space (persistent storage). The app shows the browser's answer on "Data on this device".
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => {});
}

function tellApp(state) {
  document.documentElement.dataset.persistentStorage = state;
  window.dispatchEvent(new CustomEvent('psc-persistent-storage'));
}

if (navigator.storage && navigator.storage.persist) {
  navigator.storage
    .persisted()
    .then((already) => already || navigator.storage.persist())
    .then((granted) => tellApp(granted ? 'granted' : 'refused'))
    .catch(() => tellApp('unknown'));
} else {
  tellApp('unsupported');
}

// Passphrase protection (lock.js) is loaded only when it is needed, to keep the first load small.
window.pscLock = () => import('/lock.js');

// Team sync (team.js), likewise only when it is used.
window.pscTeam = () => import('/team.js');
