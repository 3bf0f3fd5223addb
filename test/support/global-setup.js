// Builds the template database once per run: every suite then clones it (CREATE DATABASE ... TEMPLATE).
// The run id keeps two concurrent runs on one server apart; workers inherit it from this process.
process.env.JEST_RUN_ID = process.env.JEST_RUN_ID || String(process.pid);
require('ts-node').register({ transpileOnly: true, project: require('path').join(__dirname, '..', '..', 'tsconfig.json') });
module.exports = require('./template-database').createTemplateDatabase;
