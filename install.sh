#!/usr/bin/env bash
# Sets up Eddy: checks Java 17+, installs Jupyter if it is missing (Debian/Ubuntu, through apt),
# builds the kernel jar and installs the "eddy" kernelspec. Safe to run again.
#
#   ./install.sh                      set up, install the kernelspec for this user
#   ./install.sh --test               set up what the tests need, then run the whole test suite
#   ./install.sh --jupyter-path DIR   install the kernelspec under DIR/kernels/eddy (private location)
#   ./install.sh --sys-prefix         install the kernelspec into the Python environment's prefix
#   ./install.sh --kernelspec-only    skip dependency checks and the build (the jar must exist)
#   ./install.sh --no-deps            do not try to install missing system packages
#
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
    --jupyter-path) jupyter_path="$2"; shift ;;
    --jupyter-path=*) jupyter_path="${1#*=}" ;;
    --sys-prefix) sys_prefix=true ;;
    --kernelspec-only) install_deps=false; build=false ;;
    --no-deps) install_deps=false ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
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

install_kernelspec() {
  local dir java
  [ -f "$jar" ] || die "the kernel jar is missing ($jar); run ./install.sh without --kernelspec-only"
  dir="$(kernelspec_dir)"
  java="$(java_bin)"
  mkdir -p "$dir"
  cp "$jar" "$dir/eddy-kernel.jar"
  sed -e "s|@JAVA@|$java|" -e "s|@JAR@|$dir/eddy-kernel.jar|" "$spec_template" > "$dir/kernel.json"
  say "kernelspec 'eddy' installed in $dir"
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
  install)
    [ "$build" = true ] && build_jar
    install_kernelspec
    say "done: run 'jupyter notebook notebooks/' and pick the 'Eddy (Java)' kernel"
    ;;
esac
