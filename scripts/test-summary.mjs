// Adds up the runners' own JSON reports into one line: "N passed, N failed, N skipped".
// A run that executed no test, or lost a report, fails: it must not look green.
import { existsSync, readFileSync } from "node:fs";

const [vitestFile, playwrightFile] = process.argv.slice(2);
let passed = 0,
  failed = 0,
  skipped = 0;
const problems = [];

if (vitestFile && existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, "utf8"));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  console.log(
    `vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed, ${v.numPendingTests ?? 0} skipped (${v.numTotalTestSuites} suites)`,
  );
  if (v.numFailedTestSuites && !v.numFailedTests)
    problems.push(`${v.numFailedTestSuites} vitest file(s) failed to run`);
} else problems.push("no vitest report");

if (playwrightFile && existsSync(playwrightFile)) {
  const s = JSON.parse(readFileSync(playwrightFile, "utf8")).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  console.log(
    `playwright: ${s.expected ?? 0} passed, ${s.unexpected ?? 0} failed, ${s.flaky ?? 0} flaky, ${s.skipped ?? 0} skipped`,
  );
} else problems.push("no playwright report");

for (const p of problems) console.log(`problem: ${p}`);
if (passed === 0) problems.push("no test passed");
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
