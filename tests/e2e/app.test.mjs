// The real Steward app, clicked as a person would. Runs in order: each step builds on the last
// (first run → demo → create → search → edit → restart → still there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, By, Capabilities, Key } from 'selenium-webdriver';

const DRIVER = process.env.STEWARD_E2E_DRIVER;
const APP = process.env.STEWARD_E2E_APP;
const ARTIFACTS = process.env.STEWARD_E2E_ARTIFACTS;
const WAIT = 15_000;

async function launch() {
  const capabilities = new Capabilities();
  capabilities.setBrowserName('wry');
  capabilities.set('tauri:options', { application: APP });
  const driver = await new Builder().withCapabilities(capabilities).usingServer(DRIVER).build();
  await locate(driver, byTestId('nav-inventory'), 'the app frame appears');
  return driver;
}

const byTestId = (id) => By.css(`[data-testid="${id}"]`);

// React may replace a node between WebDriver finding it and using it (loading the demo swaps
// the whole frame, for one). WebKitWebDriver then reports a stale element, even from
// findElements; such a race is retried until the wait runs out, anything else fails at once.
const isStale = (error) => error?.name === 'StaleElementReferenceError';

async function retryingStale(driver, action, message) {
  return driver.wait(
    async () => {
      try {
        return await action();
      } catch (error) {
        if (isStale(error)) return null;
        throw error;
      }
    },
    WAIT,
    message,
  );
}

async function locate(driver, locator, message) {
  return retryingStale(driver, async () => (await driver.findElements(locator))[0] ?? null, message);
}

const find = (driver, id) => locate(driver, byTestId(id), `waiting for [data-testid="${id}"]`);

async function clickOn(driver, locator, message) {
  await retryingStale(
    driver,
    async () => {
      const element = (await driver.findElements(locator))[0];
      if (!element || !(await element.isEnabled())) return null;
      await element.click();
      return true;
    },
    message,
  );
}

const click = (driver, id) => clickOn(driver, byTestId(id), `${id} appears, becomes enabled and is clicked`);

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
  const input = await locate(driver, By.css(`[name="${name}"]`), `input ${name}`);
  // clear() fires the change event React listens to, then each typed key an input event.
  await input.clear();
  await input.sendKeys(text);
}

async function choose(driver, name, value) {
  await clickOn(driver, By.css(`select[name="${name}"] option[value="${value}"]`), `option ${value} of ${name}`);
}

// textContent, not WebDriver's getText: WebKitWebDriver reports ellipsised cells as empty.
async function rowNames(driver) {
  return driver.executeScript(
    'return [...document.querySelectorAll(\'[data-testid="row"] [data-testid="row-name"]\')].map((n) => n.textContent.trim())',
  );
}

