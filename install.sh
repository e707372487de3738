#!/usr/bin/env bash
# Sets up Eddy: checks Java 17+, installs Jupyter if it is missing (Debian/Ubuntu, through apt),
# builds the kernel jar and installs the "eddy" kernelspec. Safe to run again.
#
#   ./install.sh                      set up, install the kernelspec for this user
#   ./install.sh --run                set up, then open the tutorial notebooks in Jupyter
#   ./install.sh --test               set up what the tests need, then run the whole test suite
#   ./install.sh --jupyter-path DIR   install the kernelspec under DIR/kernels/eddy (private location)
#   ./install.sh --sys-prefix         install the kernelspec into the Python environment's prefix
#   ./install.sh --kernelspec-only    skip dependency checks and the build (the jar must exist)
#   ./install.sh --no-deps            do not try to install missing system packages
#
# The kernelspec gets a class-data archive (faster kernel start) unless EDDY_CDS=0.
# Without --jupyter-path, a set JUPYTER_PATH's first entry is used as the private location.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/kernel/target/eddy-kernel.jar"
spec_template="$here/kernel/src/main/kernelspec/kernel.json"

mode=install
jupyter_path="${JUPYTER_PATH:+${JUPYTER_PATH%%:*}}"
sys_prefix=false
install_deps=true
build=true

while [ $# -gt 0 ]; do
  case "$1" in
    --test) mode=test ;;
    --run) mode=run ;;
    --jupyter-path) jupyter_path="$2"; shift ;;
    --jupyter-path=*) jupyter_path="${1#*=}" ;;
    --sys-prefix) sys_prefix=true ;;
    --kernelspec-only) install_deps=false; build=false ;;
    --no-deps) install_deps=false ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '==> %s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else return 1
  fi
}

apt_updated=false
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$apt_updated" = false ]; then
    as_root apt-get update -qq || return 1
    apt_updated=true
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

java_bin() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    readlink -f "$(command -v java)"
  fi
}

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p'
}

has_jdk() {
  local java
  java="$(java_bin)"
  [ -n "$java" ] && [ -x "$(dirname "$java")/javac" ]
}

