// Prints where a process spent its CPU, from a `.cpuprofile` the bench wrote
// (`npm run bench -- --profile DIR`): `npx tsx bench/summarize-profile.ts FILE [TOP]`.
import { summarizeProfile } from './profile.ts';

const [file, top = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx bench/summarize-profile.ts FILE.cpuprofile [TOP]');
  process.exit(2);
}
const count = Number(top);
if (!Number.isInteger(count) || count <= 0) {
  console.error(`TOP must be a positive integer, not "${top}"`);
  process.exit(2);
}
const summary = await summarizeProfile(file, count);
const pct = (ms: number) => `${((ms / summary.activeMs) * 100).toFixed(1).padStart(5)}%`;
console.log(
  `busy ${summary.activeMs.toFixed(0)} ms; under node:crypto ${(summary.cryptoShare * 100).toFixed(1)}%`,
);
console.log('\nby category');
for (const [name, ms] of Object.entries(summary.categories))
  console.log(`${pct(ms)}  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
console.log('\ntop self time');
for (const entry of summary.top)
  console.log(
    `${pct(entry.selfMs)}  ${entry.selfMs.toFixed(0).padStart(7)} ms  ${entry.fn}  ${entry.where}`,
  );
