// The ajv side of spfkit's schema cross-check. It compiles every published
// schema with Ajv2020 in strict mode (formats asserted through
// ajv-formats), then gives every fixture the verdict ajv reaches and
// compares it with the verdict the Go tests require: valid fixtures valid,
// each negative case invalid with an error at the expected instance path.
// Usage: node check.mjs   (from this folder; exits 1 on any disagreement)
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const schemaDir = join(here, "..");
const testdata = join(schemaDir, "testdata");

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);

const kinds = readdirSync(schemaDir).filter((f) => f.endsWith(".schema.json")).map((f) => f.replace(".schema.json", "")).sort();
const validators = {};
for (const kind of kinds) {
  const schema = JSON.parse(readFileSync(join(schemaDir, `${kind}.schema.json`), "utf8"));
  ajv.addSchema(schema);
}
let passed = 0;
let failed = 0;
const fail = (msg) => { failed++; console.log(`FAIL ${msg}`); };

for (const kind of kinds) {
  try {
    validators[kind] = ajv.getSchema(`https://spfkit.github.io/schema/v1/${kind}.schema.json`);
    if (!validators[kind]) throw new Error("not registered");
    passed++;
  } catch (e) {
    fail(`${kind}: schema does not compile in strict mode: ${e.message}`);
  }
}

function pointerTokens(p) {
  return p === "" ? [] : p.slice(1).split("/").map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
}

function apply(doc, tokens, value, remove) {
  if (tokens.length === 0) return value;
  const [head, ...rest] = tokens;
  const key = Array.isArray(doc) ? Number(head) : head;
  if (rest.length === 0) {
    if (remove) {
      if (Array.isArray(doc)) doc.splice(key, 1); else delete doc[key];
    } else {
      doc[key] = value;
    }
    return doc;
  }
  doc[key] = apply(doc[key], rest, value, remove);
  return doc;
}

const load = (path) => JSON.parse(readFileSync(path, "utf8"));

for (const kind of kinds) {
  const validate = validators[kind];
  if (!validate) continue;
  const dir = join(testdata, kind);
  for (const f of readdirSync(join(dir, "valid")).filter((f) => f.endsWith(".json")).sort()) {
    if (validate(load(join(dir, "valid", f)))) passed++;
    else fail(`${kind}/valid/${f}: ajv says invalid: ${JSON.stringify(validate.errors)}`);
  }
  const manifest = join(dir, "invalid.json");
  const cases = existsSync(manifest) ? load(manifest) : [];
  for (const c of cases) {
    let doc;
    if (c.file) doc = load(join(dir, c.file));
    else doc = apply(load(join(dir, c.base)), pointerTokens(c.op.pointer), c.op.remove ? undefined : c.op.value, !!c.op.remove);
    if (validate(doc)) {
      fail(`${kind}: "${c.name}": ajv says valid, Go says invalid`);
      continue;
    }
    const at = validate.errors.some((e) => e.instancePath === c.expect.pointer && e.keyword === c.expect.keyword);
    if (at) passed++;
    else fail(`${kind}: "${c.name}": no ajv error ${c.expect.keyword} at "${c.expect.pointer}": ${JSON.stringify(validate.errors.map((e) => [e.instancePath, e.keyword]))}`);
  }
}

// Published data must pass as well.
const builtin = join(schemaDir, "..", "spf", "data", "directory.json");
if (validators["body-directory"]) {
  if (validators["body-directory"](load(builtin))) passed++;
  else fail(`spf/data/directory.json: ${JSON.stringify(validators["body-directory"].errors)}`);
}

console.log(`crosscheck: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
