// Prints one closing line for CI, "tests: N passed, M failed", from the JSON reports npm test writes
// (unit and browser runs), so a run is judged by its counts and not by its exit code alone.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['.output/test-results/unit.json', '.output/test-results/e2e.json']) {
  if (!existsSync(file)) {
    console.error(`no test report at ${file}`);
    process.exitCode = 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed || passed === 0) process.exitCode = 1;
