// The ajv side of the validate benchmark: streams an NDJSON file line by
// line, validates each record against one spfkit schema with Ajv2020 and
// ajv-formats (formats asserted, all errors, as spfkit does), and prints the
// record count, the invalid line numbers to a file and the rate.
// Usage: node bench-ndjson.mjs KIND FILE INVALID_LINES_OUT
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const [kind, file, out] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(here, "..", `${kind}.schema.json`), "utf8")));

const t0 = process.hrtime.bigint();
let records = 0;
let line = 0;
const invalid = [];
const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
for await (const text of rl) {
  line++;
  if (text.trim() === "") continue;
  records++;
  let ok = false;
  try {
    ok = validate(JSON.parse(text));
  } catch {
    ok = false;
  }
  if (!ok) invalid.push(line);
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
writeFileSync(out, invalid.join("\n") + "\n");
console.log(`ajv: ${records} records, ${invalid.length} invalid, ${secs.toFixed(2)} s, ${Math.round(records / secs)} records/s`);
