// Sums the per-project summaries that `dotnet test` prints ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, ...")
// into the one closing line CI reads. A non-zero exit with no failed test counted (a crashed host, a project that
// never reported) still counts as a failure.
import { readFileSync } from 'node:fs';

const [logPath, exitCodeText] = process.argv.slice(2);
const log = readFileSync(logPath, 'utf8');
const summary = /(?:Passed|Failed)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+),\s+Skipped:\s+(\d+)/g;

let passed = 0, failed = 0, skipped = 0, projects = 0;
for (const m of log.matchAll(summary)) {
  failed += Number(m[1]);
  passed += Number(m[2]);
  skipped += Number(m[3]);
  projects++;
}
const exitCode = Number(exitCodeText);
if (exitCode !== 0 && failed === 0) failed = 1;
if (projects === 0 && failed === 0) failed = 1;

console.log(`test projects reporting: ${projects}`);
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(exitCode !== 0 || failed > 0 ? 1 : 0);
