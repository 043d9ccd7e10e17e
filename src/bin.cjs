// The CLI bundle's entry (dist/cli/app/index.cjs), started by the launcher (src/launcher.cjs).
// CommonJS so that the bundle is a classic script, whose compiled code Node 20 can cache (vm.Script
// cachedData); ESM has no such API before Node 22. The CLI itself is src/cli.ts.
const { main } = require("./cli.ts");

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // The launcher keeps the compiled code of runs that got this far.
  globalThis[Symbol.for("deploy-drift.cli.completed")] = true;
});
