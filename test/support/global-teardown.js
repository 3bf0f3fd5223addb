require('ts-node').register({ transpileOnly: true, swc: true, project: require('path').join(__dirname, '..', '..', 'tsconfig.json') });
const { rmSync } = require('node:fs');
const { documentFile } = require('./openapi-document');
const { dropTemplateDatabase } = require('./template-database');

module.exports = async () => {
  rmSync(documentFile(), { force: true });
  await dropTemplateDatabase();
};
