#!/usr/bin/env bash
# Tests the app-image built by build-app-image.sh: the launcher starts, runs the command line, and (when Xvfb
# is installed) keeps its window open. Exits non-zero with a message on the first failure.
#
# Usage: installer/linux/test-app-image.sh [--dest DIR] [--launcher PATH] [--gui-seconds N] [--no-gui]
#   --dest DIR        folder that holds the app-image (default: target/installer, relative to the repo root)
#   --launcher PATH   the launcher itself (default: DIR/Taizhang/bin/Taizhang)
#   --gui-seconds N   how long the window must stay up under Xvfb (default: 8)
#   --no-gui          skip the window check even if Xvfb is installed
# Set TAIZHANG_REQUIRE_GUI=1 to fail (instead of skip) when Xvfb is missing.
set -euo pipefail

fail() { echo "test-app-image: FAIL: $*" >&2; exit 1; }
log()  { echo "test-app-image: $*"; }

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
CALLER_DIR="$(pwd)"
abspath() { case "$1" in /*) echo "$1" ;; *) echo "$CALLER_DIR/$1" ;; esac; }

DEST=""
LAUNCHER=""
GUI_SECONDS=8
GUI=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dest) [[ $# -ge 2 ]] || fail "--dest needs a folder"; DEST="$(abspath "$2")"; shift 2 ;;
    --dest=*) DEST="$(abspath "${1#*=}")"; shift ;;
    --launcher) [[ $# -ge 2 ]] || fail "--launcher needs a path"; LAUNCHER="$(abspath "$2")"; shift 2 ;;
    --launcher=*) LAUNCHER="$(abspath "${1#*=}")"; shift ;;
    --gui-seconds) [[ $# -ge 2 ]] || fail "--gui-seconds needs a number"; GUI_SECONDS="$2"; shift 2 ;;
    --gui-seconds=*) GUI_SECONDS="${1#*=}"; shift ;;
    --no-gui) GUI=0; shift ;;
    -h|--help) awk 'NR>1 && /^#/ {sub(/^# ?/, ""); print; next} NR>1 {exit}' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) fail "unknown argument: $1 (see --help)" ;;
  esac
done
[[ "$GUI_SECONDS" =~ ^[0-9]+$ ]] || fail "--gui-seconds must be a whole number"

cd "$REPO_ROOT"
DEST="${DEST:-$REPO_ROOT/target/installer}"
LAUNCHER="${LAUNCHER:-$DEST/Taizhang/bin/Taizhang}"
[[ -x "$LAUNCHER" ]] || fail "launcher not found or not executable: $LAUNCHER (run installer/linux/build-app-image.sh first)"
log "launcher: $LAUNCHER"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/taizhang-test.XXXXXX")"
XVFB_PID=""
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; fi
  if [[ -n "$XVFB_PID" ]]; then kill "$XVFB_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
# Keep the default data folder (used when --db is absent, e.g. for the log of --version) out of the user's home.
export TAIZHANG_HOME="$TMP/home"
DB="$TMP/t.db"

now_ms() { date +%s%3N; }
show() { sed 's/^/    | /' "$1" >&2 || true; }

# 1. --version
t0="$(now_ms)"
set +e; "$LAUNCHER" --version >"$TMP/version.out" 2>"$TMP/version.err"; rc=$?; set -e
t1="$(now_ms)"
if [[ $rc -ne 0 ]]; then show "$TMP/version.out"; show "$TMP/version.err"; fail "--version exited $rc"; fi
grep -q '^taizhang ' "$TMP/version.out" || { show "$TMP/version.out"; fail "--version did not print 'taizhang <version>'"; }
log "ok  --version -> $(head -1 "$TMP/version.out")  ($((t1 - t0)) ms)"
# The command line's output is the command's alone: no JVM notes (CDS/AOT cache warnings), nothing on stderr.
[[ "$(wc -l <"$TMP/version.out")" -eq 1 && ! -s "$TMP/version.err" ]] \
  || { show "$TMP/version.out"; show "$TMP/version.err"; fail "--version printed more than its one line"; }
log "ok  --version output is clean (one line, empty stderr)"

# 1b. The AOT cache (docs/decisions/0009): used when it fits, and a start without it when it does not.
APP_DIR="$(cd "$(dirname "$LAUNCHER")/.." && pwd)"
if [[ -f "$APP_DIR/lib/app/taizhang.aot" ]]; then
  # -XX:AOTMode=on makes the JVM refuse to start unless it can use the cache
  set +e; JAVA_TOOL_OPTIONS="-XX:AOTMode=on" "$LAUNCHER" --version >"$TMP/aot.out" 2>"$TMP/aot.err"; rc=$?; set -e
  [[ $rc -eq 0 ]] || { show "$TMP/aot.out"; show "$TMP/aot.err"; fail "the launcher cannot use its AOT cache (lib/app/taizhang.aot)"; }
  log "ok  the AOT cache is used"
  # a copy whose cache is damaged must still start, as quietly
  cp -a "$APP_DIR" "$TMP/damaged"
  head -c 4096 /dev/urandom >"$TMP/damaged/lib/app/taizhang.aot"
  DAMAGED="$TMP/damaged/bin/$(basename "$LAUNCHER")"
  set +e; "$DAMAGED" --version >"$TMP/damaged.out" 2>"$TMP/damaged.err"; rc=$?; set -e
  if [[ $rc -ne 0 || "$(cat "$TMP/damaged.out")" != "$(cat "$TMP/version.out")" || -s "$TMP/damaged.err" ]]; then
    show "$TMP/damaged.out"; show "$TMP/damaged.err"; fail "with a damaged AOT cache --version failed or printed more (exit $rc)"
  fi
  rm -rf "$TMP/damaged"
  log "ok  a damaged AOT cache: starts without it, output unchanged"
  # as after unzipping or installing (Windows' zip and MSI keep file times in 2-second steps, local time): the copy
  # in another folder, with Chinese and a space in its path and another time on its jar, still uses the cache
  mkdir -p "$TMP/移到 别处"
  cp -a "$APP_DIR" "$TMP/移到 别处/"
  MOVED="$TMP/移到 别处/$(basename "$APP_DIR")"
  touch -d '2001-02-03 04:05:07' "$MOVED/lib/app/taizhang.jar"
  set +e; JAVA_TOOL_OPTIONS="-XX:AOTMode=on" "$MOVED/bin/$(basename "$LAUNCHER")" --version >"$TMP/moved.out" 2>"$TMP/moved.err"; rc=$?; set -e
  [[ $rc -eq 0 ]] || { show "$TMP/moved.out"; show "$TMP/moved.err"; fail "a moved copy with another jar time cannot use its AOT cache"; }
  rm -rf "$TMP/移到 别处"
  log "ok  a moved copy with another time on its jar still uses the AOT cache"
else
  log "skip AOT cache checks: the app-image has none (built with --no-aot-cache)"
fi

# 2. init --sample
t0="$(now_ms)"
set +e; "$LAUNCHER" --db "$DB" init --sample >"$TMP/init.out" 2>"$TMP/init.err"; rc=$?; set -e
t1="$(now_ms)"
if [[ $rc -ne 0 ]]; then show "$TMP/init.out"; show "$TMP/init.err"; fail "init --sample exited $rc"; fi
grep -q '单位 62' "$TMP/init.out" || { show "$TMP/init.out"; show "$TMP/init.err"; fail "init --sample did not report 单位 62 (Chinese output or sample data broken)"; }
[[ -s "$DB" ]] || fail "init --sample did not create $DB"
log "ok  init --sample -> $(head -1 "$TMP/init.out")  ($((t1 - t0)) ms)"

# 3. orgs export (POI, .xlsx)
t0="$(now_ms)"
set +e; "$LAUNCHER" --db "$DB" orgs export "$TMP/o.xlsx" >"$TMP/export.out" 2>"$TMP/export.err"; rc=$?; set -e
t1="$(now_ms)"
if [[ $rc -ne 0 ]]; then show "$TMP/export.out"; show "$TMP/export.err"; fail "orgs export exited $rc"; fi
[[ -s "$TMP/o.xlsx" ]] || fail "orgs export did not write a non-empty $TMP/o.xlsx"
head -c 2 "$TMP/o.xlsx" | grep -q 'PK' || fail "$TMP/o.xlsx is not a zip/xlsx file"
log "ok  orgs export -> $(stat -c %s "$TMP/o.xlsx") bytes  ($((t1 - t0)) ms)"

# 3b. orgs export (OpenPDF with the system's Chinese font, .pdf)
if [[ -z "$(fc-list :lang=zh file 2>/dev/null)" ]]; then
  log "skip orgs export .pdf: no Chinese font installed (apt-get install -y fonts-noto-cjk)"
else
  t0="$(now_ms)"
  set +e; "$LAUNCHER" --db "$DB" orgs export "$TMP/o.pdf" >"$TMP/export-pdf.out" 2>"$TMP/export-pdf.err"; rc=$?; set -e
  t1="$(now_ms)"
  if [[ $rc -ne 0 ]]; then show "$TMP/export-pdf.out"; show "$TMP/export-pdf.err"; fail "orgs export .pdf exited $rc"; fi
  head -c 5 "$TMP/o.pdf" | grep -q '%PDF-' || fail "$TMP/o.pdf is not a PDF file"
  log "ok  orgs export -> $(stat -c %s "$TMP/o.pdf") bytes PDF  ($((t1 - t0)) ms)"
fi

# Nothing on stderr should look like a missing module or class.
if grep -hE 'NoClassDefFoundError|ClassNotFoundException|UnsatisfiedLinkError|Unsupported ?Charset|ServiceConfigurationError' \
     "$TMP"/*.err >"$TMP/bad.txt" 2>/dev/null; then
  show "$TMP/bad.txt"; fail "the command line runs printed class/module errors (a module missing from jlink?)"
fi
# The instance lock calls flock(2) through the FFM API: without --enable-native-access the JDK warns on stderr.
if grep -hiE 'restricted method|enable-native-access' "$TMP"/*.err >"$TMP/native.txt" 2>/dev/null; then
  show "$TMP/native.txt"; fail "the command line runs printed a native-access warning (--enable-native-access missing?)"
fi

# 4. The window, under a private Xvfb
if [[ $GUI -eq 0 ]]; then
  log "skip window check (--no-gui)"
elif ! command -v Xvfb >/dev/null 2>&1; then
  [[ "${TAIZHANG_REQUIRE_GUI:-0}" == 1 ]] && fail "Xvfb is not installed (apt-get install -y xvfb) and TAIZHANG_REQUIRE_GUI=1"
  log "skip window check: Xvfb is not installed (apt-get install -y xvfb)"
else
  DISPLAY_NUM=""
  for n in $(seq 91 140); do
    if [[ ! -e "/tmp/.X$n-lock" && ! -e "/tmp/.X11-unix/X$n" ]]; then DISPLAY_NUM="$n"; break; fi
  done
  [[ -n "$DISPLAY_NUM" ]] || fail "no free X display number for Xvfb"
  Xvfb ":$DISPLAY_NUM" -screen 0 1366x768x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 1 50); do [[ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ]] && break; sleep 0.1; done
  [[ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ]] || { show "$TMP/xvfb.log"; fail "Xvfb :$DISPLAY_NUM did not start"; }

  # a home of its own: JavaFX would unpack its natives into ~/.openjfx when they are not in the image
  mkdir -p "$TMP/userhome"
  HOME="$TMP/userhome" DISPLAY=":$DISPLAY_NUM" "$LAUNCHER" --db "$DB" >"$TMP/gui.out" 2>"$TMP/gui.err" &
  APP_PID=$!
  log "window: launcher pid $APP_PID on Xvfb :$DISPLAY_NUM, waiting ${GUI_SECONDS}s ..."
  # A top-level X window of the launcher's process (_NET_WM_PID, set by JavaFX/GTK) that is mapped on the display.
  window_mapped() {
    local id
    for id in $(DISPLAY=":$DISPLAY_NUM" timeout 5 xwininfo -root -children 2>/dev/null | grep -oE '^ +0x[0-9a-f]+'); do
      DISPLAY=":$DISPLAY_NUM" timeout 5 xprop -id "$id" _NET_WM_PID 2>/dev/null | grep -qE "= $APP_PID\$" || continue
      DISPLAY=":$DISPLAY_NUM" timeout 5 xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable' && return 0
    done
    return 1
  }
  HAVE_XWININFO=0
  command -v xwininfo >/dev/null 2>&1 && command -v xprop >/dev/null 2>&1 && HAVE_XWININFO=1
  WINDOW_SEEN=""
  t0="$(now_ms)"
  for _ in $(seq 1 $((GUI_SECONDS * 5))); do
    sleep 0.2
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      set +e; wait "$APP_PID"; rc=$?; set -e
      APP_PID=""
      show "$TMP/gui.out"; show "$TMP/gui.err"
      fail "the window process exited early (exit code $rc)"
    fi
    if [[ -z "$WINDOW_SEEN" && $HAVE_XWININFO -eq 1 ]] && window_mapped; then
      WINDOW_SEEN="$(( $(now_ms) - t0 ))"
    fi
  done
  if grep -hE 'Exception|Error:|Caused by' "$TMP/gui.err" >"$TMP/gui-bad.txt" 2>/dev/null; then
    show "$TMP/gui.err"; fail "the window process is up but printed errors"
  fi
  if [[ $HAVE_XWININFO -eq 1 ]]; then
    [[ -n "$WINDOW_SEEN" ]] || { show "$TMP/gui.err"; fail "process alive but no Taizhang window was mapped on the display"; }
    log "ok  window: mapped after ~${WINDOW_SEEN} ms, process still running after ${GUI_SECONDS}s"
  else
    log "ok  window: process still running after ${GUI_SECONDS}s (install x11-utils for xwininfo/xprop to also check the window is mapped)"
  fi
  # Issue 20: the native libraries are loaded from the image, not unpacked into the temp folder or the user's home
  # (software restriction policies block both on clerks' PCs; the portable copy must not write into the host PC).
  if [[ -f "$APP_DIR/lib/app/libsqlitejdbc.so" ]]; then
    for lib in libsqlitejdbc libglass libprism_; do
      loaded="$(grep -oE "/[^ ]*$lib[^ /]*\.so\$" "/proc/$APP_PID/maps" | sort -u || true)"
      [[ -n "$loaded" ]] || fail "the window process has not loaded $lib*.so"
      while read -r path; do
        [[ "$path" == "$APP_DIR/lib/app/"* ]] || fail "$lib was loaded from $path, not from the image ($APP_DIR/lib/app)"
      done <<<"$loaded"
    done
    [[ ! -e "$TMP/userhome/.openjfx" ]] || fail "JavaFX unpacked its natives into the user's home ($(ls "$TMP/userhome/.openjfx"))"
    log "ok  native libraries loaded from the image (SQLite, JavaFX); nothing unpacked into ~/.openjfx or the temp folder"
  else
    log "skip native library check: the app-image has none beside the jar (built with --no-natives)"
  fi
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
fi

log "PASS"
