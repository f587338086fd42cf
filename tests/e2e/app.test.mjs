// The real Steward app, clicked as a person would. Runs in order: each step builds on the last
// (first run → demo → create → search → edit → restart → still there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Builder, By, Capabilities, Key, until } from 'selenium-webdriver';

const DRIVER = process.env.STEWARD_E2E_DRIVER;
const APP = process.env.STEWARD_E2E_APP;
const ARTIFACTS = process.env.STEWARD_E2E_ARTIFACTS;
const WAIT = 15_000;

async function launch() {
  const capabilities = new Capabilities();
  capabilities.setBrowserName('wry');
  capabilities.set('tauri:options', { application: APP });
  const driver = await new Builder().withCapabilities(capabilities).usingServer(DRIVER).build();
  await driver.wait(until.elementLocated(By.css('[data-testid="nav-inventory"]')), WAIT, 'the app frame appears');
  return driver;
}

const byTestId = (id) => By.css(`[data-testid="${id}"]`);

async function find(driver, id) {
  return driver.wait(until.elementLocated(byTestId(id)), WAIT, `waiting for [data-testid="${id}"]`);
}

async function click(driver, id) {
  const element = await find(driver, id);
  await driver.wait(until.elementIsEnabled(element), WAIT, `${id} becomes enabled`);
  await element.click();
}

// Screenshots are taken of the X display (ImageMagick's `import`), not through WebDriver:
// WebKit's snapshot call hangs under Xvfb with the shared-memory renderer the app asks for
// (src-tauri/src/main.rs), and the display shows exactly what a person would see.
// Wait two animation frames first so the last change has been painted.
async function screenshot(driver, name) {
  await driver.executeAsyncScript('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));');
  execFileSync('/usr/bin/import', ['-window', 'root', join(ARTIFACTS, `${name}.png`)]);
}

async function open(driver, area) {
  await click(driver, `nav-${area}`);
  await find(driver, 'page-title');
}

async function type(driver, name, text) {
  const input = await driver.wait(until.elementLocated(By.css(`[name="${name}"]`)), WAIT, `input ${name}`);
  // clear() fires the change event React listens to, then each typed key an input event.
  await input.clear();
  await input.sendKeys(text);
}

async function choose(driver, name, value) {
  const option = await driver.wait(
    until.elementLocated(By.css(`select[name="${name}"] option[value="${value}"]`)),
    WAIT,
    `option ${value} of ${name}`,
  );
  await option.click();
}

// textContent, not WebDriver's getText: WebKitWebDriver reports ellipsised cells as empty.
async function rowNames(driver) {
  return driver.executeScript(
    'return [...document.querySelectorAll(\'[data-testid="row"] [data-testid="row-name"]\')].map((n) => n.textContent.trim())',
  );
}

async function textOf(driver, id) {
  const element = await find(driver, id);
  return driver.executeScript('return arguments[0].textContent.trim()', element);
}

async function search(driver, text) {
  const box = await find(driver, 'list-search');
  await box.clear();
  if (text) await box.sendKeys(text);
}

async function waitForRow(driver, name) {
  await driver.wait(async () => (await rowNames(driver)).includes(name), WAIT, `a row named ${name}`);
}

async function createSystem(driver, code, name) {
  await click(driver, 'new-record');
  await type(driver, 'code', code);
  await type(driver, 'name', name);
  await choose(driver, 'system_type', 'agent');
  await choose(driver, 'lifecycle_state', 'pilot');
  await choose(driver, 'usage_policy', 'approved');
  await click(driver, 'save-record');
}

const CODE = 'AIS-E2E';
const NAME = 'Dispatch exception triage agent';
const RENAMED = 'Dispatch exception triage agent v2';
const HOSTILE = '<img src=x onerror=alert(1)>';

