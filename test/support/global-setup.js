// Builds the template database once per run: every suite then clones it (CREATE DATABASE ... TEMPLATE).
// The run id keeps two concurrent runs on one server apart; workers inherit it from this process.
process.env.JEST_RUN_ID = process.env.JEST_RUN_ID || String(process.pid);
// SWC transpiles the migrations, as it does the suites (no type-check: `nest build` did it).
require('ts-node').register({ transpileOnly: true, swc: true, project: require('path').join(__dirname, '..', '..', 'tsconfig.json') });
const { buildDocumentInChild } = require('./openapi-document');
const { createTemplateDatabase } = require('./template-database');

module.exports = async () => {
  // Side by side: the migrations mostly wait on Postgres, the document is CPU in another process.
  await Promise.all([createTemplateDatabase(), buildDocumentInChild()]);
};
