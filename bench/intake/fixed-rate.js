// A true open-loop load generator: request i is sent at start + i/rate whatever the answers, over
// keep-alive sockets opened as needed, and its latency counts from that intended moment, so a
// stalled server or a late generator shows in the figures (no coordinated omission).
// autocannon's overallRate is not this: each connection sends its share of a second back to back
// and then waits for the next second, so requests arrive in bursts at every second boundary.
'use strict';
const http = require('node:http');
const { performance } = require('node:perf_hooks');

const REQUEST_TIMEOUT_MS = 10_000;

/** Sends rate × duration POSTs of nextBody() to url at a fixed rate; resolves when all have answered. */
async function fixedRate({ url, token, nextBody, rate, duration }) {
  const target = new URL(url);
  // Idle sockets are dropped before the server's 5 s keep-alive timeout, so none is reused as the server closes it.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: 4_000 });
  const total = Math.round(rate * duration);
  const latencies = [];
  const counts = { sent: 0, ok: 0, non2xx: 0, errors: 0, timeouts: 0 };
  const statuses = {};
  const errorKinds = {};
  const worstBySecond = [];
  const pending = new Set();
  const start = performance.now();

  const fire = (intended) => {
    const body = JSON.stringify(nextBody());
    const done = new Promise((resolve) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
          timeout: REQUEST_TIMEOUT_MS,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            if (res.statusCode >= 200 && res.statusCode < 300) {
              counts.ok++;
              latencies.push(performance.now() - intended);
              const second = Math.floor((intended - start) / 1000);
              worstBySecond[second] = Math.max(worstBySecond[second] ?? 0, Math.round(performance.now() - intended));
            } else {
              counts.non2xx++;
            }
            resolve();
          });
        },
      );
      req.on('timeout', () => {
        counts.timeouts++;
        req.destroy(new Error('timeout'));
      });
      req.on('error', (err) => {
        if (err.message !== 'timeout') {
          counts.errors++;
          errorKinds[err.code ?? err.message] = (errorKinds[err.code ?? err.message] ?? 0) + 1;
        }
        resolve();
      });
      req.end(body);
    });
    pending.add(done);
    done.then(() => pending.delete(done));
  };

  await new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      while (counts.sent < due) fire(start + (counts.sent++ * 1000) / rate);
      if (counts.sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  const sendingSeconds = (performance.now() - start) / 1000;
  await Promise.all(pending);
  const elapsedSeconds = (performance.now() - start) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const q = (p) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 10) / 10 : null);
  return {
    ...counts,
    statuses,
    errorKinds,
    worstMsBySecond: worstBySecond.join(' '),
    sendingSeconds: +sendingSeconds.toFixed(2),
    elapsedSeconds: +elapsedSeconds.toFixed(2),
    achievedRps: Math.round(counts.ok / elapsedSeconds),
    latencyMs: { p50: q(0.5), p90: q(0.9), p99: q(0.99), p999: q(0.999), max: q(1) },
  };
}

module.exports = { fixedRate };
