import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { AppLogger } from './app-logger';
import { RequestLogMiddleware, RequestWithId } from './request-log.middleware';
import { createRootLogger } from './root-logger';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const pino = createRootLogger(level, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { pino, lines };
}

describe('AppLogger', () => {
  it('logs an object message with its fields, the message and the context', () => {
    const { pino, lines } = capture();
    new AppLogger(pino).warn({ errorId: 'e1' }, 'database unavailable', 'Errors');
    expect(lines[0]).toMatchObject({ level: 40, errorId: 'e1', msg: 'database unavailable', context: 'Errors' });
  });

  it('keeps the stack Nest passes to error() after a string message', () => {
    const { pino, lines } = capture();
    new AppLogger(pino).error('failed', 'Error: x\n    at y', 'Worker');
    expect(lines[0]).toMatchObject({ level: 50, msg: 'failed', stack: 'Error: x\n    at y', context: 'Worker' });
  });

  it('redacts personal data passed by mistake', () => {
    const { pino, lines } = capture();
    new AppLogger(pino).log({ applicant: { iin: '921029350851' }, visitor: { fullName: 'Серик' } }, 'oops');
    expect(JSON.stringify(lines[0])).not.toMatch(/921029350851|Серик/);
  });

  it('writes nothing below the level', () => {
    const { pino, lines } = capture('warn');
    new AppLogger(pino).log('hello');
    expect(lines).toHaveLength(0);
  });
});

describe('RequestLogMiddleware', () => {
  function request(headers: Record<string, string>, url: string): { req: Request; res: Response & EventEmitter; header: () => unknown } {
    const res = Object.assign(new EventEmitter(), {
      statusCode: 200,
      writableFinished: true,
      headers: {} as Record<string, unknown>,
      setHeader(name: string, value: unknown) {
        this.headers[name] = value;
      },
    });
    return { req: { headers, method: 'GET', originalUrl: url } as unknown as Request, res: res as unknown as Response & EventEmitter, header: () => res.headers['X-Request-Id'] };
  }

  it('logs the path without the query string, with the client request id, once the response is done', () => {
    const { pino, lines } = capture();
    const { req, res, header } = request({ 'x-request-id': 'abc-123' }, '/api/v1/portal/appeals/ALA-2026-000001?trackingCode=SECRET');
    const next = jest.fn() as NextFunction;
    new RequestLogMiddleware(pino).use(req, res, next);
    expect(next).toHaveBeenCalled();
    expect(header()).toBe('abc-123');
    expect((req as RequestWithId).id).toBe('abc-123');
    res.statusCode = 404;
    res.emit('close');
    expect(lines[0]).toMatchObject({ level: 40, req: { id: 'abc-123', method: 'GET', path: '/api/v1/portal/appeals/ALA-2026-000001' }, res: { statusCode: 404 } });
    expect(JSON.stringify(lines[0])).not.toContain('SECRET');
  });

  it('replaces a request id that is not sane with a new one', () => {
    const { pino } = capture();
    const { req, res, header } = request({ 'x-request-id': 'bad id with spaces and\nnewline' }, '/api/v1/health');
    new RequestLogMiddleware(pino).use(req, res, jest.fn());
    expect(header()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
