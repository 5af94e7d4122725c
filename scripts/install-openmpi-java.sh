#!/usr/bin/env bash
# Installs Open MPI from the OS packages and provides its Java bindings to Maven:
#   1. apt: openmpi-bin and the library package that carries libmpi_java.so (libopenmpi3 on Debian 12);
#   2. the Java sources of exactly the installed version, from the distribution's `openmpi` source package
#      (a deb-src entry for the same mirror and suite is added in its own file under /etc/apt/sources.list.d/);
#   3. javac --release 17 → mpi-<version>.jar (+ sources jar), installed into the local Maven repository
#      as org.open-mpi:mpi:<version>, which hybridta-mpi depends on.
# Idempotent: when mpirun, libmpi_java.so and the jar are all present it changes nothing and takes well
# under a second. Non-interactive. Needs root (or password-less sudo) only for the apt steps.
# Works on Debian 12 and Ubuntu 24.04 (apt, deb822 or one-line sources); see docs/mpi.md for other systems.
set -euo pipefail

GROUP_ID=org.open-mpi
ARTIFACT_ID=mpi
M2_REPO="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
SRC_LIST=/etc/apt/sources.list.d/hybridta-openmpi-src.sources
ROOT_POM="$(cd "$(dirname "$0")/.." && pwd)/pom.xml"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# Open MPI's version from mpirun, e.g. 4.1.4; empty when there is no Open MPI mpirun on PATH.
ompi_version() {
    command -v mpirun >/dev/null 2>&1 || return 0
    mpirun --version 2>/dev/null | sed -n 's/^mpirun (Open MPI) \([0-9][0-9.]*\).*/\1/p' | head -n 1
}

# Path of libmpi_java.so* known to the dynamic linker (or in Open MPI's usual Debian/Ubuntu dirs); empty if none.
java_lib() {
    local found
    found="$(ldconfig -p 2>/dev/null | sed -n 's/.*libmpi_java\.so[.0-9]* .*=> \(.*\)$/\1/p' | head -n 1)"
    if [[ -z "$found" ]]; then
        found="$(ls /usr/lib/*-linux-gnu/libmpi_java.so* /usr/lib/*-linux-gnu/openmpi/lib/libmpi_java.so* 2>/dev/null | head -n 1 || true)"
    fi
    printf '%s' "$found"
}

jar_path() { printf '%s/%s/%s/%s/%s-%s.jar' "$M2_REPO" "${GROUP_ID//.//}" "$ARTIFACT_ID" "$1" "$ARTIFACT_ID" "$1"; }

# The Open MPI version the build expects (property openmpi.version of the root pom), for a friendly warning.
expected_version() {
    [[ -f "$ROOT_POM" ]] && sed -n 's:.*<openmpi.version>\(.*\)</openmpi.version>.*:\1:p' "$ROOT_POM" | head -n 1
}

warn_if_other_version() {
    local want
    want="$(expected_version || true)"
    if [[ -n "$want" && "$want" != "$1" ]]; then
        say "note: this machine has Open MPI $1, the build defaults to $want; build with -Dopenmpi.version=$1"
    fi
}

# --- fast path: nothing to do ---------------------------------------------------------------------------
version="$(ompi_version)"
lib="$(java_lib)"
if [[ -n "$version" && -n "$lib" && -f "$(jar_path "$version")" ]]; then
    say "Open MPI $version with Java bindings is installed (mpirun, $lib, $GROUP_ID:$ARTIFACT_ID:$version in $M2_REPO): nothing to do"
    warn_if_other_version "$version"
    exit 0
fi

# --- privileges and apt ---------------------------------------------------------------------------------
command -v apt-get >/dev/null 2>&1 || die "Open MPI's Java bindings are missing and this system has no apt-get; \
install Open MPI with Java bindings yourself and put its mpi.jar into Maven (see docs/mpi.md, 'Other systems')"
if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    die "installing Open MPI needs root: run scripts/setup.sh as root or with password-less sudo"
fi
APT_LOG="$(mktemp "${TMPDIR:-/tmp}/hybridta-apt.XXXXXX")"
trap 'rm -f "$APT_LOG"' EXIT
# apt's own chatter goes to a log that is shown only when apt fails.
apt_get() {
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Use-Pty=0 "$@" >"$APT_LOG" 2>&1 \
        || { cat "$APT_LOG" >&2; die "apt-get $* failed"; }
}
updated=
apt_update() { [[ -n "$updated" ]] || { say "apt-get update"; apt_get update; updated=1; }; }

