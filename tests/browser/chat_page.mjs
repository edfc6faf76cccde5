// Drives the web chat page in Debian's Chromium (headless) through a
// conversation: sign in, ask, watch the steps stream, see the chart drawn,
// sort the table, follow a suggestion, answer a clarify by its button, export
// CSV, rate an answer, rename and delete a conversation. Screenshots go to
// MEDHA_SCREENSHOT_DIR. Started by run.sh, which starts the servers.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const url = process.env.MEDHA_HTTP_URL;
const token = process.env.MEDHA_TOKEN;
const shots = process.env.MEDHA_SCREENSHOT_DIR;
const require = createRequire(path.join(process.env.MEDHA_BUILD_DIR, 'npm', 'package.json'));
const { chromium } = require('playwright-core');

// The whole run is bounded, whatever hangs.
const guard = setTimeout(() => { console.error('FAIL: browser test over 240 s'); process.exit(1); }, 240000);

let checks = 0;
function check(ok, what) {
  if (!ok) throw new Error(`check failed: ${what}`);
  checks += 1;
  console.log(`ok ${checks} - ${what}`);
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'medha-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  acceptDownloads: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] || await context.newPage();
page.setDefaultTimeout(30000);
const console_errors = [];
// The wrong token's 401 and feedback's 501 are asked for; anything else is not.
page.on('console', (m) => {
  if (m.type() === 'error' && !/status of (401|501)/.test(m.text())) console_errors.push(m.text());
});
// Nothing may leave the machine: the page works offline.
const outside = [];
page.on('request', (r) => { if (!r.url().startsWith(url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url()); });
const shot = (name) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

try {
  await page.goto(url);
  await page.waitForSelector('#signin-form');
  await page.fill('#token', 'not-a-token-at-all');
  await page.click('#signin-form button');
  await page.waitForFunction(() => document.querySelector('#signin-error').textContent.length > 0);
  check((await page.textContent('#signin-error')).includes('not valid'), 'a wrong token is refused with a clear message');
  await shot('01-sign-in-refused');
  await page.fill('#token', token);
  await page.click('#signin-form button');
  await page.waitForSelector('#app:not([hidden])');
  // The page shows itself first and fills its lists when they arrive.
  const ready = await page.waitForSelector('body[data-ready="yes"]', { state: 'attached', timeout: 30000 })
    .then(() => true, () => false);
  check(ready && await page.locator('#data-source option[value="sales"]').count() === 1, 'the data-source picker lists sales');

  // Records what the thread showed after each change: steps shown, answer or not.
  await page.evaluate(() => {
    window.seen = [];
    new MutationObserver(() => {
      const steps = [...document.querySelectorAll('.step')].map((li) => `${li.dataset.step}:${li.dataset.status}`);
      window.seen.push({ steps, answer: !!document.querySelector('.answer-text') });
    }).observe(document.getElementById('thread'), { subtree: true, childList: true, attributes: true, characterData: true });
  });

  const turns = () => page.locator('article.turn');
  const finished = (n) => page.waitForFunction((k) => {
    const t = document.querySelectorAll('article.turn');
    return t.length >= k && t[k - 1].dataset.outcome;
  }, n);
  async function ask(text) {
    const before = await turns().count();
    await page.fill('#question', text);
    await page.press('#question', 'Enter');
    await finished(before + 1);
    return turns().nth(before);
  }

  let turn = await ask('Show me sales data');
  check(await turn.getAttribute('data-outcome') === 'answer', 'discovery picks sales and the first question is answered');
  const seen = await page.evaluate(() => window.seen);
  // Shown while the turn ran: steps, but not yet its final event.
  const early = seen.filter((v) => v.steps.length > 0 && !v.answer
    && !v.steps.some((st) => /^(answer|clarify|error):/.test(st)));
  check(early.length > 0, `steps were shown before the answer arrived (${early.length ? early[early.length - 1].steps.join(', ') : 'none'})`);
  const step_text = await turn.locator('.step').first().textContent();
  check(/ms$/.test(step_text.trim()), `a step shows its elapsed time ("${step_text.trim()}")`);
  check((await turn.locator('.answer-text').textContent()).length > 0, 'the answer sentence is shown');
  await turn.locator('details.sql summary').click();
  check((await turn.locator('details.sql code').textContent()).startsWith('SELECT'), 'the SQL opens');
  await shot('02-first-answer');

  turn = await ask('What is the revenue by region?');
  check(await turn.getAttribute('data-outcome') === 'answer', 'revenue by region is answered');
  await turn.locator('.chart svg .mark-rect path').first().waitFor();
  const bars = await turn.locator('.chart svg .mark-rect path').count();
  check(bars >= 2, `the bar chart is drawn with ${bars} marks`);
  const rows = await turn.locator('.results tbody tr').count();
  check(rows === bars, `the table has a row per bar (${rows})`);
  const header = turn.locator('.results th').nth(1);
  await header.click();
  await header.click();
  check(await header.getAttribute('aria-sort') === 'descending', 'a heading sorts the table (twice: descending)');
  const first_cells = await turn.locator('.results tbody tr td:nth-child(2)').allTextContents();
  const numbers = first_cells.map(Number);
  check(numbers.every((v, i) => i === 0 || numbers[i - 1] >= v), 'sorted rows are in descending order');
  await shot('03-bar-chart');

  const [download] = await Promise.all([page.waitForEvent('download'), turn.locator('.export-csv').click()]);
  const csv_path = path.join(shots, 'export.csv');
  await download.saveAs(csv_path);
  const csv = fs.readFileSync(csv_path, 'utf8').trim().split(/\r?\n/);
  const columns = await turn.locator('.results th').allTextContents();
  check(csv.length === rows + 1, `the CSV has a heading and ${rows} rows`);
  check(csv[0].split(',')[0] === columns[0].replace(/ [▲▼]$/, ''), `the CSV heading names the columns (${csv[0]})`);

  await turn.locator('.thumb.up').click();
  await turn.locator('.feedback-note:not(:empty)').waitFor();
  check((await turn.locator('.feedback-note').textContent()).length > 0, `thumbs up says what happened: "${await turn.locator('.feedback-note').textContent()}"`);

  const suggestion = turn.locator('.suggestion').first();
  const follow_up = await suggestion.textContent();
  const count = await turns().count();
  await suggestion.click();
  await finished(count + 1);
  check(await turns().nth(count).locator('.question').textContent() === follow_up, `a suggested follow-up sends the next turn ("${follow_up}")`);
  await shot('04-follow-up');

  // A new conversation, no data source chosen: the question is asked back.
  await page.click('#new-conversation');
  check(await turns().count() === 0, 'a new conversation starts empty');
  turn = await ask('How many?');
  check(await turn.getAttribute('data-outcome') === 'clarify', 'an unclear question gets a clarify');
  const choice = turn.locator('.choice', { hasText: 'sales' }).first();
  await choice.click();
  await finished(2);
  turn = turns().nth(1);
  check(await turn.locator('.question').textContent() === 'sales', 'a clarify choice is sent as the next turn');
  if (await turn.getAttribute('data-outcome') === 'clarify') {
    const pick = turn.locator('.choice').first();
    const label = await pick.textContent();
    await pick.click();
    await finished(3);
    check(await turns().nth(2).getAttribute('data-outcome') === 'answer', `choosing "${label}" answers`);
  }
  await shot('05-clarify-answered');

  const listed = await page.locator('#conversations .conversation').allTextContents();
  check(listed.length >= 2 && listed[0] === 'How many?', `the list shows the newest conversation first (${listed.join(' | ')})`);
  page.once('dialog', (d) => d.accept('Counting things'));
  await page.click('#rename');
  await page.waitForFunction(() => document.querySelector('#conversations .conversation').textContent === 'Counting things');
  check(await page.textContent('#conversation-title') === 'Counting things', 'rename changes the title and the list');
  page.once('dialog', (d) => d.accept());
  await page.click('#delete');
  await page.waitForFunction((n) => document.querySelectorAll('#conversations .conversation').length === n - 1, listed.length);
  check(!(await page.locator('#conversations .conversation').allTextContents()).includes('Counting things'), 'delete removes it from the list');

  await page.locator('#conversations .conversation').first().click();
  await page.waitForSelector('article.turn[data-outcome="answer"] .chart svg');
  check(await turns().count() >= 3, 'an earlier conversation opens with its turns and charts');
  await shot('06-history');

  check(outside.length === 0, `no request left the gateway (${outside.join(', ') || 'none'})`);
  check(console_errors.length === 0, `no errors in the console (${console_errors.join(' | ') || 'none'})`);
  console.log(`${checks} passed, 0 failed`);
} catch (e) {
  await shot('failure').catch(() => {});
  console.error(`FAIL: ${e.message}`);
  console.log(`${checks} passed, 1 failed`);
  process.exitCode = 1;
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  clearTimeout(guard);
}
