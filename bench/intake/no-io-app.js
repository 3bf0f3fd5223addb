// Baseline 1: the same Nest 11 / Express platform, body parser, global prefix, ValidationPipe and
// StaffAppealInput DTO as the real POST /api/v1/appeals, with a controller that validates and answers
// an Appeal-shaped body without any I/O (no auth, no database, no logger). Run: PORT=... node no-io-app.js
'use strict';
require('reflect-metadata');
const path = require('node:path');
const dist = path.resolve(__dirname, '..', '..', 'dist', 'src');
const { Body, Controller, HttpCode, Module, Post } = require('@nestjs/common');
const { APP_FILTER, APP_PIPE, NestFactory } = require('@nestjs/core');
const express = require('express');
const { randomUUID } = require('node:crypto');
const { createValidationPipe } = require(path.join(dist, 'common/validation/validation-pipe'));
const { StaffAppealInput } = require(path.join(dist, 'intake/appeal-input.dto'));
const { AllExceptionsFilter } = require(path.join(dist, 'common/errors/all-exceptions.filter'));
const { API_PREFIX, BODY_LIMIT } = require(path.join(dist, 'app-setup'));

let seq = 0;
class NoIoController {
  create(body) {
    const now = new Date().toISOString();
    return {
      id: randomUUID(), number: `BNC-2026-${String(++seq).padStart(6, '0')}`, channel: body.channel, type: body.type, status: 'routed',
      outcome: null, categoryId: body.categoryId, branchId: body.branchId, agencyId: null, subject: body.subject, text: body.text,
      language: body.language, anonymous: body.anonymous ?? false, collective: body.collective ?? null, applicant: body.applicant ?? null,
      receivedAt: now, registeredAt: now, dueDate: '2026-12-31', deadlineState: 'on_track', answeredAt: null, closedAt: null,
      receptionId: null, callId: null, repeatOfId: null, version: 1,
    };
  }
}
Reflect.defineMetadata('design:paramtypes', [StaffAppealInput], NoIoController.prototype, 'create');
Body()(NoIoController.prototype, 'create', 0);
const descriptor = Object.getOwnPropertyDescriptor(NoIoController.prototype, 'create');
Post()(NoIoController.prototype, 'create', descriptor);
HttpCode(201)(NoIoController.prototype, 'create', descriptor);
Controller('appeals')(NoIoController);

class NoIoModule {}
Module({ controllers: [NoIoController], providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }, { provide: APP_FILTER, useClass: AllExceptionsFilter }] })(NoIoModule);

(async () => {
  const app = await NestFactory.create(NoIoModule, { bodyParser: false, logger: ['error'] });
  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();
  // The bench waits for 200 on this path, as for the real API.
  app.use('/api/v1/health', (_req, res) => res.json({ status: 'ok' }));
  await app.listen(Number(process.env.PORT ?? 3999));
})();