# --- 1. Open MPI from the OS packages -------------------------------------------------------------------
if [[ -z "$version" || -z "$lib" ]]; then
    apt_update
    # The package holding libmpi_java.so is named after the library ABI: libopenmpi3 (Debian 12),
    # libopenmpi3t64 (Ubuntu 24.04), libopenmpi40 (Debian 13). openmpi-bin depends on the right one.
    libpkg=
    for candidate in libopenmpi3 libopenmpi3t64 libopenmpi40; do
        if apt-cache show "$candidate" >/dev/null 2>&1; then libpkg=$candidate; break; fi
    done
    say "installing Open MPI: apt-get install openmpi-bin ${libpkg}"
    apt_get install --no-install-recommends openmpi-bin ${libpkg:+"$libpkg"}
    version="$(ompi_version)"
    lib="$(java_lib)"
    [[ -n "$version" ]] || die "openmpi-bin is installed but 'mpirun --version' does not report Open MPI"
    [[ -n "$lib" ]] || die "Open MPI $version is installed but has no libmpi_java.so (built without --enable-mpi-java?); see docs/mpi.md"
    say "Open MPI $version installed; Java native library: $lib"
fi

jar="$(jar_path "$version")"
if [[ -f "$jar" ]]; then
    say "$GROUP_ID:$ARTIFACT_ID:$version is already in $M2_REPO"
    warn_if_other_version "$version"
    exit 0
fi

# --- 2. the matching Java sources from the distribution's source package ---------------------------------
command -v javac >/dev/null 2>&1 || die "javac not found: a JDK (17 or newer) is needed to build mpi.jar"
command -v mvn >/dev/null 2>&1 || die "mvn not found: Maven is needed to install mpi.jar into $M2_REPO"
libpkg="$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -n 1 | cut -d: -f1)"
[[ -n "$libpkg" ]] || die "cannot tell which package installed $lib (dpkg -S)"
read -r src_pkg src_version bin_version < <(dpkg-query -W -f='${source:Package} ${source:Version} ${Version}\n' "$libpkg")
say "Java sources: source package $src_pkg $src_version (of $libpkg $bin_version)"

has_source() { apt-cache showsrc --only-source "$src_pkg" 2>/dev/null | grep -qx "Version: $src_version"; }

if ! has_source; then
    apt_update
fi
if ! has_source; then
    # Where apt got the installed binary: "libopenmpi3 | 4.1.4-3+b1 | http://deb.debian.org/debian bookworm/main amd64 Packages"
    origin="$(apt-cache madison "$libpkg" | awk -F' [|] ' -v v="$bin_version" '$2 == v { print $3; exit }')"
    [[ -n "$origin" ]] || die "cannot find the apt source of $libpkg $bin_version (apt-cache madison)"
    read -r uri suite_comp _ <<<"$origin"
    suite="${suite_comp%%/*}"
    component="${suite_comp#*/}"
    # Reuse the keyring that signs the binary entry: deb822 'Signed-By:' or one-line '[signed-by=…]'.
    signed_by="$(awk -v uri="${uri%/}" '
        BEGIN { RS = ""; FS = "\n" }
        { hit = 0; key = ""
          for (i = 1; i <= NF; i++) {
            line = $i " "; gsub(/\/ /, " ", line)
            if (line ~ /^URIs:/ && index(line, " " uri " ") > 0) hit = 1
            if ($i ~ /^Signed-By:/) { key = $i; sub(/^Signed-By:[ \t]*/, "", key) }
          }
          if (hit && key != "") { print key; exit } }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)"
    if [[ -z "$signed_by" ]]; then
        signed_by="$(grep -h -o "^deb \[[^]]*signed-by=[^] ]*[^]]*\] $uri " /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
            | sed -n 's/.*signed-by=\([^] ]*\).*/\1/p' | head -n 1 || true)"
    fi
    say "adding deb-src for $uri $suite $component in $SRC_LIST"
    {
        echo "# Added by HybridTA's scripts/install-openmpi-java.sh: Open MPI's source package, for its Java bindings."
        echo "Types: deb-src"
        echo "URIs: $uri"
        echo "Suites: $suite"
        echo "Components: $component"
        [[ -z "$signed_by" ]] || echo "Signed-By: $signed_by"
    } | "${SUDO[@]}" tee "$SRC_LIST" >/dev/null
    # Refresh only the new entry: quicker, and leaves the other lists as they were.
    apt_get update -o Dir::Etc::sourcelist="$SRC_LIST" -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0
    has_source || die "apt has no source package $src_pkg $src_version even after adding $SRC_LIST"