ensure_java() {
  local java major
  if ! has_jdk; then
    [ "$install_deps" = true ] || die "a JDK 17 or newer is needed (java and javac on PATH, or JAVA_HOME)"
    say "installing a JDK (openjdk-17-jdk-headless)"
    apt_install openjdk-17-jdk-headless || die "could not install a JDK; install JDK 17 or newer"
  fi
  java="$(java_bin)"
  major="$(java_major "$java")"
  [ "${major%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or newer is needed; $java is version $major"
  say "Java $major at $java"
}

# Jupyter as a Python module check: the frontend (notebook), the client the tests use, and the
# conformance suite. A Jupyter that is already there (e.g. Binder's) is kept as it is.
python_bin() {
  if [ -n "${EDDY_PYTHON:-}" ]; then echo "$EDDY_PYTHON"
  elif [ "$mode" = test ] || ! command -v jupyter >/dev/null 2>&1; then echo /usr/bin/python3
  else head -1 "$(command -v jupyter)" | sed -n 's/^#! *//p' | awk '{print $1}'
  fi
}

ensure_jupyter() {
  local py modules packages
  py="$(python_bin)"
  modules="jupyter_client"
  packages="jupyter-notebook python3-notebook jupyter-client python3-jupyter-client jupyter-nbconvert python3-nbclient python3-nbformat python3-ipykernel"
  if [ "$mode" = test ]; then
    modules="$modules, nbformat, nbclient, jupyter_kernel_test"
    packages="$packages python3-jupyter-kernel-test"
  fi
  if [ -x "$py" ] && "$py" -c "import $modules" 2>/dev/null && command -v jupyter >/dev/null 2>&1; then
    say "Jupyter found ($py)"
    return
  fi
  [ "$install_deps" = true ] || die "Jupyter is missing ($modules for $py); run without --no-deps or install it"
  say "installing Jupyter from the distribution's packages"
  # shellcheck disable=SC2086
  apt_install $packages || die "could not install Jupyter through apt; install: $packages"
}

build_jar() {
  say "building the kernel (./mvnw package)"
  (cd "$here" && ./mvnw -B -q -DskipTests package)
}

kernelspec_dir() {
  if [ -n "$jupyter_path" ]; then
    echo "$jupyter_path/kernels/eddy"
  elif [ "$sys_prefix" = true ]; then
    echo "$("$(python_bin)" -c 'import sys; print(sys.prefix)')/share/jupyter/kernels/eddy"
  else
    echo "$(jupyter --data-dir 2>/dev/null || echo "$HOME/.local/share/jupyter")/kernels/eddy"
  fi
}

# The JVM options of the kernelspec template (those before -jar), one per line.
spec_jvm_options() {
  sed -n 's/^ *"\(-[^"]*\)",\{0,1\} *$/\1/p' "$spec_template" | grep -v '^-jar$'
}

# Whether $2 is a class-data archive the kernel's JVM ($1) can map with the jar in $3.
cds_usable() {
  local opts
  mapfile -t opts < <(spec_jvm_options)
  [ -s "$2" ] && "$1" "${opts[@]}" -Xshare:on -XX:SharedArchiveFile="$2" -Xlog:cds*=off -cp "$3" -version >/dev/null 2>&1
}

# Makes the class-data archive $2/eddy.jsa (AppCDS): a short scripted session of the kernel
# (--cds-warmup) records the classes a kernel loads to start and run its first cells, and later
# kernels map them instead of loading them again. Optional: on any failure (or EDDY_CDS=0) there
# is no archive and the kernelspec goes without it. An archive that still fits is kept.
make_cds_archive() {
  local java="$1" dir="$2" archive="$2/eddy.jsa" log opts
  if [ "${EDDY_CDS:-1}" = 0 ]; then
    rm -f "$archive"
    return 1
  fi
  if cds_usable "$java" "$archive" "$dir/eddy-kernel.jar"; then
    return 0
  fi
  rm -f "$archive"
  say "recording a class-data archive to speed up kernel start (a few seconds)"
  mapfile -t opts < <(spec_jvm_options)
  log="$(mktemp)"
  if timeout 120 "$java" "${opts[@]}" -Xlog:cds*=off -XX:ArchiveClassesAtExit="$archive" \
        -jar "$dir/eddy-kernel.jar" --cds-warmup >"$log" 2>&1 \
      && cds_usable "$java" "$archive" "$dir/eddy-kernel.jar"; then
    rm -f "$log"
    return 0
  fi
  printf 'install.sh: no class-data archive (the kernel starts without it); last lines of its log:\n' >&2
  tail -5 "$log" >&2 || true
  rm -f "$log" "$archive"
  return 1
}

install_kernelspec() {
  local dir java cds_options=""
  [ -f "$jar" ] || die "the kernel jar is missing ($jar); run ./install.sh without --kernelspec-only"
  dir="$(kernelspec_dir)"
  java="$(java_bin)"
  mkdir -p "$dir"
  # An unchanged jar keeps its time stamp, which a class-data archive made with it checks.
  cmp -s "$jar" "$dir/eddy-kernel.jar" || cp "$jar" "$dir/eddy-kernel.jar"
  if make_cds_archive "$java" "$dir"; then
    # A stale archive (e.g. after a JDK update) is ignored by the JVM; its warning goes to the
    # kernel's log (stderr), never to stdout.
    cds_options="\\n    \"-XX:SharedArchiveFile=$dir/eddy.jsa\",\\n    \"-Xlog:cds*=off\",\\n    \"-Xlog:cds*=warning:stderr\","
  fi
  # KafkaBroker.start() runs its broker from the kafka-broker module's build (a child JVM class path).
  sed -e "s|@JAVA@|$java|" -e "s|@JAR@|$dir/eddy-kernel.jar|" \
      -e "s|@KAFKA_BROKER_CP@|$here/kafka-broker/target/broker-lib/*|" \
      -e "s|^\( *\)\"-Xshare:auto\",|&$cds_options|" "$spec_template" > "$dir/kernel.json"
  say "kernelspec 'eddy' installed in $dir${cds_options:+ (with a class-data archive)}"
}

if [ "$install_deps" = true ] || [ "$build" = true ]; then
  ensure_java
fi
if [ "$install_deps" = true ]; then
  ensure_jupyter
fi

case "$mode" in
  test)
    # The build's integration-test phase installs a kernelspec under kernel/target/jupyter itself.
    say "running the test suite (./mvnw verify)"
    cd "$here" && exec ./mvnw -B verify -Deddy.python="$(python_bin)"
    ;;
  install|run)
    [ "$build" = true ] && build_jar
    install_kernelspec
    if [ "$mode" = install ]; then
      say "done: run 'jupyter notebook notebooks/' and pick the 'Eddy (Java)' kernel"
    else
      say "opening the tutorials: start with 01-first-stream.ipynb (the kernel is 'Eddy (Java)')"
      root_flag=()
      [ "$(id -u)" -eq 0 ] && root_flag=(--allow-root)
      cd "$here" && exec jupyter notebook "${root_flag[@]}" notebooks/
    fi
    ;;
esac
