#!/usr/bin/env bash
# Builds a self-contained Linux app-image of Taizhang (机关党建台账):
#   target/installer/Taizhang/bin/Taizhang
# from the fat jar (target/taizhang.jar) and a jlinked JDK 25 runtime. Needs no Maven and no network.
#
# Usage: installer/linux/build-app-image.sh [--jar PATH] [--dest DIR] [--app-version X.Y.Z] [--no-natives] [--no-aot-cache]
#   --jar PATH          the fat jar (default: target/taizhang.jar, relative to the repository root)
#   --dest DIR          output folder (default: target/installer); DIR/Taizhang is replaced
#   --app-version VER   version for jpackage (default: Implementation-Version from the jar, else 0.1.0)
#   --no-natives        leave the native libraries inside the jar: JavaFX then unpacks its lib*.so into
#                       ~/.openjfx/cache and SQLite its libsqlitejdbc.so into the temp folder at every start.
#                       By default both lie beside the jar in the image and are loaded from there (issue 20).
#   --fx-natives        the default now; accepted as before
#   --no-aot-cache      skip the AOT cache (lib/app/taizhang.aot, docs/decisions/0009): builds faster, starts slower
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
FX_NATIVES=1
AOT_CACHE=1
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
    --fx-natives) FX_NATIVES=1; shift ;;
    --no-natives) FX_NATIVES=0; shift ;;
    --no-aot-cache) AOT_CACHE=0; shift ;;
    -h|--help) awk 'NR>1 && /^#/ {sub(/^# ?/, ""); print; next} NR>1 {exit}' "${BASH_SOURCE[0]}"; exit 0 ;;
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

WORK="$(mktemp -d "${TMPDIR:-/tmp}/taizhang-jpackage.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if [[ -z "$APP_VERSION" ]]; then
  (cd "$WORK" && "$JDK/bin/jar" --extract --file "$JAR" META-INF/MANIFEST.MF) 2>/dev/null || true
  if [[ -f "$WORK/META-INF/MANIFEST.MF" ]]; then
    APP_VERSION="$(tr -d '\r' < "$WORK/META-INF/MANIFEST.MF" | sed -n 's/^Implementation-Version: *//p' | head -1)"
  fi
  APP_VERSION="${APP_VERSION%-SNAPSHOT}"
  APP_VERSION="${APP_VERSION:-0.1.0}"
fi
[[ "$APP_VERSION" =~ ^[0-9]+(\.[0-9]+){0,3}$ ]] || die "app version '$APP_VERSION' is not numeric (jpackage needs e.g. 0.1.0)"

# The fat jar carries the JavaFX natives of the OS Maven ran on: it must be Linux's.
JAR_ENTRIES="$WORK/jar-entries.txt"
"$JDK/bin/jar" --list --file "$JAR" > "$JAR_ENTRIES" || die "cannot read $JAR"
if ! grep -qx 'libglass.so' "$JAR_ENTRIES"; then
  if grep -qx 'glass.dll' "$JAR_ENTRIES" || grep -qx 'libglass.dylib' "$JAR_ENTRIES"; then
    die "$JAR holds the JavaFX natives of Windows/macOS, not Linux: build the jar on Linux"
  fi
  die "$JAR has no JavaFX natives (libglass.so) at its root: is it the shaded fat jar?"
fi

# ---- modules --------------------------------------------------------------------------------------
log "jdeps: finding the JDK modules the jar uses ..."
JDEPS_MODULES="$("$JDK/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 "$JAR" 2>"$WORK/jdeps.err" | tail -1 || true)"
if [[ -z "$JDEPS_MODULES" ]]; then
  cat "$WORK/jdeps.err" >&2 || true
  die "jdeps printed no module list"
fi
log "jdeps says: $JDEPS_MODULES"

