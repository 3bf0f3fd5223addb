// Loaded into the API process with NODE_OPTIONS=--require: counts every query the pg driver sends
// (each pg Client#query is one round trip to PostgreSQL: pg does not pipeline). Every 100 ms the
// count is written to QUERY_COUNT_FILE, so the bench can take a count before and after N requests.
// (Not on a signal: Nest's enableShutdownHooks() shuts the app down on SIGUSR2.)
'use strict';
const fs = require('node:fs');
const pg = require('pg');

let queries = 0;
const byStatement = {};
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  queries++;
  const text = typeof args[0] === 'string' ? args[0] : (args[0]?.text ?? '?');
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
  byStatement[key] = (byStatement[key] ?? 0) + 1;
  return original.apply(this, args);
};
let written = -1;
if (process.env.QUERY_COUNT_FILE) {
  setInterval(() => {
    if (written === queries) return;
    written = queries;
    fs.writeFileSync(process.env.QUERY_COUNT_FILE, JSON.stringify({ queries, byStatement }));
  }, 100).unref();
}
