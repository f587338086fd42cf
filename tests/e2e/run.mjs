// Runs the end-to-end suite: starts tauri-driver (which starts WebKitWebDriver, which starts
// the real steward-desktop binary), runs the tests with node:test, and always stops the
// driver with SIGTERM — a SIGKILL orphans WebKitWebDriver, which keeps the output pipe open
// and hangs the run (stack notes).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const app = join(root, 'target/debug/steward-desktop');
if (!existsSync(app)) {
  console.error(`The desktop app is not built: ${app} is missing. Run 'cargo build -p steward-desktop' first.`);
  process.exit(1);
}
if (!process.env.DISPLAY) {
  console.error('No DISPLAY: run this under Xvfb, e.g. xvfb-run -a node tests/e2e/run.mjs');
  process.exit(1);
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

const driverBin = [join(homedir(), '.cargo/bin/tauri-driver'), 'tauri-driver'].find(
  (p) => p === 'tauri-driver' || existsSync(p),
);
const port = await freePort();
const nativePort = await freePort();
// Each run gets its own XDG folders, so the app's first run is really a first run and no two
// runs share a portfolio.
const home = mkdtempSync(join(tmpdir(), 'steward-e2e-'));
// "Choose a file…" in the import wizard always answers with this one path; it starts as a copy
// of a vendor export, and a test puts another sheet's bytes there to import that one next.
const importFile = join(home, 'import', 'spreadsheet.csv');
mkdirSync(dirname(importFile), { recursive: true });
copyFileSync(join(root, 'tests/fixtures/imports/claude_api_cost_2025_10.csv'), importFile);
const env = {
  ...process.env,
  XDG_DATA_HOME: join(home, 'data'),
  XDG_CONFIG_HOME: join(home, 'config'),
  XDG_CACHE_HOME: join(home, 'cache'),
  // The test seam of src-tauri/src/dialogs.rs: every file dialog answers with this path.
  STEWARD_E2E_DIALOG_PATH: join(home, 'damaged.steward'),
  // The import dialog's own seam: "Choose a file…" in the import wizard answers with this path.
  STEWARD_E2E_IMPORT_PATH: importFile,
};
const artifacts = join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });

const driver = spawn(driverBin, ['--port', String(port), '--native-port', String(nativePort)], {
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
});
let driverExited = false;
driver.on('exit', () => {
  driverExited = true;
});

async function waitForDriver() {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (driverExited) throw new Error('tauri-driver exited before it was ready');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('tauri-driver did not answer /status within 30 s');
}

let code = 1;
try {
  await waitForDriver();
  const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-timeout=300000', join(here, 'app.test.mjs')], {
    env: {
      ...env,
      STEWARD_E2E_DRIVER: `http://127.0.0.1:${port}/`,
      STEWARD_E2E_APP: app,
      STEWARD_E2E_HOME: home,
      STEWARD_E2E_ARTIFACTS: artifacts,
      STEWARD_E2E_DIALOG_FILE: join(home, 'damaged.steward'),
      STEWARD_E2E_IMPORT_FILE: importFile,
    },
    stdio: 'inherit',
  });
  code = await new Promise((ok) => tests.on('exit', (c) => ok(c ?? 1)));
} catch (error) {
  console.error(String(error));
} finally {
  driver.kill('SIGTERM');
  await new Promise((ok) => (driverExited ? ok() : driver.on('exit', ok)));
}
console.log(code === 0 ? `End-to-end suite passed; screenshots in ${artifacts}` : 'End-to-end suite failed');
process.exit(code);
