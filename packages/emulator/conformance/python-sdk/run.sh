#!/bin/sh
# Runs check.py with each Python SDK tree given as an argument against a fresh emulator CLI.
# usage: sh run.sh /tmp/pysdk-v1.7 /tmp/pysdk-v2.0.5   (see README.md for how to get the trees)
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
cd "$root" && pnpm turbo run build --filter=@wx/emulator >/dev/null
out=$(mktemp)
node packages/emulator/dist/cli.js --port 0 --json > "$out" & emu=$!
trap 'kill $emu' EXIT
sleep 1.5
url=$(/usr/bin/python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['url'])" "$out")
for tree in "$@"; do
  result=$(mktemp)
  if PYTHONPATH="$tree:$tree/src" /usr/bin/python3 "$here/check.py" "$url" > "$result" 2>&1; then
    echo "$tree: $(tail -1 "$result")"
  else
    echo "$tree: FAILED, see $result"
  fi
done
