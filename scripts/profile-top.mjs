// Summarises a .cpuprofile (V8 sampling profile, as bench:responsiveness writes with ZHDOC_BENCH_PROFILE):
// the longest stretches of samples without an idle sample (the event loop's blocks), and for the longest ones
// the functions that took their time, self and inclusive.
// Usage: node scripts/profile-top.mjs file.cpuprofile [blocks=3] [rows=25]
import { readFileSync } from 'node:fs';

const [file, blocksArg = '3', rowsArg = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => {
  const f = n.callFrame;
  const url = f.url ? f.url.replace(/^.*[\\/]/, '') : '';
  return `${f.functionName || '(anonymous)'} ${url}:${f.lineNumber + 1}`;
};
const idle = (id) => ['(idle)', '(program)', '(garbage collector)'].includes(nodes.get(id).callFrame.functionName) && nodes.get(id).callFrame.functionName === '(idle)';
// Sample times.
const times = [];
let t = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  times.push(t);
}
// Blocks: maximal runs of non-idle samples.
const blocks = [];
let start = -1;
for (let i = 0; i < profile.samples.length; i++) {
  if (!idle(profile.samples[i])) {
    if (start < 0) start = i;
  } else if (start >= 0) {
    blocks.push([start, i]);
    start = -1;
  }
}
if (start >= 0) blocks.push([start, profile.samples.length]);
blocks.sort((a, b) => times[b[1] - 1] - times[b[0]] - (times[a[1] - 1] - times[a[0]]));
const total = (profile.endTime - profile.startTime) / 1000;
const busy = profile.samples.reduce((n, s, i) => n + (idle(s) ? 0 : profile.timeDeltas[i + 1] ?? 0), 0) / 1000;
console.log(`${file}: ${total.toFixed(0)} ms profiled, ${busy.toFixed(0)} ms busy`);
for (const [a, b] of blocks.slice(0, Number(blocksArg))) {
  const ms = (times[b - 1] - times[a]) / 1000;
  console.log(`\nblock of ${ms.toFixed(1)} ms at +${((times[a] - profile.startTime) / 1000).toFixed(0)} ms`);
  const self = new Map();
  const incl = new Map();
  for (let i = a; i < b; i++) {
    const dt = (times[i + 1] ?? times[i]) - times[i];
    let id = profile.samples[i];
    const k = name(nodes.get(id));
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set();
    while (id !== undefined) {
      const kk = name(nodes.get(id));
      if (!seen.has(kk)) {
        seen.add(kk);
        incl.set(kk, (incl.get(kk) ?? 0) + dt);
      }
      id = parent.get(id);
    }
  }
  const rows = Number(rowsArg);
  console.log('  self:');
  for (const [k, v] of [...self].sort((x, y) => y[1] - x[1]).slice(0, rows)) console.log(`    ${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  console.log('  inclusive:');
  for (const [k, v] of [...incl].sort((x, y) => y[1] - x[1]).slice(0, rows)) console.log(`    ${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}
