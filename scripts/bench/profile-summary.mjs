// Summarise a .cpuprofile (node --cpu-prof): self time per function and inclusive time of the
// top frames, to find where a benchmark spends its time.
//
//   node scripts/bench/profile-summary.mjs FILE.cpuprofile [--top 25]
import fs from 'node:fs';

const file = process.argv[2];
const topIdx = process.argv.indexOf('--top');
const TOP = topIdx > 0 ? Number(process.argv[topIdx + 1]) : 25;
const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0) / 1000);
const total = [...self.values()].reduce((a, b) => a + b, 0);
const label = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};
const selfBy = new Map();
const inclBy = new Map();
for (const [id, ms] of self) {
  const n = nodes.get(id);
  const l = label(n);
  selfBy.set(l, (selfBy.get(l) ?? 0) + ms);
  // Inclusive: every distinct label on the stack once.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const cl = label(nodes.get(cur));
    if (seen.has(cl)) continue;
    seen.add(cl);
    inclBy.set(cl, (inclBy.get(cl) ?? 0) + ms);
  }
}
const show = (title, m) => {
  console.log(`\n${title}`);
  for (const [l, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms.toFixed(1).padStart(9)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${l}`);
};
console.log(`${file}: ${total.toFixed(0)} ms sampled`);
show('self time', selfBy);
show('inclusive time', inclBy);
