#!/usr/bin/env bash
# Builds the .deb and .tar.gz with CPack from a finished build and checks them: the exact file list, the control
# fields, no RPATH, both programs' --version from the package, the man pages, the newest release in the metainfo and
# the changelog, and desktop-file-validate, appstreamcli validate and lintian (each skipped with a message where it is
# not installed: packaging/test.sh installs them).
#   tests/packaging/test_package.sh BUILD_DIR VERSION
set -uo pipefail
build="${1:?usage: test_package.sh BUILD_DIR VERSION}"
version="${2:?usage: test_package.sh BUILD_DIR VERSION}"
app_id=io.github.trailscope.Trailscope
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
skip() { echo "SKIP: $*"; }

if ! (cd "$build" && cpack -G "DEB;TGZ" -B "$work/out" >"$work/cpack.log" 2>&1); then
    cat "$work/cpack.log"
    echo "FAIL: cpack"
    exit 1
fi
deb="$(ls "$work"/out/trailscope_*.deb 2>/dev/null | head -1)"
tgz="$(ls "$work"/out/trailscope-*.tar.gz 2>/dev/null | head -1)"
[ -f "$deb" ] || { echo "FAIL: no .deb in $(ls "$work/out")"; exit 1; }
[ -f "$tgz" ] || fail "no .tar.gz"
arch="$(dpkg --print-architecture)"
[ "$(basename "$deb")" = "trailscope_${version}_${arch}.deb" ] && ok "file name $(basename "$deb")" ||
    fail "file name $(basename "$deb"), expected trailscope_${version}_${arch}.deb"

# Every file the package installs, and nothing else (no libraries, headers, tests or build-tree paths).
expected="$work/expected" actual="$work/actual"
{
    printf '%s\n' ./usr/bin/trailscope ./usr/bin/trailscope-cli \
        "./usr/share/applications/$app_id.desktop" "./usr/share/metainfo/$app_id.metainfo.xml" \
        "./usr/share/mime/packages/$app_id.xml" "./usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
        ./usr/share/man/man1/trailscope.1.gz ./usr/share/man/man1/trailscope-cli.1.gz \
        ./usr/share/trailscope/sample/sample-trail.tar.gz ./usr/share/trailscope/sample/README.md \
        ./usr/share/trailscope/translations/trailscope_de.qm \
        ./usr/share/doc/trailscope/copyright ./usr/share/doc/trailscope/changelog.gz
    for size in 16 22 24 32 48 64 128 256 512; do
        echo "./usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    done
} | sort >"$expected"
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $6 }' | sort >"$actual"
if diff -u "$expected" "$actual" >"$work/files.diff"; then
    ok "file list ($(wc -l <"$actual") files)"
else
    fail "file list differs (- expected, + in the package):"
    cat "$work/files.diff"
fi
owners="$(dpkg-deb -c "$deb" | awk '{ print $2 }' | sort -u)"
[ "$owners" = root/root ] && ok "owned by root" || fail "owners: $owners"

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = trailscope ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] && ok "Version $version" || fail "Version: $(field Version), expected $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
[[ "$(field Maintainer)" =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]] && ok "Maintainer $(field Maintainer)" ||
    fail "Maintainer is not 'Name <address>': $(field Maintainer)"
[ "$(field Section)" = utils ] || fail "Section: $(field Section)"
[[ "$(field Homepage)" =~ ^https:// ]] || fail "Homepage: $(field Homepage)"
[ "$(field Description | wc -l)" -ge 3 ] || fail "Description has no extended part"
depends="$(field Depends)"
for library in libc6 libqt6core6 libqt6widgets6 libqt6charts6 libsqlite3-0 libarchive13 libzstd1 fonts-dejavu-core; do
    [[ "$depends" =~ (^|, )$library[\ ,] || "$depends" =~ (^|, )$library$ ]] || fail "Depends lacks $library: $depends"
done
ok "Depends: $depends"

# The programs as packaged: no RPATH, and they run from the extracted tree (their libraries are the system's).
root="$work/root"
dpkg-deb -x "$deb" "$root"
for program in trailscope trailscope-cli; do
    if readelf -d "$root/usr/bin/$program" | grep -Eq 'R(UN)?PATH'; then
        fail "$program has an RPATH: $(readelf -d "$root/usr/bin/$program" | grep -E 'R(UN)?PATH')"
    else
        ok "$program has no RPATH"
    fi
    [[ "$(file -b "$root/usr/bin/$program")" == *"not stripped"* ]] && fail "$program is not stripped"
    printed="$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/$program" --version 2>&1)"
    [ "$printed" = "$program $version" ] && ok "$program --version" || fail "$program --version printed '$printed'"
    help="$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/$program" --help 2>&1)"
    grep -q '^Usage: ' <<<"$help" && ok "$program --help" || fail "$program --help printed '$help'"
    page="$(zcat "$root/usr/share/man/man1/$program.1.gz")"
    grep -Eqi "^\.TH \"?${program}\"? \"?1\"?" <<<"$page" && grep -q '^\.SH OPTIONS\|^\.SS "Commands:"\|Commands:' <<<"$page" &&
        ok "man page of $program" || fail "man page of $program lacks its .TH line or its options"
done

# The newest release named in the metainfo and the changelog is this version.
metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
newest="$(grep -o '<release version="[^"]*"' "$metainfo" | head -1 | cut -d'"' -f2)"
[ "$newest" = "$version" ] && ok "metainfo release $newest" || fail "metainfo's newest release is $newest, not $version"
changelog="$(zcat "$root/usr/share/doc/trailscope/changelog.gz" | head -1)"
[[ "$changelog" == "trailscope ($version) "* ]] && ok "changelog $version" || fail "changelog starts '$changelog'"
grep -q "^MimeType=application/x-trailscope-case;$" "$root/usr/share/applications/$app_id.desktop" ||
    fail "the .desktop file does not open case files"
grep -q '<glob pattern="\*.tscase"/>' "$root/usr/share/mime/packages/$app_id.xml" || fail "no *.tscase glob"

# The .tar.gz holds the same tree under its top folder.
if [ -f "$tgz" ]; then
    top="$(basename "$tgz" .tar.gz)"
    tar -tzf "$tgz" | sed -n "s|^$top/||p" | grep -v '/$' | sort >"$work/tgz"
    sed 's|^\./usr/||' "$expected" | sort | diff -u - "$work/tgz" >"$work/tgz.diff" && ok "tar.gz file list" ||
        { fail "tar.gz file list differs:"; cat "$work/tgz.diff"; }
fi

# The validators, where installed.
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/$app_id.desktop" && ok "desktop-file-validate" ||
        fail "desktop-file-validate"
else
    skip "desktop-file-validate not installed (Debian: desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net --pedantic "$metainfo" && ok "appstreamcli validate" ||
        fail "appstreamcli validate"
else
    skip "appstreamcli not installed (Debian: appstream)"
fi
if command -v xmllint >/dev/null; then
    xmllint --noout "$root/usr/share/mime/packages/$app_id.xml" && ok "MIME XML well-formed" || fail "MIME XML"
fi
if command -v lintian >/dev/null; then
    # Errors fail the test; warnings are printed for the reader.
    lintian --tag-display-limit 0 --fail-on error "$deb" && ok "lintian: no errors" || fail "lintian reports errors"
else
    skip "lintian not installed (Debian: lintian)"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "the package passes"
