#!/usr/bin/env bash
# The .ts files are current and complete: lupdate over the same sources as translations/CMakeLists.txt, run on a copy
# of each committed file, must change no message (a new, changed or vanished string means the file is stale); no entry
# may be unfinished, vanished or obsolete, empty, or a plural message short of its language's forms. Before checking
# the committed files it checks that the checker catches a stale copy, an unfinished entry and a missing plural form.
#   tests/translations/test_translations.sh SOURCE_DIR LUPDATE            (ctest: label `translations`)
#   tests/translations/test_translations.sh SOURCE_DIR LUPDATE --update   (refresh the committed .ts files)
# Exits 77 (skipped) when lupdate is not installed (Debian: qt6-l10n-tools).
set -uo pipefail
source_dir="${1:?usage: test_translations.sh SOURCE_DIR LUPDATE [--update]}"
lupdate="${2:-}"
[ -n "$lupdate" ] || lupdate=/usr/lib/qt6/bin/lupdate
# What lupdate scans: the ui/ sources, the GUI's main and the column names (QT_TRANSLATE_NOOP in the core).
sources=(ui app/gui core/query/eventcolumns.cpp)

if [ ! -x "$lupdate" ]; then
    echo "SKIP: lupdate not found at $lupdate (install qt6-l10n-tools)"
    exit 77
fi
cd "$source_dir" || exit 1
shopt -s nullglob
ts_files=(translations/*.ts)
[ ${#ts_files[@]} -gt 0 ] || { echo "FAIL: no translations/*.ts"; exit 1; }

if [ "${3:-}" = "--update" ]; then
    exec "$lupdate" -no-obsolete "${sources[@]}" -ts "${ts_files[@]}"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Plural forms a language's numerus messages carry (Qt's rules; the common ones, two otherwise).
forms_for() {
    case "${1%%_*}" in
    ja | zh | ko | vi | th | id | ms | tr) echo 1 ;;
    ru | uk | be | pl | cs | sk | hr | sr | bs | lt) echo 3 ;;
    *) echo 2 ;;
    esac
}

# check_ts FILE: prints each problem, returns non-zero when there is one.
check_ts() {
    local ts="$1" problems=0 refreshed="$work/refreshed.ts" lang forms
    cp "$ts" "$refreshed"
    if ! "$lupdate" -silent -no-obsolete "${sources[@]}" -ts "$refreshed" >"$work/lupdate.log" 2>&1; then
        cat "$work/lupdate.log"
        echo "  lupdate failed on $ts"
        return 1
    fi
    # Locations name the file relative to the .ts, which lives elsewhere here: compare everything but them.
    if ! diff -u <(grep -v '<location ' "$ts") <(grep -v '<location ' "$refreshed") >"$work/stale.diff"; then
        echo "  $ts is stale: lupdate changes it (run tests/translations/test_translations.sh . $lupdate --update" \
            "and translate the new messages):"
        head -40 "$work/stale.diff" | sed 's/^/    /'
        problems=1
    fi
    local unfinished
    unfinished="$(grep -c 'type="unfinished"\|type="vanished"\|type="obsolete"' "$ts")"
    if [ "$unfinished" -gt 0 ]; then
        echo "  $ts: $unfinished unfinished, vanished or obsolete entries, e.g.:"
        grep -B3 'type="unfinished"\|type="vanished"\|type="obsolete"' "$ts" | grep '<source>' | head -5 | sed 's/^/    /'
        problems=1
    fi
    lang="$(sed -n 's/.*<TS [^>]*language="\([^"]*\)".*/\1/p' "$ts" | head -1)"
    forms="$(forms_for "$lang")"
    # One record per message: numerus flag, empty translations, count of non-empty plural forms, the source.
    local bad
    bad="$(awk -v forms="$forms" '
        /<message/ { numerus = ($0 ~ /numerus="yes"/); n = 0; empty = 0; source = "" }
        /<source>/ { source = $0; sub(/^ *<source>/, "", source); sub(/<\/source>.*/, "", source) }
        /<numerusform>[^<]+<\/numerusform>/ { n++ }
        /<numerusform\/>|<numerusform><\/numerusform>/ { empty = 1 }
        /<translation( [^>]*)?\/>|<translation( [^>]*)?><\/translation>/ { empty = 1 }
        /<\/message>/ {
            if (empty) print "empty translation: " source
            else if (numerus && n != forms) print n " of " forms " plural forms: " source
        }' "$ts")"
    if [ -n "$bad" ]; then
        echo "  $ts:"
        echo "$bad" | head -10 | sed 's/^/    /'
        problems=1
    fi
    return $problems
}

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# The checker itself: three broken copies of the first file, each of which it must reject.
first="${ts_files[0]}"
selftest="$work/selftest"
mkdir -p "$selftest"
# A message dropped (as if its string were new in the sources).
awk '/<message/ && !done { skip = 1 } !skip { print } /<\/message>/ && skip { skip = 0; done = 1 }' "$first" \
    >"$selftest/stale.ts"
# A translation unfinished again.
sed '0,/<translation>[^<]/s/<translation>\([^<]\)/<translation type="unfinished">\1/' "$first" >"$selftest/unfinished.ts"
# A plural message with one form left.
awk '/<numerusform>/ && !done { done = 1; next } { print }' "$first" >"$selftest/plural.ts"
for broken in stale unfinished plural; do
    if cmp -s "$first" "$selftest/$broken.ts"; then
        fail "self-test: could not make a $broken copy of $first"
    elif check_ts "$selftest/$broken.ts" >"$work/selftest.log" 2>&1; then
        fail "self-test: the $broken copy of $first passes"
    else
        echo "ok: self-test rejects the $broken copy"
    fi
done

for ts in "${ts_files[@]}"; do
    messages="$(grep -c '<message' "$ts")"
    if check_ts "$ts"; then
        echo "ok: $ts is current and complete ($messages messages)"
    else
        fail "$ts"
    fi
done
[ $failures -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