// Read in the page by selector, so no element handle can go stale in between.
async function textOf(driver, id) {
  return retryingStale(
    driver,
    () =>
      driver.executeScript(
        'const node = document.querySelector(arguments[0]); return node ? node.textContent.trim() : null',
        `[data-testid="${id}"]`,
      ),
    `text of [data-testid="${id}"]`,
  );
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
// The file run.mjs hands to the import wizard's file dialog: first a copy of a vendor export,
// then the bytes of a sheet of our own.
const IMPORT_PATH = process.env.STEWARD_E2E_IMPORT_FILE;
const IMPORT_FILE = basename(IMPORT_PATH);
const FIXTURES = fileURLToPath(new URL('../fixtures/imports/', import.meta.url));
const literally = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

    await t.test('the dashboard shows money and a value model recomputes as it is edited', async () => {
      await open(driver, 'dashboard');
      await driver.wait(
        async () => /\d/.test((await textOf(driver, 'tile-spend-value')) ?? ''),
        WAIT,
        'the spend tile shows an amount',
      );
      const spend = await textOf(driver, 'tile-spend-value');
      assert.match(spend, /^(-?[€£]|-?[A-Z]{0,2}\$|[A-Z]{3} )[\d,]+$/, `spend is money with its currency: ${spend}`);
      await screenshot(driver, 'dashboard-figures');
      await driver.executeScript('document.querySelector("#main").scrollTop = 720');
      await screenshot(driver, 'dashboard-charts');

      await open(driver, 'adoption');
      await find(driver, 'adoption-table');
      await screenshot(driver, 'adoption');
      await click(driver, 'tab-value');
      await find(driver, 'value-table');
      await screenshot(driver, 'value-overview');
      // The name, not the <tr>: WebKitWebDriver cannot click a table row itself.
      await clickOn(driver, By.css('[data-testid="value-row"] [data-testid="value-row-name"]'), 'the first initiative of the value table');
      await find(driver, 'value-editor');
      const benefit = () => textOf(driver, 'result-monthly-benefit');
      await driver.wait(async () => (await benefit()) !== null, WAIT, 'the results of the saved model appear');
      const before = await benefit();
      const rows = await driver.findElements(byTestId('assumption-row'));
      if (rows.length > 0) {
        // Move the first likely value to its low (or high) end, so it stays a valid model.
        const cell = async (field) => rows[0].findElement(byTestId(`assumption-${field}`));
        const [low, likely, high] = await Promise.all(['low', 'likely', 'high'].map(async (f) => (await cell(f)).getAttribute('value')));
        const target = low !== '' && low !== likely ? low : high !== '' && high !== likely ? high : null;
        const input = await cell('likely');
        await input.clear();
        if (target !== null) {
          await input.sendKeys(target);
        } else {
          await (await cell('low')).clear();
          await (await cell('high')).clear();
          await input.sendKeys(String((Number(likely) || 1) * 2));
        }
      } else {
        // A model without assumptions yet: write one down.
        await click(driver, 'add-assumption-time_saved');
        const row = await find(driver, 'assumption-row');
        await (await row.findElement(byTestId('assumption-name'))).sendKeys('Hours saved a month');
        await (await row.findElement(byTestId('assumption-unit'))).sendKeys('hours');
        await (await row.findElement(byTestId('assumption-likely'))).sendKeys('120');
      }
      await find(driver, 'value-unsaved');
      await driver.wait(
        async () => {
          const now = await benefit();
          return now !== before && /\d/.test(now ?? '');
        },
        WAIT,
        `the monthly benefit is recomputed as the model is edited (was ${before})`,
      );
      await screenshot(driver, 'value-model-edited');
      await click(driver, 'value-discard');
      await driver.wait(async () => (await benefit()) === before, WAIT, 'Discard puts the saved model back');
      const unsaved = await driver.findElements(byTestId('value-unsaved'));
      assert.equal(unsaved.length, 0, 'nothing is left unsaved after Discard');
      await click(driver, 'value-back');
      await find(driver, 'value-table');
    });

    await t.test('a validation error shows beside the field and nothing is saved', async () => {
      await open(driver, 'inventory');
      await click(driver, 'new-record');
      await type(driver, 'code', 'AIS-BAD');
      await click(driver, 'save-record');
      assert.match(await textOf(driver, 'field-error-name'), /required/i, 'the name field says it is required');
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
      await clickOn(driver, By.xpath(`//*[@data-testid="row-name"][normalize-space()="${NAME}"]`), `the row ${NAME}`);
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

    await t.test('a vendor export is previewed, imported and undone', async () => {
      await open(driver, 'imports');
      await click(driver, 'import-file');
      await click(driver, 'import-choose');
      await driver.wait(
        async () => (await textOf(driver, 'import-format')) === 'Anthropic Console cost export',
        WAIT,
        'the preview names the layout it recognised',
      );
      assert.ok(await find(driver, 'import-preview-rows'), 'the preview shows the first rows as they will be stored');
      await screenshot(driver, 'import-preview');
      await click(driver, 'import-commit');
      await find(driver, 'import-done');
      const done = await textOf(driver, 'import-done');
      const match = new RegExp(`Imported 50 rows from ${literally(IMPORT_FILE)} as import #(\\d+)\\.`).exec(done);
      assert.ok(match, `the wizard says what it imported and as which batch: ${done}`);
      const batch = match[1];
      await screenshot(driver, 'import-done');
      await click(driver, 'import-close');
      const row = `[data-testid="import-row"][data-batch-id="${batch}"]`;
      await driver.wait(
        async () => (await driver.executeScript(`return document.querySelector('${row}')?.textContent ?? ''`)).includes(IMPORT_FILE),
        WAIT,
        `the history lists import #${batch} of ${IMPORT_FILE}`,
      );
      await clickOn(driver, By.css(`${row} [data-testid="import-undo"]`), `Undo on the row of import #${batch}`);
      await click(driver, 'import-undo-confirm');
      await locate(driver, By.css(`${row} [data-testid="import-undone"]`), `import #${batch} shows as undone`);
      await screenshot(driver, 'import-history');
    });

    await t.test('a sheet of our own is mapped, checked and imported', async () => {
      copyFileSync(join(FIXTURES, 'own-inventory.csv'), IMPORT_PATH);
      await click(driver, 'import-file');
      await click(driver, 'import-choose');
      await find(driver, 'import-mapping');
      await driver.wait(
        async () => (await driver.executeScript('return document.querySelector(\'select[name="mapping_target"]\')?.value')) === 'systems',
        WAIT,
        'Steward proposes to read the rows as AI systems',
      );
      assert.match(await textOf(driver, 'mapping-missing'), /Usage policy/, 'the one required field with no column is named');
      await choose(driver, 'value-usage_policy', 'approved');
      const words = {
        'LLM application': 'model_api',
        'ML model': 'internal_model',
        'Document AI': 'saas_tool',
        'Copilot seats': 'saas_tool',
        'Computer vision': 'internal_model',
      };
      for (const [word, value] of Object.entries(words)) await choose(driver, `word-system_type-${word}`, value);
      await choose(driver, 'word-lifecycle_state-Idea', 'proposed');
      await type(driver, 'save_mapping_as', 'Our inventory');
      // Typing scrolled the step to its end; the picture shows it from the top.
      await driver.executeScript('document.querySelector(".wizard__body").scrollTop = 0');
      await screenshot(driver, 'import-mapping');
      await click(driver, 'mapping-check');
      await driver.wait(
        async () => /to create\s*12$/.test((await textOf(driver, 'import-records-created')) ?? ''),
        WAIT,
        'the check says 12 AI systems will be created',
      );
      assert.match(await textOf(driver, 'import-issues'), /No issues/, 'every row can be read with this mapping');
      await screenshot(driver, 'import-mapped-review');
      await click(driver, 'import-commit');
      await find(driver, 'import-done');
      const done = await textOf(driver, 'import-done');
      assert.match(
        done,
        new RegExp(`Created 12 AI systems and updated 0 from ${literally(IMPORT_FILE)} \\(import #\\d+\\)\\.`),
        `the wizard says what the sheet created: ${done}`,
      );
      assert.match(done, /The mapping "Our inventory" will be used next time\./, 'the saved mapping is named');
      await screenshot(driver, 'import-mapped-done');
      await click(driver, 'import-close');
      await open(driver, 'inventory');
      await search(driver, 'Email triage');
      await waitForRow(driver, 'Email triage, EU');
    });

    await t.test('a risk register of our own is imported and reaches the dashboard', async () => {
      const highRisks = async () => {
        await open(driver, 'dashboard');
        let count = null;
        await driver.wait(
          async () => {
            const text = await driver.executeScript('return document.querySelector("#main")?.textContent ?? ""');
            count = /(\d+) open high risks/.exec(text)?.[1] ?? null;
            return count !== null;
          },
          WAIT,
          'the dashboard counts open high risks',
        );
        return Number(count);
      };
      const before = await highRisks();
      writeFileSync(
        IMPORT_PATH,
        'Risk,Category,AI system,Likelihood,Impact,Risk owner,Mitigation,Status,Due date\n' +
          'Copilot surfaces HR files to all staff,Privacy,AIS-002,4,4,Felix Braun,"Sensitivity labels on HR sites",Open,31/01/2027\n' +
          'Agents run up API spend on retry loops,Financial,Anthropic API,3,4,Daniel Okafor,Spend alerts per workspace,Mitigating,15/12/2026\n',
      );
      await open(driver, 'imports');
      await click(driver, 'import-file');
      await click(driver, 'import-choose');
      await find(driver, 'import-mapping');
      await driver.wait(
        async () => (await driver.executeScript('return document.querySelector(\'select[name="mapping_target"]\')?.value')) === 'risks',
        WAIT,
        'Steward proposes to read the rows as risks',
      );
      await screenshot(driver, 'import-risks-mapping');
      await click(driver, 'mapping-check');
      await driver.wait(
        async () => /to create\s*2$/.test((await textOf(driver, 'import-records-created')) ?? ''),
        WAIT,
        'the check says 2 risks will be created',
      );
      await click(driver, 'import-commit');
      await find(driver, 'import-done');
      const done = await textOf(driver, 'import-done');
      assert.match(done, new RegExp(`Created 2 risks and updated 0 from ${literally(IMPORT_FILE)}`), `the wizard says what it created: ${done}`);
      assert.match(await textOf(driver, 'import-done-where'), /not built yet\.$/, 'it says where risks count while their screen is not built');
      await screenshot(driver, 'import-risks-done');
      await click(driver, 'import-see-dashboard');
      await driver.wait(
        async () => (await driver.executeScript('return window.location.hash')) === '#/dashboard',
        WAIT,
        'the done screen links to the Dashboard, where risks count',
      );
      assert.equal(await highRisks(), before + 1, 'the open 4 × 4 risk is a high risk on the dashboard; the 3 × 4 one is not');
    });

    await t.test('attribution rules are added, changed and deleted against imported spend', async () => {
      copyFileSync(join(FIXTURES, 'claude_api_cost_2025_10.csv'), IMPORT_PATH);
      await open(driver, 'imports');
      await click(driver, 'import-file');
      await click(driver, 'import-choose');
      await click(driver, 'import-commit');
      await find(driver, 'import-done');
      await click(driver, 'import-close');
      await click(driver, 'imports-tab-rules');
      await find(driver, 'unattributed-summary');
      await screenshot(driver, 'attribution-empty');
      await click(driver, 'rule-add-empty');
      await choose(driver, 'source', 'anthropic-cost');
      await choose(driver, 'field', 'workspace');
      const offered = await driver.executeScript(
        'return [...document.querySelectorAll(\'select[name="match_value"] option\')].map((o) => o.textContent)',
      );
      assert.ok(
        offered.includes('Claude Code — US$240.77 unattributed, 20 lines'),
        `the unattributed workspaces are offered with their spend: ${offered}`,
      );
      await choose(driver, 'match_value', 'Claude Code');
      const system = await driver.executeScript('return document.querySelector(\'select[name="system_id"] option:nth-child(2)\').value');
      await choose(driver, 'system_id', system);
      await screenshot(driver, 'attribution-form');
      await click(driver, 'rule-save');
      await driver.wait(async () => (await textOf(driver, 'rule-lines')) === '20', WAIT, 'the rule attributes the 20 Claude Code lines');
      await screenshot(driver, 'attribution-rule-added');
      await click(driver, 'rule-edit');
      await type(driver, 'match_value', 'Claims Triage');
      await click(driver, 'rule-save');
      await driver.wait(async () => (await textOf(driver, 'rule-lines')) === '10', WAIT, 'changed, it attributes the 10 Claims Triage lines');
      await click(driver, 'rule-delete');
      await click(driver, 'rule-delete-confirm');
      await find(driver, 'rule-add-empty');
      // A real drop cannot be simulated through WebDriver; the command a drop calls can.
      const refusals = await driver.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        const ask = (paths) => window.__TAURI_INTERNALS__.invoke('import_dropped_files', { paths }).then((p) => p, (e) => e.message);
        Promise.all([ask(['${FIXTURES}']), ask(['/a.csv', '/b.csv']), ask(['${IMPORT_PATH}'])]).then(done);
      `);
      assert.match(refusals[0], /is a folder; drop one export file, or every part of one export, from it/, 'a dropped folder is refused, named');
      assert.deepEqual(refusals[1], ['/a.csv', '/b.csv'], 'several files are taken together, as the parts of one export');
      assert.deepEqual(refusals[2], [IMPORT_PATH], 'one file is taken as it is');
      await click(driver, 'imports-tab-history');
    });

    await t.test('an exchange rate is added in Settings, listed and deleted', async () => {
      await open(driver, 'settings');
      await find(driver, 'fx-rates');
      const pairs = await driver.executeScript(
        'return [...document.querySelectorAll(\'[data-testid="rate-group"]\')].map((g) => g.dataset.pair)',
      );
      assert.ok(pairs.includes('USD-EUR') && pairs.includes('GBP-EUR'), `the demo's rates are listed by pair: ${pairs}`);
      await click(driver, 'rate-add');
      const to = await driver.executeScript('return document.querySelector(\'[name="to"]\').value');
      assert.equal(to, 'EUR', 'a new rate converts into the reporting currency unless told otherwise');
      await type(driver, 'from', 'CHF');
      await type(driver, 'rate', 'about one');
      await click(driver, 'rate-form-save');
      assert.match(await textOf(driver, 'field-error-rate'), /not a positive number/, "Rust's message shows beside the rate");
      await type(driver, 'rate', '1.0642');
      await type(driver, 'source', 'SNB reference rate');
      await click(driver, 'rate-form-save');
      const row = '[data-testid="rate-row"][data-pair="CHF-EUR"]';
      await locate(driver, By.css(row), 'the CHF → EUR rate is listed');
      const shown = await driver.executeScript(
        `const row = document.querySelector('${row}'); row.scrollIntoView({ block: 'center' }); return row.querySelector('[data-testid="rate-value"]').textContent`,
      );
      assert.match(shown, /1 CHF = 1\.0642 EUR/, `the rate reads as 1 CHF = … EUR: ${shown}`);
      await screenshot(driver, 'settings-rate-added');
      await clickOn(driver, By.css(`${row} [data-testid="rate-delete"]`), 'Delete on the CHF → EUR rate');
      await click(driver, 'rate-delete-confirm');
      await driver.wait(async () => (await driver.findElements(By.css(row))).length === 0, WAIT, 'the CHF → EUR rate is gone');
      await find(driver, 'undo');
      await screenshot(driver, 'settings-rate-deleted');
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
      const message = await locate(
        driver,
        By.xpath('//*[contains(., "damaged.steward") and contains(., "not a Steward portfolio")]'),
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
