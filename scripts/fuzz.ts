/**
 * `npm run fuzz` — every text function and `parseWrapUp` on seeded random inputs; prints the slowest call,
 * the largest memory growth during one input and the run's peak RSS. Exits 1 when a call threw.
 *
 *   --count 100000   inputs
 *   --seed 1         the same seed gives the same inputs
 *   --max-run 10000  longest run of one character in an input
 */
import { parseArgs } from "node:util";
import { runFuzz } from "../dev/fuzz-text.js";

const { values } = parseArgs({
  options: { count: { type: "string", default: "100000" }, seed: { type: "string", default: "1" }, "max-run": { type: "string", default: "10000" } },
});
const count = Number(values.count);
const started = performance.now();
const result = runFuzz({
  count,
  seed: Number(values.seed),
  maxRun: Number(values["max-run"]),
  onInput: (index) => {
    if ((index + 1) % 10_000 === 0) console.log(`${index + 1} inputs, ${Math.round((performance.now() - started) / 1000)} s`);
  },
});
const { slowest } = result;
console.log(`fuzz: ${result.inputs} inputs (seed ${values.seed}, runs up to ${values["max-run"]} characters) in ${Math.round((performance.now() - started) / 1000)} s`);
console.log(`max time per input: ${slowest.ms.toFixed(1)} ms (${slowest.fn} on input ${slowest.input}, ${slowest.length} characters)`);
console.log(`max memory per input: ${result.maxHeapMb.toFixed(1)} MB heap growth; peak RSS of the run ${Math.round(result.peakRssMb)} MB`);
console.log(`${result.thrown.length} call(s) threw`);
for (const t of result.thrown.slice(0, 10)) console.log(`  ${t.fn} on input ${t.input}: ${t.error}`);
process.exitCode = result.thrown.length > 0 ? 1 : 0;
