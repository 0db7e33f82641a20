// Reading times and meals as a payroll coordinator types them from a production report, and
// writing them back. Pure functions (no DOM), so node can test them too.
//
// A time: "07:00", "7:00", "7h30", "7h", "7", "0700", "26:15" (hours of 24 and more are the next
// morning, as in the payroll format). A full ISO local date-time ("2009-04-07T26:15" is not one;
// "2009-04-08T02:15" is) passes through as the payroll format accepts it.
// Meals: "12:00-12:30, 19:00-19:30"; "–", "—" or " à " / " to " may stand for "-"; ";" for ",";
// a trailing "*" marks a break delayed to complete a shot in progress.
//
// Errors are returned, not thrown: {error: {key, params}} with an i18n key, so the caller words
// them in the current language.

const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export function parseTime(raw) {
  const text = String(raw ?? '').trim();
  if (text === '') return { value: null };
  if (ISO_LOCAL.test(text)) return { value: text };
  let m = /^(\d{1,2})\s*[:hH.]\s*(\d{2})$/.exec(text) || /^(\d{1,2})(\d{2})$/.exec(text);
  let hours, minutes;
  if (m) {
    hours = Number(m[1]);
    minutes = Number(m[2]);
  } else if ((m = /^(\d{1,2})\s*[hH]?$/.exec(text))) {
    hours = Number(m[1]);
    minutes = 0;
  } else {
    return { error: { key: 'error.time', params: { text } } };
  }
  if (minutes > 59) return { error: { key: 'error.time_minutes', params: { text } } };
  return { value: String(hours).padStart(2, '0') + ':' + String(minutes).padStart(2, '0') };
}

// "12:00-12:30, 19:00-19:30*" → {value: [{start, end}, {start, end, shot_in_progress: true}]}
export function parseMeals(raw) {
  const text = String(raw ?? '').trim();
  if (text === '') return { value: [] };
  const meals = [];
  const parts = text.split(/[,;]/).map((p) => p.trim());
  for (let i = 0; i < parts.length; i++) {
    const n = i + 1;
    let part = parts[i];
    if (part === '') return { error: { key: 'error.meal', params: { n, text: part } } };
    let shot = false;
    if (part.endsWith('*')) {
      shot = true;
      part = part.slice(0, -1).trim();
    }
    const ends = part.split(/\s*(?:-|–|—|\sà\s|\sto\s)\s*/i);
    if (ends.length !== 2 || ends[0] === '' || ends[1] === '') {
      return { error: { key: 'error.meal', params: { n, text: parts[i] } } };
    }
    const start = parseTime(ends[0]);
    const end = parseTime(ends[1]);
    for (const side of [start, end]) {
      if (side.error) return { error: { key: 'error.meal_time', params: { n }, inner: side.error } };
    }
    const meal = { start: start.value, end: end.value };
    if (shot) meal.shot_in_progress = true;
    meals.push(meal);
  }
  return { value: meals };
}

export function formatMeals(meals) {
  if (!Array.isArray(meals)) return '';
  return meals
    .map((m) => `${m.start ?? ''}-${m.end ?? ''}${m.shot_in_progress ? '*' : ''}`)
    .join(', ');
}

// The text fields of one grid cell → what to send: {action: 'none'|'delete'|'put', day} or
// {errors: {call?, wrap?, meals?}}. `saved` is the stored Day (or undefined); its other facts
// (location, per diem, approval…) are kept, since the grid does not edit them.
export function cellToDay(fields, saved) {
  const errors = {};
  const call = parseTime(fields.call);
  const wrap = parseTime(fields.wrap);
  const meals = parseMeals(fields.meals);
  if (call.error) errors.call = call.error;
  if (wrap.error) errors.wrap = wrap.error;
  if (meals.error) errors.meals = meals.error;
  if (Object.keys(errors).length) return { errors };

  const empty = call.value === null && wrap.value === null && meals.value.length === 0;
  if (empty) {
    // An unworked day (distant location, per diem only) has no times: leaving it empty keeps it.
    if (!saved || saved.worked === false) return { action: 'none' };
    return { action: 'delete' };
  }
  if (call.value === null) errors.call = { key: 'error.need_call', params: {} };
  if (wrap.value === null) errors.wrap = { key: 'error.need_wrap', params: {} };
  if (Object.keys(errors).length) return { errors };

  const day = { ...(saved || {}) };
  delete day.date;
  day.call = call.value;
  day.wrap = wrap.value;
  day.meals = meals.value;
  if (day.worked === false) delete day.worked; // times typed in: the day was worked
  if (saved && sameDay(day, saved)) return { action: 'none' };
  return { action: 'put', day };
}

function sameDay(a, b) {
  const norm = (d) => ({
    call: d.call ?? null,
    wrap: d.wrap ?? null,
    meals: (d.meals || []).map((m) => [m.start, m.end, !!m.shot_in_progress]),
    worked: d.worked !== false,
  });
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}