test('Steward end to end', async (t) => {
  let driver = await launch();
  try {
    await t.test('first run offers the demo, which loads', async () => {
      await click(driver, 'load-demo');
      await open(driver, 'inventory');
      await driver.wait(async () => (await rowNames(driver)).length > 10, WAIT, 'demo systems are listed');
      const count = await textOf(driver, 'row-count');
      assert.match(count, /\d+/, `the row count shows a number: ${count}`);
    });

    await t.test('every main screen renders (screenshots saved)', async () => {
      const areas = ['dashboard', 'inventory', 'pipeline', 'vendors', 'adoption', 'governance', 'imports', 'reports', 'settings'];
      for (const area of areas) {
        await open(driver, area);
        const title = await textOf(driver, 'page-title');
        assert.ok(title.length > 0, `${area} has a heading`);
        await screenshot(driver, `screen-${area}`);
      }
      await open(driver, 'vendors');
      await click(driver, 'tab-contracts');
      await driver.wait(async () => (await rowNames(driver)).length > 5, WAIT, 'demo contracts are listed');
      await screenshot(driver, 'screen-contracts');
    });

    await t.test('a validation error shows beside the field and nothing is saved', async () => {
      await open(driver, 'inventory');
      await click(driver, 'new-record');
      await type(driver, 'code', 'AIS-BAD');
      await click(driver, 'save-record');
      const error = await find(driver, 'field-error-name');
      assert.match(await error.getText(), /required/i, 'the name field says it is required');
      await screenshot(driver, 'validation-error');
      await driver.actions().sendKeys(Key.ESCAPE).perform();
    });

    await t.test('a system created with the form appears in the list and can be found', async () => {
      await open(driver, 'inventory');
      await createSystem(driver, CODE, NAME);
      await find(driver, 'detail');
      await search(driver, 'triage agent');
      await waitForRow(driver, NAME);
      await screenshot(driver, 'created-and-found');
    });

    await t.test('the system can be edited', async () => {
      const row = await driver.findElement(By.xpath(`//*[@data-testid="row-name"][normalize-space()="${NAME}"]`));
      await row.click();
      await click(driver, 'edit-record');
      await type(driver, 'name', RENAMED);
      await click(driver, 'save-record');
      await driver.wait(
        async () => (await textOf(driver, 'detail-title')).includes(RENAMED),
        WAIT,
        'the detail shows the new name',
      );
    });

    await t.test('a hostile name renders as text', async () => {
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await search(driver, '');
      await createSystem(driver, 'AIS-XSS', HOSTILE);
      await search(driver, 'onerror');
      await waitForRow(driver, HOSTILE);
      const injected = await driver.findElements(By.css('[data-testid="row"] img, [data-testid="detail"] img'));
      assert.equal(injected.length, 0, 'no <img> element was created from the name');
      const alerted = await driver.executeScript('return document.title');
      assert.ok(typeof alerted === 'string', 'the page still runs scripts normally');
      await screenshot(driver, 'hostile-name');
    });

    await t.test('a deleted system comes back with Undo', async () => {
      await click(driver, 'delete-record');
      await driver.wait(async () => !(await rowNames(driver)).includes(HOSTILE), WAIT, 'the row disappears');
      await click(driver, 'undo');
      await waitForRow(driver, HOSTILE);
    });
  } finally {
    // Deleting the session closes the app.
    await driver.quit();
  }

  driver = await launch();
  try {
    await t.test('after a restart the edited system is still there', async () => {
      await open(driver, 'inventory');
      await search(driver, 'triage agent v2');
      await waitForRow(driver, RENAMED);
      await screenshot(driver, 'after-restart');
    });

    await t.test('opening a damaged file names it and the app stays usable', async () => {
      writeFileSync(process.env.STEWARD_E2E_DIALOG_FILE, 'this is not a portfolio');
      await click(driver, 'file-menu');
      await click(driver, 'file-open');
      const message = await driver.wait(
        until.elementLocated(By.xpath('//*[contains(., "damaged.steward") and contains(., "not a Steward portfolio")]')),
        WAIT,
        'an error naming the file',
      );
      assert.ok(await message.isDisplayed(), 'the message is visible');
      await screenshot(driver, 'open-damaged-file');
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await open(driver, 'inventory');
      await search(driver, 'triage agent v2');
      await waitForRow(driver, RENAMED);
    });
  } finally {
    await driver.quit();
  }
});
