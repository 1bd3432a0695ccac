/** How the tests and the import bench start Debian's Chromium with the extension (no __dirname: the bench runs as an ES module). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = (ext: string) => [
  `--disable-extensions-except=${ext}`,
  `--load-extension=${ext}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--metrics-recording-only',
  // Keep Chromium off the network but let it reach the local page server.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