# Loaded by reflection, service lookup or native code, so jdeps does not (reliably) see them:
#   java.desktop (JavaFX/AWT interop, ImageIO, POI), java.sql (JDBC), java.naming + java.management (logback,
#   Flyway, jOOQ), java.logging (JUL, JavaFX's logger), java.xml (POI, logback configuration), jdk.unsupported
#   (sun.misc.Unsafe: JavaFX, POI), jdk.zipfs (zip file systems), jdk.crypto.ec (an empty shell since JDK 22;
#   kept when present), jdk.charsets (GBK / GB18030 / GB2312 for Chinese CSV files), jdk.localedata (Chinese
#   locale data: dates, collation, number formats; trimmed to en + zh by --include-locales below),
#   jdk.management (com.sun.management MXBeans), java.prefs (java.util.prefs, used by AWT/JavaFX dialogs).
EXTRA_MODULES="java.desktop java.sql java.naming java.management java.logging java.xml jdk.unsupported jdk.zipfs jdk.crypto.ec jdk.charsets jdk.localedata jdk.management java.prefs"
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
            --include-locales "en,zh-*" --generate-cds-archive --output "$RUNTIME")
# JDK 21+ spells compression zip-0..zip-9; older JDKs used 0|1|2.
if "$JDK/bin/jlink" --help 2>&1 | grep -q 'zip-\[0-9\]\|zip-'; then
  JLINK_ARGS+=(--compress zip-6)
else
  JLINK_ARGS+=(--compress 2)
fi
# JDK 25 images without jmods (JEP 493) link from the running JDK itself; that works for these modules.
"$JDK/bin/jlink" "${JLINK_ARGS[@]}" | { grep -v '^Created CDS archive' || true; }
[[ -x "$RUNTIME/bin/java" ]] || die "jlink did not produce $RUNTIME/bin/java"
# The CDS archive speeds up start; its no-compressed-oops twin is only used with heaps over 32 GB: drop it (-14 MB).
rm -f "$RUNTIME/lib/server/classes_nocoops.jsa"
log "runtime: $(du -sh "$RUNTIME" | cut -f1)"

# ---- jpackage -------------------------------------------------------------------------------------
INPUT="$WORK/input"
mkdir -p "$INPUT"
cp "$JAR" "$INPUT/taizhang.jar"
# The native libraries lie in the image and are loaded from there: unpacked at every start into the user's folders,
# they are blocked where software restriction policies forbid running code from %TEMP% or the profile, and the
# portable copy on a stick would write into the host PC.
NATIVE_OPTIONS=()
if [[ $FX_NATIVES -eq 1 ]]; then
  # JavaFX (class path, non-modular) first tries lib<name>.so in the folder of the jar holding its classes.
  mapfile -t FX_LIBS < <(grep -E '^lib[^/]*\.so$' "$JAR_ENTRIES" || true)
  [[ ${#FX_LIBS[@]} -gt 0 ]] || die "no JavaFX lib*.so at the root of $JAR"
  (cd "$INPUT" && "$JDK/bin/jar" --extract --file "$JAR" "${FX_LIBS[@]}")
  log "JavaFX natives beside the jar: ${FX_LIBS[*]}"
  # sqlite-jdbc loads org.sqlite.lib.path/org.sqlite.lib.name instead of unpacking its copy into java.io.tmpdir
  case "$(uname -m)" in
    x86_64|amd64) SQLITE_ARCH=x86_64 ;;
    aarch64|arm64) SQLITE_ARCH=aarch64 ;;
    *) die "no sqlite-jdbc native library known for $(uname -m)" ;;
  esac
  SQLITE_LIB="org/sqlite/native/Linux/$SQLITE_ARCH/libsqlitejdbc.so"
  grep -qx "$SQLITE_LIB" "$JAR_ENTRIES" || die "$JAR has no $SQLITE_LIB"
  (cd "$WORK" && "$JDK/bin/jar" --extract --file "$JAR" "$SQLITE_LIB")
  cp "$WORK/$SQLITE_LIB" "$INPUT/libsqlitejdbc.so"
  NATIVE_OPTIONS=(--java-options '-Dorg.sqlite.lib.path=$APPDIR' --java-options '-Dorg.sqlite.lib.name=libsqlitejdbc.so')
  log "SQLite native beside the jar: libsqlitejdbc.so ($SQLITE_ARCH)"
