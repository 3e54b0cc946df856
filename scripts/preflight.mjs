// Fieldbook needs Node 22 or newer: better-sqlite3's prebuilt Node-API binary
// crashes on older Node. Say so in one line instead of a segfault.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `Fieldbook needs Node 22 or newer; this is Node ${process.versions.node}. ` +
      'Install Node 22 LTS, or on Linux x64 run: source scripts/use-node22.sh (see docs/development.md).',
  );
  process.exit(1);
}
