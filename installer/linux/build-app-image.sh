#!/usr/bin/env bash
# Builds a self-contained Linux app-image of Taizhang (机关党建台账):
#   target/installer/Taizhang/bin/Taizhang
# from the fat jar (target/taizhang.jar) and a jlinked JDK 25 runtime. Needs no Maven and no network.
#
# Usage: installer/linux/build-app-image.sh [--jar PATH] [--dest DIR] [--app-version X.Y.Z]
#   --jar PATH          the fat jar (default: target/taizhang.jar, relative to the repository root)
#   --dest DIR          output folder (default: target/installer); DIR/Taizhang is replaced
#   --app-version VER   version for jpackage (default: Implementation-Version from the jar, else 0.1.0)
# JDK: $JAVA_HOME if it is JDK 25 or newer, else /usr/lib/jvm/temurin-25-jdk-amd64.
set -euo pipefail

die() { echo "build-app-image: ERROR: $*" >&2; exit 1; }
log() { echo "build-app-image: $*"; }

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
CALLER_DIR="$(pwd)"

JAR=""
DEST=""
APP_VERSION=""
APP_NAME="Taizhang"
MAIN_CLASS="org.taizhang.app.Launcher"

abspath() { case "$1" in /*) echo "$1" ;; *) echo "$CALLER_DIR/$1" ;; esac; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar) [[ $# -ge 2 ]] || die "--jar needs a path"; JAR="$(abspath "$2")"; shift 2 ;;
    --jar=*) JAR="$(abspath "${1#*=}")"; shift ;;
    --dest) [[ $# -ge 2 ]] || die "--dest needs a folder"; DEST="$(abspath "$2")"; shift 2 ;;
    --dest=*) DEST="$(abspath "${1#*=}")"; shift ;;
    --app-version) [[ $# -ge 2 ]] || die "--app-version needs a value"; APP_VERSION="$2"; shift 2 ;;
    --app-version=*) APP_VERSION="${1#*=}"; shift ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

cd "$REPO_ROOT"
JAR="${JAR:-$REPO_ROOT/target/taizhang.jar}"
DEST="${DEST:-$REPO_ROOT/target/installer}"
[[ -f "$JAR" ]] || die "jar not found: $JAR (build it first: mvn -DskipTests package)"

# ---- JDK 25 -------------------------------------------------------------------------------------
jdk_feature() {  # prints the feature version (25, 26, ...) of the JDK at $1, or nothing
  local rel="$1/release" v=""
  if [[ -f "$rel" ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel")"
  elif [[ -x "$1/bin/java" ]]; then
    v="$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')"
  fi
  echo "$v"
}
is_jdk25() {
  local home="$1" f
  [[ -n "$home" && -x "$home/bin/jlink" && -x "$home/bin/jpackage" && -x "$home/bin/jdeps" ]] || return 1
  f="$(jdk_feature "$home")"
  [[ -n "$f" && "$f" -ge 25 ]]
}
JDK=""
if is_jdk25 "${JAVA_HOME:-}"; then
  JDK="$JAVA_HOME"
elif is_jdk25 /usr/lib/jvm/temurin-25-jdk-amd64; then
  JDK=/usr/lib/jvm/temurin-25-jdk-amd64
else
  die "no JDK 25+ with jlink/jpackage found. Set JAVA_HOME to a JDK 25 (not a JRE), or install Temurin 25 in /usr/lib/jvm/temurin-25-jdk-amd64. (JAVA_HOME=${JAVA_HOME:-unset})"
fi
log "JDK: $JDK ($("$JDK/bin/java" -version 2>&1 | head -1))"

if [[ -z "$APP_VERSION" ]]; then
  APP_VERSION="$(unzip -p "$JAR" META-INF/MANIFEST.MF 2>/dev/null | tr -d '\r' | sed -n 's/^Implementation-Version: *//p' | head -1 || true)"
  APP_VERSION="${APP_VERSION%-SNAPSHOT}"
  APP_VERSION="${APP_VERSION:-0.1.0}"
fi
[[ "$APP_VERSION" =~ ^[0-9]+(\.[0-9]+){0,3}$ ]] || die "app version '$APP_VERSION' is not numeric (jpackage needs e.g. 0.1.0)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/taizhang-jpackage.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# ---- modules --------------------------------------------------------------------------------------
log "jdeps: finding the JDK modules the jar uses ..."
JDEPS_MODULES="$("$JDK/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 "$JAR" 2>"$WORK/jdeps.err" | tail -1 || true)"
if [[ -z "$JDEPS_MODULES" ]]; then
  cat "$WORK/jdeps.err" >&2 || true
  die "jdeps printed no module list"
