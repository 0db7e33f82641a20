// End-to-end tests of plateau's web UI in a real (headless) Chromium, against a running
// `plateau serve --demo examples/le-grand-nord.json` (tests/e2e/run.sh starts it).
//
// Environment: BASE_URL (the server), E2E_TMP (screenshots, downloads, CLI batches),
// PLATEAU_BIN (the CLI, for the figures' cross-check), REPO_ROOT.
//
// Plain node asserts; every step prints what it checked; a failed scenario leaves a screenshot
// of the page in E2E_TMP. The closing line is "N passed, M failed".

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL || 'http://127.0.0.1:8080';
const TMP = process.env.E2E_TMP || fs.mkdtempSync('/tmp/plateau-e2e-');
const REPO_ROOT = process.env.REPO_ROOT || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const PLATEAU_BIN = process.env.PLATEAU_BIN || path.join(REPO_ROOT, 'build/plateau');
const PID = 1; // the demo production
const WEEK = '2009-04-12';

let passed = 0;
let failed = 0;
const started = Date.now();

function log(text) { console.log('  ' + text); }
function check(cond, text) {
  assert.ok(cond, text);
  log('✓ ' + text);
}
function checkEqual(actual, expected, text) {
  assert.deepEqual(actual, expected, `${text}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  const shown = JSON.stringify(expected);
  log(`✓ ${text} (${shown.length > 240 ? shown.slice(0, 240) + '…' : shown})`);
}

async function scenario(name, page, fn) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    await fn();
    passed++;
    console.log(`ok — ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`FAILED — ${name}: ${e && e.stack || e}`);
    const p = page();
    if (p) {
      const shot = path.join(TMP, `failure-${passed + failed}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      try {
        const grid = p.locator('[data-testid="week-grid"]');
        if (await grid.count()) await grid.screenshot({ path: shot });
        else await p.screenshot({ path: shot });
        console.log(`  screenshot: ${shot}`);
      } catch (se) {
        console.log(`  (no screenshot: ${se.message})`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The expected pay, from the CLI on the same batch.
//
// Scenario 1 enters, for E-003 Sophie Gagnon (2nd Assistant Director, daily rate 585.00 in
// examples/le-grand-nord.json), the week of Sunday 2009-04-12:
//   Mon 04-13  07:00–19:00, meal 13:30-14:00   (first meal 6 h 30 after call: the agreement's
//              [meals] first_within = "6h" is passed by 30 min → meal_late + meal_penalty 20.00)
//   Tue 04-14  08:00–26:15, meals 13:00-13:30, 19:00-19:30   (18 h 15 on the clock, meals count
//              as time worked: [overtime.meal_breaks] are_work = true)
//   Wed 04-15  12:15–21:00, meal 17:00-17:30   (10 h after Tuesday's 02:15 wrap: no turnaround)
//   Thu 04-16, Fri 04-17: left as imported, 07:00–19:00, meal 12:00-13:00
//   Sat 04-18  cleared (the example had 07:00–21:45 there): the day is deleted.
// `plateau compute` on that week (tests/e2e writes it to E2E_TMP/e2e-week.json) gives:
//   5 × daily_rate 585.00                          = 2925.00
//   meal_penalty (04-13)                           =   20.00
//   overtime 04-14: 2.00 h × 2 × 73.125 (585 ÷ 8)  =  292.50  (rate 146.25: hours 14 to 16)
//   overtime 04-14: 2.25 h × 3 × 73.125            =  493.59  (rate 219.375: past 16 h; 493.59375)
//   gross                                          = 3731.09
//   net pay = gross + vacation 5 % (186.55) − check-off 2 % (74.62) = 3843.02
const EXPECTED = {
  person: 'E-003',
  lines: [
    ['2009-04-13', 'daily_rate', '585.00'],
    ['2009-04-13', 'meal_penalty', '20.00'],
    ['2009-04-14', 'daily_rate', '585.00'],
    ['2009-04-14', 'overtime', '292.50'],
    ['2009-04-14', 'overtime', '493.59'],
    ['2009-04-15', 'daily_rate', '585.00'],
    ['2009-04-16', 'daily_rate', '585.00'],
    ['2009-04-17', 'daily_rate', '585.00'],
  ],
  gross: '3731.09',
  net_pay: '3843.02',
};

const ENTERED = {
  '2009-04-13': { call: '07:00', wrap: '19:00', meals: [{ start: '13:30', end: '14:00' }] },
  '2009-04-14': { call: '08:00', wrap: '26:15', meals: [{ start: '13:00', end: '13:30' }, { start: '19:00', end: '19:30' }] },
  '2009-04-15': { call: '12:15', wrap: '21:00', meals: [{ start: '17:00', end: '17:30' }] },
};

function cliPay(lang) {
  const batch = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples/le-grand-nord.json'), 'utf8'));
  const person = batch.crew.find((c) => c.id === EXPECTED.person);
  const inWeek = (d) => d.date >= WEEK && d.date <= '2009-04-18';
  const days = person.days.filter((d) => inWeek(d) && !ENTERED[d.date] && d.date !== '2009-04-18');
  for (const [date, day] of Object.entries(ENTERED)) days.push({ date, ...day });
  days.sort((a, b) => a.date.localeCompare(b.date));
  batch.crew = [{ ...person, days }];
  const file = path.join(TMP, 'e2e-week.json');
  fs.writeFileSync(file, JSON.stringify(batch, null, 1));
  const out = execFileSync(PLATEAU_BIN, ['compute', file, '--format', 'json', '--lang', lang]);
  return JSON.parse(out.toString()).crew.find((c) => c.id === EXPECTED.person);
}

// ---------------------------------------------------------------------------------------------
// Page helpers

const tid = (id) => `[data-testid="${id}"]`;

async function login(page, user, password) {
  await page.goto(BASE_URL + '/');
  await page.locator(tid('login-form')).waitFor();
  await page.locator(tid('login-login')).fill(user);
  await page.locator(tid('login-password')).fill(password);
  await page.locator(tid('login-submit')).click();
  await page.locator(tid('logout')).waitFor();
}

async function openWeek(page, date) {
  await page.locator(tid('week-date')).fill(date);
  await page.locator(`${tid('week-heading')}[data-start="${date}"]`).waitFor();
}

// Fills a grid cell and leaves it with Tab (or Enter), waiting for the write it causes.
async function enterCell(page, person, date, { call, wrap, meals }, { method = 'PUT', key = 'Tab' } = {}) {
  const id = `${person}-${date}`;
  const written = page.waitForResponse((r) =>
    r.url().includes(`/api/productions/${PID}/timecards/${person}/${date}`) && r.request().method() === method);
  written.catch(() => {}); // awaited below; a failure in between must not go unhandled
  await page.locator(tid('call-' + id)).fill(call);
  await page.locator(tid('wrap-' + id)).fill(wrap);
  await page.locator(tid('meals-' + id)).fill(meals);
  await page.locator(tid('meals-' + id)).press(key);
  return written;
}

async function dataValue(page, id) {
  return page.locator(tid(id)).getAttribute('data-value');
}

async function payLines(page, person) {
  return page.locator(`${tid('pay-' + person)} table.lines tr.line`).evaluateAll((rows) =>
    rows.map((r) => [r.dataset.date, r.dataset.code, r.querySelector('td.money[data-testid]').dataset.value]));
}

async function apiFromPage(page, url) {
  return page.evaluate(async (u) => {
    const r = await fetch(u, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await r.json(); } catch (_) { /* not JSON */ }
    return { status: r.status, body };
  }, url);
}

// ---------------------------------------------------------------------------------------------

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
let accountant = null; // the accountant's page, shared by scenarios 1 to 4
let crewPage = null;

try {
  const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1500, height: 1000 } });
  ctx.setDefaultTimeout(10000);
  accountant = await ctx.newPage();
  const page = accountant;
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  await scenario('1. accountant enters a week and sees the pay and a late-meal warning', () => page, async () => {
    await page.goto(BASE_URL + '/');
    await page.locator(tid('login-form')).waitFor();
    checkEqual(await page.locator(tid('login-submit')).textContent(), 'Se connecter', 'the login form is in French by default');
    checkEqual(await page.locator('html').getAttribute('lang'), 'fr', 'the page says lang="fr"');
    await login(page, 'comptable', 'plateau-comptable');
    checkEqual(await page.locator(tid('user-role')).textContent(), 'comptable', 'the header shows the role in French');
    checkEqual(await page.locator(tid('logout')).textContent(), 'Déconnexion', 'the logout button is in French');

    await page.locator(tid('production-' + PID)).click();
    await page.locator(tid('week-grid')).waitFor();
    check(await page.locator(tid('production-title')).textContent() === 'Le Grand Nord', 'the demo production is open');
    await openWeek(page, WEEK);
    checkEqual(await page.locator(tid('week-next')).textContent(), 'Semaine suivante ▶', 'the week toolbar is in French');
    checkEqual(await page.locator(`${tid('week-grid')} thead th`).first().textContent(), 'Personne', 'the grid header is in French');
    const rows = await page.locator(`${tid('week-grid')} tbody tr`).count();
    checkEqual(rows, 12, 'the accountant sees the 12 people of the production');

    let r = await enterCell(page, 'E-003', '2009-04-13', { call: '07:00', wrap: '19:00', meals: '13:30-14:00' });
    checkEqual(r.status(), 200, 'Mon 04-13 saved (PUT 200)');
    r = await enterCell(page, 'E-003', '2009-04-14', { call: '8:00', wrap: '26:15', meals: '13:00-13:30, 19:00-19:30' }, { key: 'Enter' });
    checkEqual(r.status(), 200, 'Tue 04-14 saved with Enter, wrap typed 26:15 (PUT 200)');
    checkEqual(JSON.parse(r.request().postData()).call, '08:00', 'a call typed 8:00 is sent as 08:00');
    r = await enterCell(page, 'E-003', '2009-04-15', { call: '12:15', wrap: '21:00', meals: '17:00-17:30' });
    checkEqual(r.status(), 200, 'Wed 04-15 saved (PUT 200)');
    r = await enterCell(page, 'E-003', '2009-04-18', { call: '', wrap: '', meals: '' }, { method: 'DELETE' });
    checkEqual(r.status(), 200, 'Sat 04-18 emptied: the day is deleted (DELETE 200)');
    await page.locator(`${tid('row-E-003')}`).waitFor();
    await page.waitForFunction(() => !document.querySelector('td.cell.saving'));

    checkEqual(await page.locator(tid('wrap-E-003-2009-04-14')).inputValue(), '26:15', 'the grid shows the saved wrap 26:15');
    checkEqual(await page.locator(tid('call-E-003-2009-04-18')).inputValue(), '', 'the deleted Saturday is empty');
    checkEqual(await payLines(page, 'E-003'), EXPECTED.lines, 'the pay lines of E-003 (date, code, amount)');
    checkEqual(await dataValue(page, 'gross-E-003'), EXPECTED.gross, 'the gross of E-003');
    checkEqual(await dataValue(page, 'rowgross-E-003'), EXPECTED.gross, 'the gross at the end of the grid row');
    checkEqual(await dataValue(page, 'net-E-003'), EXPECTED.net_pay, 'the net pay of E-003');
    checkEqual(await page.locator(tid('gross-E-003')).textContent(), '3\u202f731,09', 'money written the French way');
    const ot = page.locator(`${tid('pay-E-003')} table.lines tr.line[data-code="overtime"]`).nth(1);
    checkEqual(await ot.locator('td').evaluateAll((tds) => tds.slice(2, 6).map((td) => td.dataset.value)),
      ['2.25', '3', '219.375', '493.59'], 'the second overtime line: hours, multiplier, rate, amount');

    const badge = page.locator(tid('badge-E-003-2009-04-13-meal_late'));
    await badge.waitFor();
    checkEqual(await badge.getAttribute('data-severity'), 'warning', 'a late-meal badge (warning) on the cell of Mon 04-13');
    checkEqual(await badge.textContent(), 'Repas en retard', 'the badge is labelled in French');
    check(await page.locator(tid('finding-E-003-2009-04-13-meal_late')).isVisible(), 'the late meal is in the findings list');
    check(await page.locator(`${tid('cell-E-003-2009-04-13')}.sev-warning`).count() === 1, 'the cell is marked with the warning colour');

    // The same batch through the CLI: the same lines, gross, net, explanations and findings.
    const cli = cliPay('fr');
    checkEqual(cli.lines.map((l) => [l.date, l.code, l.amount]), EXPECTED.lines, 'plateau compute on the same week gives the same lines');
    checkEqual([cli.gross, cli.net_pay], [EXPECTED.gross, EXPECTED.net_pay], 'plateau compute gives the same gross and net pay');
    check(cli.findings.some((f) => f.code === 'meal_late' && f.date === '2009-04-13'), 'plateau compute reports meal_late on 04-13');
    const penaltyIndex = cli.lines.findIndex((l) => l.code === 'meal_penalty');
    checkEqual(await page.locator(tid(`explanation-E-003-${penaltyIndex}`)).textContent(), cli.lines[penaltyIndex].explanation,
      'the meal penalty\'s explanation, in French, as the CLI words it');
    const finding = cli.findings.find((f) => f.code === 'meal_late');
    checkEqual(await page.locator(`${tid('finding-E-003-2009-04-13-meal_late')} td.message`).textContent(), finding.message,
      'the finding\'s message, in French, as the CLI words it');
    const week = await apiFromPage(page, `/api/productions/${PID}/weeks/${WEEK}?lang=fr`);
    const served = week.body.pay.crew.find((c) => c.id === 'E-003');
    checkEqual({ lines: served.lines, gross: served.gross, contributions: served.contributions, net_pay: served.net_pay, findings: served.findings },
      { lines: cli.lines, gross: cli.gross, contributions: cli.contributions, net_pay: cli.net_pay, findings: cli.findings },
      'the server\'s week pay of E-003 is exactly the CLI\'s (lines, contributions, findings)');
    await page.locator(tid('week-grid')).screenshot({ path: path.join(TMP, 'week-grid-fr.png') });
    log('screenshot of the grid: ' + path.join(TMP, 'week-grid-fr.png'));
  });

  await scenario('2. switching to English', () => page, async () => {
    await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/weeks/${WEEK}`) && r.url().includes('lang=en')),
      page.locator(tid('lang-en')).click(),
    ]);
    await page.locator(`${tid('week-next')}:has-text("Next week")`).waitFor();
    checkEqual(await page.locator(tid('week-next')).textContent(), 'Next week ▶', 'the toolbar is in English');
    checkEqual(await page.locator(`${tid('week-grid')} thead th`).first().textContent(), 'Person', 'the grid header is in English');
    checkEqual(await page.locator(tid('logout')).textContent(), 'Log out', 'the header is in English');
    checkEqual(await page.locator(tid('user-role')).textContent(), 'accountant', 'the role is in English');
    checkEqual(await page.locator(tid('badge-E-003-2009-04-13-meal_late')).textContent(), 'Late meal', 'the badge is in English');
    checkEqual(await page.locator(tid('gross-E-003')).textContent(), '3,731.09', 'money written the English way');
    const cli = cliPay('en');
    const penaltyIndex = cli.lines.findIndex((l) => l.code === 'meal_penalty');
    checkEqual(await page.locator(tid(`explanation-E-003-${penaltyIndex}`)).textContent(), cli.lines[penaltyIndex].explanation,
      'the meal penalty\'s explanation comes back in English, as the CLI words it');
    const finding = cli.findings.find((f) => f.code === 'meal_late');
    checkEqual(await page.locator(`${tid('finding-E-003-2009-04-13-meal_late')} td.message`).textContent(), finding.message,
      'the finding\'s message is in English');
    checkEqual(await page.evaluate(() => localStorage.getItem('plateau.lang')), 'en', 'the choice is kept in localStorage');
    await page.reload();
    await page.locator(tid('week-grid')).waitFor();
    checkEqual(await page.locator(tid('week-next')).textContent(), 'Next week ▶', 'after a reload the UI is still in English');
  });

  await scenario('3. CSV export of the week and of everything', () => page, async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(tid('csv-export-week')).click()]);
    const file = path.join(TMP, 'week.csv');
    await download.saveAs(file);
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split(/\r?\n/).filter(Boolean);
    check(lines[0].startsWith('id,name,classification,'), 'the week\'s CSV starts with the header row of the CSV format');
    const header = lines[0].split(',');
    const col = (row, name) => row.split(',')[header.indexOf(name)];
    const tuesday = lines.find((l) => l.startsWith('E-003,') && col(l, 'date') === '2009-04-14');
    check(tuesday, 'the week\'s CSV has the row of E-003 on 2009-04-14');
    checkEqual([col(tuesday, 'call'), col(tuesday, 'wrap'), col(tuesday, 'meal1_start'), col(tuesday, 'meal2_end')],
      ['08:00', '26:15', '13:00', '19:30'], 'the entered day in the CSV (call, wrap, meal 1 start, meal 2 end)');
    check(!lines.some((l) => l.startsWith('E-003,') && col(l, 'date') === '2009-04-18'), 'the deleted Saturday is not in the CSV');
    check(lines.slice(1).every((l) => col(l, 'date') >= WEEK && col(l, 'date') <= '2009-04-18'), `every row of the week's CSV is in the week (${lines.length - 1} rows)`);
    const [all] = await Promise.all([page.waitForEvent('download'), page.locator(tid('csv-export-all')).click()]);
    const allFile = path.join(TMP, 'all.csv');
    await all.saveAs(allFile);
    const allLines = fs.readFileSync(allFile, 'utf8').split(/\r?\n/).filter(Boolean);
    check(allLines.some((l) => col(l, 'date') === '2009-04-06') && allLines.some((l) => col(l, 'date') === '2009-04-14'),
      `the whole export has both weeks (${allLines.length - 1} rows)`);
    // The export reads back: plateau check accepts it.
    execFileSync(PLATEAU_BIN, ['check', allFile]);
    log('✓ plateau check accepts the exported file');

    // Import: the week's file as exported goes back in unchanged; a file with a bad time is
    // refused whole, its place named, and nothing changes.
    await page.locator(tid('csv-import-file')).setInputFiles(file);
    const [imported] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/timecards.csv') && r.request().method() === 'POST'),
      page.locator(tid('csv-import-submit')).click(),
    ]);
    checkEqual(imported.status(), 200, 'importing the exported week answers 200');
    const counts = await imported.json();
    await page.locator(`${tid('csv-import-result')}.ok`).waitFor();
    check((await page.locator(tid('csv-import-result')).textContent()).includes(String(counts.days)),
      `the import's result is shown: "${await page.locator(tid('csv-import-result')).textContent()}"`);
    checkEqual(await dataValue(page, 'gross-E-003'), EXPECTED.gross, 'the pay is unchanged after importing the same days');
    const bad = text.replace(/^(E-003,.*,2009-04-16,true,07:00,)19:00,/m, '$125:99,');
    assert.notEqual(bad, text, 'the bad file differs from the export');
    await page.locator(tid('csv-import-file')).setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/timecards.csv') && r.request().method() === 'POST'),
      page.locator(tid('csv-import-submit')).click(),
    ]);
    checkEqual(refused.status(), 400, 'a CSV with wrap 25:99 is refused (400)');
    const message = (await refused.json()).error.message;
    await page.locator(`${tid('csv-import-result')}.error`).waitFor();
    check((await page.locator(tid('csv-import-result')).textContent()).includes(message),
      `the refusal's message is shown: "${message}"`);
    const week = await apiFromPage(page, `/api/productions/${PID}/weeks/${WEEK}`);
    checkEqual(week.body.timecards['E-003']['2009-04-16'].wrap, '19:00', 'nothing of the refused file was saved');
  });

  await scenario('4. a bad time shows an error and nothing is saved', () => page, async () => {
    const writes = [];
    const onRequest = (req) => { if (req.url().includes('/timecards/') && req.method() !== 'GET') writes.push(req.method() + ' ' + req.url()); };
    page.on('request', onRequest);
    const id = 'E-003-2009-04-16';
    await page.locator(tid('wrap-' + id)).fill('25:99');
    await page.locator(tid('wrap-' + id)).press('Enter');
    const err = page.locator(tid('error-' + id));
    await err.waitFor();
    check((await err.textContent()).includes('25:99'), `an inline error names the bad text: "${await err.textContent()}"`);
    checkEqual(await page.locator(tid('wrap-' + id)).getAttribute('aria-invalid'), 'true', 'the wrap input is marked invalid');
    await page.locator(tid('call-' + id)).fill('abc');
    await page.locator(tid('call-' + id)).press('Enter');
    check((await err.textContent()).includes('abc'), `"abc" as a call is refused too: "${await err.textContent()}"`);
    await page.waitForTimeout(300);
    checkEqual(writes, [], 'no write was sent for text that is not a time');
    // A day the engine refuses (wrap before call) comes back as 400 bad_input, shown at the cell.
    await page.locator(tid('call-' + id)).fill('19:00');
    await page.locator(tid('wrap-' + id)).fill('07:00');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/timecards/E-003/2009-04-16')),
      page.locator(tid('wrap-' + id)).press('Enter'),
    ]);
    checkEqual(response.status(), 400, 'the server refuses a wrap before the call');
    const body = await response.json();
    checkEqual([body.error.code, body.error.field], ['bad_input', 'wrap'], 'its error is bad_input on field wrap');
    await page.locator(`${tid('error-' + id)}:has-text("${body.error.message.slice(0, 20).replace(/"/g, '\\"')}")`).waitFor();
    log(`✓ the server's message is shown next to the cell: "${body.error.message}"`);
    checkEqual(await dataValue(page, 'gross-E-003'), EXPECTED.gross, 'the pay shown is unchanged');
    const week = await apiFromPage(page, `/api/productions/${PID}/weeks/${WEEK}`);
    const thursday = week.body.timecards['E-003']['2009-04-16'];
    checkEqual([thursday.call, thursday.wrap], ['07:00', '19:00'], 'the stored Thursday is still 07:00–19:00');
    await page.locator(tid('wrap-' + id)).press('Escape');
    checkEqual(await page.locator(tid('wrap-' + id)).inputValue(), '19:00', 'Escape puts back the saved wrap');
    checkEqual(await page.locator(tid('error-' + id)).count(), 0, 'and clears the error');
    page.off('request', onRequest);
  });

  // ---------------------------------------------------------------------------------------------
  await scenario('5. crew accounts see only their own row and pay', () => crewPage, async () => {
    const ctx2 = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
    ctx2.setDefaultTimeout(10000);
    crewPage = await ctx2.newPage();
    const page2 = crewPage;
    await login(page2, 'marie', 'plateau-marie');
    await page2.goto(`${BASE_URL}/#/p/${PID}/week/${WEEK}`);
    await page2.locator(`${tid('week-heading')}[data-start="${WEEK}"]`).waitFor();
    checkEqual(await page2.locator(`${tid('week-grid')} tbody tr`).evaluateAll((rs) => rs.map((r) => r.dataset.person)), ['E-001'],
      'marie\'s grid has only her row');
    checkEqual(await page2.locator(`${tid('pay')} section.person-pay`).evaluateAll((ss) => ss.map((s) => s.dataset.person)), ['E-001'],
      'marie\'s pay shows only her');
    checkEqual(await page2.locator(tid('nav-remittances')).count() + await page2.locator(tid('nav-audit')).count(), 0,
      'no remittances or audit log for crew');
    checkEqual(await page2.locator(tid('csv-import-file')).count(), 0, 'no CSV import for crew');
    checkEqual(await page2.locator(tid('week-totals')).count(), 0, 'no production totals for crew');
    await page2.locator(tid('nav-statement')).click();
    await page2.locator(tid('statement')).waitFor();
    checkEqual(await page2.locator(tid('statement')).getAttribute('data-person'), 'E-001', 'her statement is hers');
    const st = await apiFromPage(page2, `/api/productions/${PID}/people/E-001/pay`);
    checkEqual(await dataValue(page2, 'statement-gross'), st.body.gross, 'the statement shows her gross over all weeks');
    check(await page2.locator(`${tid('statement')} section.statement-week`).count() >= 2, 'her statement lists both weeks');
    await page2.locator(tid('logout')).click();
    await page2.locator(tid('login-form')).waitFor();

    await login(page2, 'luc', 'plateau-luc');
    await page2.goto(`${BASE_URL}/#/p/${PID}/week/${WEEK}`);
    await page2.locator(`${tid('week-heading')}[data-start="${WEEK}"]`).waitFor();
    checkEqual(await page2.locator(`${tid('week-grid')} tbody tr`).evaluateAll((rs) => rs.map((r) => r.dataset.person)), ['E-004'],
      'luc\'s grid has only his row');
    check(!(await page2.locator('main').textContent()).includes('Marie Tremblay'), 'Marie\'s name is nowhere on luc\'s week');
    await page2.goto(`${BASE_URL}/#/p/${PID}/pay/E-001`);
    await page2.locator(tid('statement')).waitFor();
    checkEqual(await page2.locator(tid('statement')).getAttribute('data-person'), 'E-004', 'asking the UI for Marie\'s statement shows luc his own');
    const marie = await apiFromPage(page2, `/api/productions/${PID}/people/E-001/pay`);
    checkEqual(marie.status, 404, 'GET /api/productions/1/people/E-001/pay as luc is 404');
    const week = await apiFromPage(page2, `/api/productions/${PID}/weeks/${WEEK}`);
    checkEqual(week.status, 200, 'luc can read the week');
    checkEqual(week.body.people.map((p) => p.id), ['E-004'], 'the week\'s people are only E-004');
    checkEqual(Object.keys(week.body.timecards), ['E-004'], 'the week\'s timecards are only E-004\'s');
    checkEqual(week.body.pay.crew.map((c) => c.id), ['E-004'], 'the week\'s pay is only E-004\'s');
    check(!('remittances' in week.body.pay) && !('totals' in week.body.pay), 'the week\'s pay has no remittances or totals for crew');
    const remit = await apiFromPage(page2, `/api/productions/${PID}/remittances`);
    checkEqual(remit.status, 404, 'GET /api/productions/1/remittances as luc is 404');
    const put = await page2.evaluate(async () => {
      const s = await (await fetch('/api/session')).json();
      const r = await fetch('/api/productions/1/timecards/E-001/2009-04-13', {
        method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf_token },
        body: JSON.stringify({ call: '07:00', wrap: '08:00' }),
      });
      return r.status;
    });
    checkEqual(put, 404, 'luc cannot write Marie\'s timecard (PUT … 404)');
    await ctx2.close();
    crewPage = null;
  });

  check(consoleErrors.length === 0, `no uncaught error in the accountant's page${consoleErrors.length ? ': ' + consoleErrors.join('; ') : ''}`);
} catch (e) {
  failed++;
  console.log(`FAILED — setup: ${e && e.stack || e}`);
} finally {
  await browser.close();
}

console.log(`\ne2e: ${((Date.now() - started) / 1000).toFixed(1)} s, files in ${TMP}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
