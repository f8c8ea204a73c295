#!/usr/bin/env bash
# Compare veil with Hugo on generated sites, side by side.
#
#   bench/compare.sh [-r RUNS] [-s "1000 10000"] [-w WORKDIR] [-W]
#
# Builds ./cmd/veil, generates each site size with gen_corpus.py (GEN_CORPUS,
# or ../shared/bench/gen_corpus.py beside the checkout, or
# /work/shared/bench/gen_corpus.py) once into WORKDIR, then builds each site
# RUNS times with Hugo (when `hugo` is installed) and veil alternately, cold
# (output and caches removed before each build), and prints for each tool
# the median wall time, CPU time (user + system) and peak resident memory
# (/usr/bin/time),
# the time per post, and veil/Hugo. Last, the median wall time of 20 runs of
# `veil deid` on one paragraph (start-up).
#
# Old outputs are moved aside into WORKDIR/trash, not deleted, before each
# build, and the trash is deleted when the script ends: on ext4 without a
# journal (as on the machines this was written on), for some minutes after
# files are deleted every new file's inode allocation first steps past
# each recently deleted inode of its group, which added up to half a second
# to whichever build came next, depending on what was deleted before it.
#
# -W times warm veil builds instead (issue 10: nothing changed since the
# last build): veil builds each site once, untimed, then every timed veil
# build keeps the output folder and .veil/cache. Hugo's builds stay full. The machines this runs on are
# shared and noisy: compare the ratio of runs made together, not seconds
# across days.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
sizes="1000 10000"
work=${TMPDIR:-/tmp}/veil-compare
warm=0
while getopts r:s:w:W opt; do
  case $opt in
    r) runs=$OPTARG ;;
    s) sizes=$OPTARG ;;
    w) work=$OPTARG ;;
    W) warm=1 ;;
    *) echo "usage: $0 [-r RUNS] [-s SIZES] [-w WORKDIR] [-W]" >&2; exit 2 ;;
  esac
done
gen=${GEN_CORPUS:-}
if [ -z "$gen" ]; then
  for g in ../shared/bench/gen_corpus.py /work/shared/bench/gen_corpus.py; do
    if [ -f "$g" ]; then gen=$g; break; fi
  done
fi
[ -f "$gen" ] || { echo "compare: gen_corpus.py not found; set GEN_CORPUS" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "compare: /usr/bin/time is needed (Debian: apt-get install time)" >&2; exit 2; }
mkdir -p "$work"
rm -rf "$work/trash"
mkdir -p "$work/trash"
trap 'rm -rf "$work/trash"' EXIT
# aside PATH...: moves each existing PATH into the trash (a rename: nothing
# is deleted, so the next build's new files are not slowed; see above).
aside() {
  local p
  for p in "$@"; do
    if [ -e "$p" ]; then mv "$p" "$(mktemp -d "$work/trash/XXXXXX")/"; fi
  done
}
go build -o "$work/veil" ./cmd/veil
hugo=$(command -v hugo || true)
[ -n "$hugo" ] || echo "hugo not installed: timing veil alone (Debian: apt-get install hugo)"

# measure NAME DIR CMD...: runs CMD in DIR and appends "ms peakKiB cpu-s" to
# $work/NAME.times; a failed build stops the script.
measure() {
  local name=$1 dir=$2
  shift 2
  local t0 t1
  t0=$(date +%s%N)
  (cd "$dir" && /usr/bin/time -f '%M %U %S' -o "$work/mem" "$@" >"$work/$name.log" 2>&1) || {
    echo "compare: $name failed; see $work/$name.log" >&2
    exit 1
  }
  t1=$(date +%s%N)
  read -r mem user sys <"$work/mem"
  echo "$(( (t1 - t0) / 1000000 )) $mem $(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" >>"$work/$name.times"
}

# median FILE COLUMN
median() { sort -n -k"$2" "$1" | awk -v c="$2" '{v[NR]=$c} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

[ "$warm" = 1 ] && echo "veil: warm builds (built once before the timed runs); hugo: full builds"
printf '%-7s %-5s %10s %10s %10s %12s %8s %8s\n' posts tool "wall s" "CPU s" "peak MiB" "ms/post" "/hugo" "CPU/hugo"
for n in $sizes; do
  site=$work/site$n
  [ -d "$site/content" ] || python3 "$gen" --posts "$n" --out "$site" --force >/dev/null
  rm -f "$work/hugo$n.times" "$work/veil$n.times"
  if [ "$warm" = 1 ]; then
    aside "$work/out-veil$n" "$site/.veil/cache"
    measure "veil$n-cold" "$site" "$work/veil" build --quiet -s . -d "$work/out-veil$n"
  fi
  for ((i = 0; i < runs; i++)); do
    if [ -n "$hugo" ]; then
      aside "$work/out-hugo$n" "$work/hugo-cache"
      measure "hugo$n" "$site" "$hugo" --quiet -d "$work/out-hugo$n" --cacheDir "$work/hugo-cache"
    fi
    [ "$warm" = 1 ] || aside "$work/out-veil$n" "$site/.veil/cache"
    measure "veil$n" "$site" "$work/veil" build --quiet -s . -d "$work/out-veil$n"
  done
  vw=$(median "$work/veil$n.times" 1)
  if [ -n "$hugo" ]; then
    hw=$(median "$work/hugo$n.times" 1) hc=$(median "$work/hugo$n.times" 3)
    awk -v n="$n" -v w="$hw" -v m="$(median "$work/hugo$n.times" 2)" -v c="$(median "$work/hugo$n.times" 3)" \
      'BEGIN {printf "%-7s %-5s %10.2f %10.2f %10.0f %12.2f\n", n, "hugo", w/1000, c, m/1024, w/n}'
  fi
  awk -v n="$n" -v w="$vw" -v m="$(median "$work/veil$n.times" 2)" -v c="$(median "$work/veil$n.times" 3)" -v h="${hw:-0}" -v hc="${hc:-0}" \
    'BEGIN {printf "%-7s %-5s %10.2f %10.2f %10.0f %12.2f", n, "veil", w/1000, c, m/1024, w/n; if (h > 0) printf " %7.2fx %7.2fx", w/h, c/hc; printf "\n"}'
done

# Start-up: veil deid on one paragraph (invented), 20 runs.
mkdir -p "$work/deid/.veil"
cat >"$work/para.md" <<'TXT'
This afternoon I sat with Rosalind Achterberg, 58, a bus driver from Kettleby, who came to the clinic on 12 May 2022 after her brother Tomasz phoned Pinewood Lodge.
TXT
rm -f "$work/startup.times"
for ((i = 0; i < 20; i++)); do
  measure startup "$work/deid" "$work/veil" deid -s . "$work/para.md"
done
awk -v w="$(median "$work/startup.times" 1)" -v m="$(median "$work/startup.times" 2)" \
  -v c="$(median "$work/startup.times" 3)" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
  'BEGIN {printf "veil deid, one paragraph: %d ms median wall of 20 (%.0f ms CPU), %.0f MiB peak; load average %s\n", w, c*1000, m/1024, l}'
