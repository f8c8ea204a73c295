#!/usr/bin/env bash
# Write the de-identified dev output of one commit (default: the working tree)
# to OUTDIR, one file per dev set, with a fixed key, so that a change meant to
# keep the output byte-identical can be checked:
#   scripts/devout.sh /tmp/before main      # a commit, built in a scratch tree
#   scripts/devout.sh /tmp/after            # the working tree
#   diff -r /tmp/before /tmp/after && echo identical
set -euo pipefail
out=${1:?usage: scripts/devout.sh OUTDIR [COMMIT]}
rev=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
eval_dir=${EVAL_DIR:-/work/shared/eval}
tmp=$(mktemp -d)
trap 'if [ -n "$rev" ]; then git -C "$root" worktree remove --force "$tmp/src" 2>/dev/null || true; fi; rm -rf "$tmp"' EXIT
src=$root
if [ -n "$rev" ]; then
  git -C "$root" worktree add -q --detach "$tmp/src" "$rev"
  src=$tmp/src
fi
(cd "$src" && go build -o "$tmp/veil" ./cmd/veil)
mkdir -p "$tmp/site/.veil" "$out"
printf '%s\n' 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f > "$tmp/site/.veil/key"
for f in "$eval_dir"/dev/*.jsonl; do
  "$tmp/veil" deid --jsonl -s "$tmp/site" < "$f" > "$out/$(basename "$f")"
done
md5sum "$out"/*.jsonl