fi

command -v dpkg-source >/dev/null 2>&1 || { apt_update; say "installing dpkg-dev (apt-get source unpacks with dpkg-source)"; apt_get install --no-install-recommends dpkg-dev; }

work="$(mktemp -d "${TMPDIR:-/tmp}/hybridta-openmpi.XXXXXX")"
trap 'rm -rf "$work" "$APT_LOG"' EXIT
# apt downloads as user _apt where it can; give it the directory so it need not fall back to root.
if [[ $(id -u) -eq 0 ]] && id _apt >/dev/null 2>&1; then chown _apt "$work"; fi
say "apt-get source $src_pkg=$src_version (download, unpack, apply the distribution's patches)"
(cd "$work" && apt-get source -q "$src_pkg=$src_version" >"$work/apt-source.log" 2>&1) \
    || { cat "$work/apt-source.log" >&2; die "apt-get source $src_pkg=$src_version failed"; }
tree="$(find "$work" -mindepth 1 -maxdepth 1 -type d -name "${src_pkg}-*" | head -n 1)"
java_dir="$tree/ompi/mpi/java/java"
compgen -G "$java_dir/*.java" >/dev/null || die "no Java sources in $java_dir"

# --- 3. compile, jar, install into Maven -----------------------------------------------------------------
say "javac --release 17: $(ls "$java_dir"/*.java | wc -l) files of $java_dir"
mkdir -p "$work/classes" "$work/sources/mpi" "$work/classes/META-INF"
javac --release 17 -encoding UTF-8 -nowarn -d "$work/classes" "$java_dir"/*.java 2>"$work/javac.log" \
    || { cat "$work/javac.log" >&2; die "javac failed on Open MPI's Java sources"; }
cp "$java_dir"/*.java "$work/sources/mpi/"
cp "$tree/LICENSE" "$work/classes/META-INF/LICENSE-openmpi"
cp "$tree/LICENSE" "$work/sources/LICENSE-openmpi"
cat >"$work/MANIFEST.MF" <<EOF
Implementation-Title: Open MPI Java bindings
Implementation-Version: $version
Implementation-Vendor: The Open MPI Project
Built-By: HybridTA scripts/install-openmpi-java.sh from $src_pkg $src_version
EOF
jar --create --file "$work/mpi.jar" --manifest "$work/MANIFEST.MF" -C "$work/classes" .
jar --create --file "$work/mpi-sources.jar" -C "$work/sources" .
cat >"$work/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>$GROUP_ID</groupId>
  <artifactId>$ARTIFACT_ID</artifactId>
  <version>$version</version>
  <name>Open MPI Java bindings</name>
  <description>Open MPI $version's Java bindings (ompi/mpi/java/java), compiled by HybridTA's setup from the $src_pkg $src_version source package. The native half, libmpi_java.so, comes with Open MPI.</description>
  <url>https://www.open-mpi.org/</url>
  <licenses><license><name>BSD-3-Clause-Open-MPI</name><url>https://www.open-mpi.org/community/license.php</url></license></licenses>
</project>
EOF
say "installing $GROUP_ID:$ARTIFACT_ID:$version into $M2_REPO"
# Run from $work (no project pom there), or Maven would run the goal once per module of this project.
(cd "$work" && mvn -B -ntp -q -Dmaven.repo.local="$M2_REPO" \
    org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file \
    -Dfile="$work/mpi.jar" -Dsources="$work/mpi-sources.jar" -DpomFile="$work/pom.xml" >"$work/mvn.log" 2>&1) \
    || { cat "$work/mvn.log" >&2; die "mvn install:install-file failed"; }
[[ -f "$jar" ]] || die "mvn reported success but $jar is missing"
say "done: Open MPI $version, $lib, $jar"
warn_if_other_version "$version"
