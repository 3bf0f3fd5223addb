// ts-jest wants a named, versioned transformer; this hands it the same swagger plugin `nest build` uses.
const plugin = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-plugin';
module.exports.version = 1;
module.exports.factory = (compiler) =>
  plugin.before({ classValidatorShim: true, introspectComments: true, dtoFileNameSuffix: ['.dto.ts'] }, compiler.program);
