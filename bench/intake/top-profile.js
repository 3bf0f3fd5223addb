#!/usr/bin/env node
// Self time by function from a V8 .cpuprofile (the API's, from `npm run bench:intake -- --cpu-prof`):
// node bench/intake/top-profile.js bench/intake/profiles/<file>.cpuprofile [top=25]
'use strict';
const fs = require('node:fs');
const [file, top = '25'] = process.argv.slice(2);
const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
const dt = new Map();
for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
const self = new Map();
let total = 0;
for (const node of prof.nodes) {
  const t = dt.get(node.id) ?? 0;
  total += t;
  const f = node.callFrame;
  const where = f.url ? `${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|src)\//, '$1/')}:${f.lineNumber + 1}` : '';
  const key = `${f.functionName || '(anonymous)'} ${where}`;
  self.set(key, (self.get(key) ?? 0) + t);
}
// By package too: where the time goes at a glance.
const byPackage = new Map();
for (const node of prof.nodes) {
  const url = node.callFrame.url;
  const pkg = !url ? node.callFrame.functionName || '(native)' : url.includes('node_modules/') ? url.split('node_modules/')[1].split('/').slice(0, url.includes('node_modules/@') ? 2 : 1).join('/') : url.startsWith('node:') ? 'node core' : 'app';
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + (dt.get(node.id) ?? 0));
}
const show = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log(`total ${(total / 1e6).toFixed(1)} s sampled\n\nby package:\n${show(byPackage, 15)}\n\nby function (self time):\n${show(self, Number(top))}`);
