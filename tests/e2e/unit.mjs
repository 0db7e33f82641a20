// Unit checks of the UI's pure modules, in node without a browser: reading typed times and meals
// (web/timetext.js) and the two languages' tables having the same keys (web/i18n.js).
// Run by tests/e2e/run.sh before the browser scenarios.

import assert from 'node:assert/strict';
import { parseTime, parseMeals, formatMeals, cellToDay } from '../../web/timetext.js';
import { missingKeys } from '../../web/i18n.js';

let passed = 0;
let failed = 0;
function test(name, fn) {
  try {
    fn();
    passed++;
    console.log(`ok — ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAILED — ${name}: ${e.message}`);
  }
}

test('times as typed on a production report', () => {
  for (const [text, value] of [['07:00', '07:00'], ['7:00', '07:00'], ['7h30', '07:30'], ['7h', '07:00'], ['7', '07:00'],
    ['0700', '07:00'], ['26:15', '26:15'], [' 19:00 ', '19:00'], ['', null], ['2009-04-08T02:15', '2009-04-08T02:15']]) {
    assert.deepEqual(parseTime(text), { value }, text);
  }
});

test('bad times are errors, not guesses', () => {
  assert.equal(parseTime('25:99').error.key, 'error.time_minutes');
  for (const text of ['abc', '7:5', '123:00', '12:00pm', '-1:00']) assert.equal(parseTime(text).error.key, 'error.time', text);
});

test('meals in one text field', () => {
  assert.deepEqual(parseMeals('12:00-12:30, 19:00-19:30').value,
    [{ start: '12:00', end: '12:30' }, { start: '19:00', end: '19:30' }]);
  assert.deepEqual(parseMeals('12:00 – 12:40*; 19h-19h30').value,
    [{ start: '12:00', end: '12:40', shot_in_progress: true }, { start: '19:00', end: '19:30' }]);
  assert.deepEqual(parseMeals('').value, []);
  assert.equal(parseMeals('12:00').error.key, 'error.meal');
  assert.equal(parseMeals('12:00-12:30,').error.key, 'error.meal');
  const bad = parseMeals('12:00-12:30, 19:00-19:77');
  assert.equal(bad.error.params.n, 2);
  assert.equal(bad.error.inner.key, 'error.time_minutes');
});

test('meals written back as they are read', () => {
  const text = '12:00-12:30, 19:00-19:40*';
  assert.equal(formatMeals(parseMeals(text).value), text);
});

test('a cell becomes a PUT, a DELETE, nothing or errors', () => {
  assert.deepEqual(cellToDay({ call: '7', wrap: '26:15', meals: '12:00-12:30' }),
    { action: 'put', day: { call: '07:00', wrap: '26:15', meals: [{ start: '12:00', end: '12:30' }] } });
  assert.deepEqual(cellToDay({ call: '', wrap: '', meals: '' }, { call: '07:00', wrap: '19:00' }), { action: 'delete' });
  assert.deepEqual(cellToDay({ call: '', wrap: '', meals: '' }), { action: 'none' });
  assert.deepEqual(cellToDay({ call: '', wrap: '', meals: '' }, { worked: false, location: 'distant' }), { action: 'none' });
  assert.deepEqual(cellToDay({ call: '07:00', wrap: '19:00', meals: '' }, { call: '07:00', wrap: '19:00', meals: [] }), { action: 'none' });
  assert.equal(cellToDay({ call: '07:00', wrap: '', meals: '' }).errors.wrap.key, 'error.need_wrap');
  assert.equal(cellToDay({ call: 'abc', wrap: '25:99', meals: '' }).errors.call.key, 'error.time');
});

test('a cell keeps the day\'s other facts (location, per diem, approval)', () => {
  const saved = { date: '2009-04-14', call: '06:00', wrap: '20:30', location: 'distant', premium_approved: false,
    distant: { currency: 'CAD', meals_provided: ['lunch'] } };
  const r = cellToDay({ call: '06:00', wrap: '21:00', meals: '' }, saved);
  assert.equal(r.action, 'put');
  assert.deepEqual(r.day, { call: '06:00', wrap: '21:00', meals: [], location: 'distant', premium_approved: false,
    distant: { currency: 'CAD', meals_provided: ['lunch'] } });
});

test('every label exists in French and in English', () => {
  assert.deepEqual(missingKeys(), { fr: [], en: [] });
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
