#!/usr/bin/env bash
# Make cmd/veil/default.pgo: the CPU profile that `go build` (and `go run`,
# `go install`) of ./cmd/veil uses for profile-guided optimisation
# (-pgo=auto): the compiler inlines and devirtualises the calls that the
# profile shows hot. It changes how fast veil runs, never what it does: a
# build with and without it gives the same bytes (see PERFORMANCE.md,
# "Profile-guided optimisation").
#
#   scripts/pgo.sh            # writes cmd/veil/default.pgo
#
# The profile is of veil's real work, with a binary built without a
# profile: three cold builds of a generated 1,000-post site (its own seed,
# not the benchmark's site), a build of the repository's sample site, and
# `veil deid --jsonl` over the training texts of ../shared/eval/train when
# they are there. Run it again after large changes to the hot code; an
# old profile still works, it only helps less.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
gen=${GEN_CORPUS:-}
if [ -z "$gen" ]; then
  for g in ../shared/bench/gen_corpus.py /work/shared/bench/gen_corpus.py; do
    if [ -f "$g" ]; then gen=$g; break; fi
  done
fi
[ -f "$gen" ] || { echo "pgo: gen_corpus.py not found; set GEN_CORPUS" >&2; exit 2; }
train=${TRAIN_DIR:-$(dirname "$gen")/../eval/train}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -pgo=off -o "$tmp/veil" ./cmd/veil
python3 "$gen" --posts 1000 --seed 20261206 --out "$tmp/site" >/dev/null
log=$tmp/log
# run CMD...: its messages go to the log, shown if it fails; what it
# writes on stdout (a build's summary, deid's JSON) is not needed.
run() { "$@" >/dev/null 2>>"$log" || { cat "$log" >&2; echo "pgo: $* failed" >&2; exit 1; }; }
for i in 1 2 3; do
  rm -rf "$tmp/site/.veil/cache" "$tmp/out"
  run "$tmp/veil" build --quiet --cpuprofile "$tmp/build$i.pprof" -s "$tmp/site" -d "$tmp/out"
done
# The sample site, copied so that its cache starts empty and the checkout
# is left as it is.
mkdir -p "$tmp/sample"
cp -R content theme config.yaml "$tmp/sample/"
run "$tmp/veil" build --quiet --cpuprofile "$tmp/sample.pprof" -s "$tmp/sample" -d "$tmp/sample-out"
if compgen -G "$train/*.jsonl" >/dev/null; then
  cat "$train"/*.jsonl | run "$tmp/veil" deid --jsonl --cpuprofile "$tmp/train.pprof" -s "$tmp/site"
fi
go tool pprof -proto "$tmp"/*.pprof >"$tmp/default.pgo"
mv "$tmp/default.pgo" cmd/veil/default.pgo
echo "pgo: wrote cmd/veil/default.pgo ($(wc -c <cmd/veil/default.pgo) bytes) from $(ls "$tmp"/*.pprof | wc -l) profiles"
