// Measures Steward's start-up and memory on the demo portfolio, as a person meets them:
// from launching the app to its first screen (the Dashboard) showing the portfolio's figures,
// and the memory of the app and its WebKit processes after 10 s at rest.
//
//   xvfb-run -a node tests/e2e/measure-startup.mjs      (after `cargo build -p steward-desktop`)
//   PROFILE=release xvfb-run -a node tests/e2e/measure-startup.mjs   (after a --release build)
//
// Times include WebDriver's own session set-up, so they are an upper bound on what a person
// waits. Memory is PSS (proportional set size: shared pages divided among their users), summed
// over steward-desktop and every WebKit process it started.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { homedir, tmpdir, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, By, Capabilities, until } from 'selenium-webdriver';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const profile = process.env.PROFILE ?? 'debug';
const app = join(root, `target/${profile}/steward-desktop`);
const cli = join(root, 'target/debug/steward');
const runs = Number(process.env.RUNS ?? 5);
const home = mkdtempSync(join(tmpdir(), 'steward-measure-'));
const demo = join(home, 'northwind.steward');
execFileSync(cli, ['--db', demo, 'demo'], { stdio: 'ignore' });

const env = { ...process.env, XDG_DATA_HOME: join(home, 'd'), XDG_CONFIG_HOME: join(home, 'c'), XDG_CACHE_HOME: join(home, 'k') };
const port = 4600 + Math.floor(Math.random() * 300);
const driverBin = existsSync(join(homedir(), '.cargo/bin/tauri-driver')) ? join(homedir(), '.cargo/bin/tauri-driver') : 'tauri-driver';
const driver = spawn(driverBin, ['--port', String(port), '--native-port', String(port + 1)], { env, stdio: 'ignore' });
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 100));
}

function pssKb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').split('\n').find((l) => l.startsWith('Pss:'));
    return Number(line.split(/\s+/)[1]);
  } catch {
    return 0;
  }
}

function appProcesses() {
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  return pids.filter((pid) => {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmd.includes('steward-desktop') || cmd.includes('WebKitWebProcess') || cmd.includes('WebKitNetworkProcess');
    } catch {
      return false;
    }
  }).filter((pid) => !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('WebKitWebDriver'));
}

const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const capabilities = new Capabilities();
    capabilities.setBrowserName('wry');
    capabilities.set('tauri:options', { application: app, args: [demo] });
    const started = performance.now();
    const session = await new Builder().withCapabilities(capabilities).usingServer(`http://127.0.0.1:${port}/`).build();
    const sessionReady = performance.now();
    // The Dashboard's first tile holds the number of AI systems once the data has loaded.
    await session.wait(async () => {
      const text = await session.executeScript('const t = document.querySelector(\'[data-testid="tile-ai-systems"]\'); return t ? t.textContent : ""');
      return /\d/.test(text);
    }, 20_000);
    const firstRow = performance.now();
    // Milliseconds since the page began loading, as the page itself counts them.
    const inPage = await session.executeScript('return performance.now()');
    await new Promise((r) => setTimeout(r, 10_000));
    const memoryMb = appProcesses().reduce((sum, pid) => sum + pssKb(pid), 0) / 1024;
    results.push({ toSession: sessionReady - started, toData: firstRow - started, inPage, memoryMb });
    await session.quit();
  }
} finally {
  driver.kill('SIGTERM');
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Steward start-up on the demo portfolio — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0].model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${profile} build`);
console.log('| run | window + WebDriver session (ms) | first screen with data (ms) | of which in the page (ms) | memory at rest, PSS (MB) |');
console.log('|---|---|---|---|---|');
results.forEach((r, i) => console.log(`| ${i + 1} | ${r.toSession.toFixed(0)} | ${r.toData.toFixed(0)} | ${r.inPage.toFixed(0)} | ${r.memoryMb.toFixed(0)} |`));
const col = (key) => median(results.map((r) => r[key])).toFixed(0);
console.log(`| median | ${col('toSession')} | ${col('toData')} | ${col('inPage')} | ${col('memoryMb')} |`);