fi
log "jdeps says: $JDEPS_MODULES"

# Loaded by reflection, service lookup or native code, so jdeps does not see them:
#   java.desktop (JavaFX/AWT interop, ImageIO, POI), java.sql (JDBC), java.naming + java.management (logback,
#   Flyway, jOOQ), java.logging (JUL bridge), java.xml (POI, logback config), jdk.unsupported (sun.misc.Unsafe for
#   JavaFX and others), jdk.zipfs (zip file systems), jdk.crypto.ec (TLS/EC; an empty shell since JDK 22, kept if
#   present), jdk.charsets (GBK / GB18030 for Chinese CSV files), jdk.localedata (Chinese locale data: dates,
#   collation, number formats), jdk.management (platform MXBeans), java.prefs, java.scripting, jdk.xml.dom.
EXTRA_MODULES="java.desktop java.sql java.naming java.management java.logging java.xml jdk.unsupported jdk.zipfs jdk.crypto.ec jdk.charsets jdk.localedata jdk.management java.prefs java.scripting jdk.xml.dom"
"$JDK/bin/java" --list-modules | sed 's/@.*//' > "$WORK/available.txt"
MODULES=()
for m in ${JDEPS_MODULES//,/ } $EXTRA_MODULES; do
  if grep -qx "$m" "$WORK/available.txt"; then
    [[ " ${MODULES[*]-} " == *" $m "* ]] || MODULES+=("$m")
  else
    case "$m" in
      jdk.crypto.ec) log "note: $m is not in this JDK; skipped" ;;
      *) die "module $m is needed but not in $JDK (java --list-modules)" ;;
    esac
  fi
done
MODULE_LIST="$(IFS=,; echo "${MODULES[*]}")"
log "modules: $MODULE_LIST"

# ---- jlink ----------------------------------------------------------------------------------------
RUNTIME="$WORK/runtime"
log "jlink: building the trimmed runtime ..."
JLINK_ARGS=(--add-modules "$MODULE_LIST" --strip-debug --no-header-files --no-man-pages
            --include-locales "en,zh-*" --output "$RUNTIME")
# JDK 21+ spells compression zip-0..zip-9; older JDKs used 0|1|2.
if "$JDK/bin/jlink" --help 2>&1 | grep -q 'zip-\[0-9\]\|zip-'; then
  JLINK_ARGS+=(--compress zip-6)
else
  JLINK_ARGS+=(--compress 2)
fi
# JDK 25 images without jmods (JEP 493) link from the running JDK itself; that works for these modules.
"$JDK/bin/jlink" "${JLINK_ARGS[@]}"
log "runtime: $(du -sh "$RUNTIME" | cut -f1)"

# ---- jpackage -------------------------------------------------------------------------------------
INPUT="$WORK/input"
mkdir -p "$INPUT"
cp "$JAR" "$INPUT/taizhang.jar"

mkdir -p "$DEST"
rm -rf "${DEST:?}/$APP_NAME"
log "jpackage: app-image $APP_NAME $APP_VERSION -> $DEST/$APP_NAME"
"$JDK/bin/jpackage" --type app-image \
  --name "$APP_NAME" --app-version "$APP_VERSION" \
  --vendor "Taizhang" --description "机关党建台账 Taizhang" \
  --input "$INPUT" --main-jar taizhang.jar --main-class "$MAIN_CLASS" \
  --runtime-image "$RUNTIME" \
  --java-options '--enable-native-access=ALL-UNNAMED' \
  --java-options '-Dfile.encoding=UTF-8' \
  --java-options '-Dorg.jooq.no-logo=true' \
  --java-options '-Dorg.jooq.no-tips=true' \
  --dest "$DEST"

LAUNCHER="$DEST/$APP_NAME/bin/$APP_NAME"
[[ -x "$LAUNCHER" ]] || die "jpackage finished but $LAUNCHER is missing"
SIZE_H="$(du -sh "$DEST/$APP_NAME" | cut -f1)"
SIZE_B="$(du -sb "$DEST/$APP_NAME" | cut -f1)"
log "done."
echo "app-image: $DEST/$APP_NAME ($SIZE_H, $SIZE_B bytes)"
echo "launcher:  $LAUNCHER"