fi

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
  ${NATIVE_OPTIONS[@]+"${NATIVE_OPTIONS[@]}"} \
  --dest "$DEST"

LAUNCHER="$DEST/$APP_NAME/bin/$APP_NAME"
[[ -x "$LAUNCHER" ]] || die "jpackage finished but $LAUNCHER is missing"

# ---- AOT cache (docs/decisions/0009) --------------------------------------------------------------
# One training run of the launcher itself (so exactly its class path and options): it opens the window on JavaFX's
# headless platform over a sample database and quits once the registry is shown (taizhang.startupProbe), and the
# JVM writes the classes it loaded and linked, and their profiles, to lib/app/taizhang.aot at exit (JEP 483/514/515).
# The launcher then names the cache; the JVM maps it read-only and, when it cannot use it (another JDK, a changed
# jar), starts without it as before. -Xlog:aot*=off,cds*=off keeps that case off the console: the JVM would print
# its reasons on stdout, the command line's output.
if [[ $AOT_CACHE -eq 1 ]]; then
  CFG="$DEST/$APP_NAME/lib/app/$APP_NAME.cfg"
  CACHE="$DEST/$APP_NAME/lib/app/taizhang.aot"
  [[ -f "$CFG" ]] || die "jpackage wrote no $CFG"
  TRAIN="$WORK/train"
  mkdir -p "$TRAIN"
  log "AOT cache: training run (window on the headless platform, sample database) ..."
  t0="$(date +%s)"
  TAIZHANG_HOME="$TRAIN/home" "$LAUNCHER" --db "$TRAIN/t.db" init --sample >"$TRAIN/init.log" 2>&1 \
    || { cat "$TRAIN/init.log" >&2; die "AOT training: init --sample failed"; }
  # JAVA_TOOL_OPTIONS reaches the JVM the launcher starts; the JVM notes it on stderr ("Picked up ..."), kept in the log
  if ! TAIZHANG_HOME="$TRAIN/home" \
       JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$CACHE -Xlog:aot*=off,cds*=off -Dglass.platform=Headless -Dprism.order=sw -Dtaizhang.startupProbe=$TRAIN/probe.txt" \
       timeout 300 "$LAUNCHER" --db "$TRAIN/t.db" >"$TRAIN/train.log" 2>&1; then
    cat "$TRAIN/train.log" >&2; die "AOT training run failed"
  fi
  grep -q '^registryShownMs=' "$TRAIN/probe.txt" 2>/dev/null \
    || { cat "$TRAIN/train.log" >&2; die "AOT training run did not show the registry"; }
  [[ -s "$CACHE" ]] || { cat "$TRAIN/train.log" >&2; die "AOT training run wrote no $CACHE"; }
  printf '%s\n' 'java-options=-XX:AOTCache=$APPDIR/taizhang.aot' 'java-options=-Xlog:aot*=off,cds*=off' >> "$CFG"
  grep -q '^\[JavaOptions\]' "$CFG" || die "$CFG has no [JavaOptions] section for the cache"
  [[ "$(tail -3 "$CFG" | grep -c '^java-options=')" -ge 2 ]] || die "the cache options did not land in [JavaOptions] of $CFG"
  log "AOT cache: $(du -h "$CACHE" | cut -f1) in $(( $(date +%s) - t0 )) s"
fi
SIZE_H="$(du -sh "$DEST/$APP_NAME" | cut -f1)"
SIZE_B="$(du -sb "$DEST/$APP_NAME" | cut -f1)"
log "done."
echo "app-image: $DEST/$APP_NAME ($SIZE_H, $SIZE_B bytes)"
echo "launcher:  $LAUNCHER"
