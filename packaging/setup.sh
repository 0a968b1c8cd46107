#!/usr/bin/env bash
# Builds Preflight on Debian 12 from a fresh checkout, then launches it or runs every test.
#
#   packaging/setup.sh run    install missing packages, build, launch the app
#   packaging/setup.sh test   install missing packages, build, run the whole CTest suite
#
# Environment: PREFLIGHT_BUILD_DIR (default: build/ in the checkout), PREFLIGHT_JOBS (default: all
# cores), PREFLIGHT_CMAKE_ARGS (extra configure arguments, e.g. -DPREFLIGHT_WERROR=ON).
set -euo pipefail

# ---------------------------------------------------------------------------------------------
# Every Debian 12 package needed to build, run, test and package Preflight. This is the one list:
# add new dependencies here (one per line, with what needs it).
PREFLIGHT_DEBIAN_PACKAGES=(
    cmake ninja-build g++                       # build
    qt6-base-dev qt6-charts-dev                 # Qt Core/Gui/Widgets, Charts
    libqt6svg6                                  # SVG icon plugin, loaded at run time
    libqt6opengl6-dev libgl-dev                 # required by Qt6Gui's CMake config
    libqt6sql6-sqlite libsqlite3-dev            # storage
    libpq-dev                                   # team servers (libpq, PostgreSQL's client library)
    openssh-client                              # signed sign-offs (ssh-keygen -Y, ssh-agent, ssh-add)
    postgresql-15 postgresql-common             # throwaway servers for the tests (pg_virtualenv)
    nlohmann-json3-dev catch2                   # JSON, unit tests
    libcmark-gfm-dev libcmark-gfm-extensions-dev  # Markdown (CommonMark + GFM) parsing
    libharfbuzz-dev                             # font subsetting for the PDF report
    xvfb xauth                                  # headless GUI runs (xvfb-run)
    fonts-dejavu-core fonts-symbola             # the PDF report's fonts (src/report/ReportFonts.cpp)
    fonts-noto-cjk                              # the PDF report's Chinese, Japanese and Korean font
    fonts-noto-color-emoji                      # the window's emoji (severity markers)
    cmark-gfm qpdf poppler-utils imagemagick    # report and import tests
    python3-jsonschema                          # template schema test (/usr/bin/python3)
    desktop-file-utils appstream                # packaging validation tests
    groff-base gzip                             # man page check, compressed man page
    dpkg-dev file                               # cpack -G DEB (dpkg-shlibdeps)
    clang-14 libclang-rt-14-dev                 # fuzzers (libFuzzer)
    clang-format-14                             # source style test
    faketime                                    # screenshots: the review's history spread over weeks
)
# ---------------------------------------------------------------------------------------------

usage() {
    echo "usage: $0 run|test" >&2
    exit 2
}
[[ $# -eq 1 && ($1 == run || $1 == test) ]] || usage
mode=$1

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${PREFLIGHT_BUILD_DIR:-$source_dir/build}
jobs=${PREFLIGHT_JOBS:-$(nproc)}

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        echo "error: installing packages needs root; run as root or install sudo" >&2
        exit 1
    fi
}

install_missing_packages() {
    local missing=() package
    for package in "${PREFLIGHT_DEBIAN_PACKAGES[@]}"; do
        if [[ $(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null) != installed ]]; then
            missing+=("$package")
        fi
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        return
    fi
    echo "Installing missing packages: ${missing[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

build() {
    # shellcheck disable=SC2086 # PREFLIGHT_CMAKE_ARGS is a list of arguments
    cmake -S "$source_dir" -B "$build_dir" -G Ninja ${PREFLIGHT_CMAKE_ARGS:-}
    cmake --build "$build_dir" --parallel "$jobs"
}

install_missing_packages
build

case $mode in
run)
    if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
        cat >&2 <<HINT
Built $build_dir/src/app/preflight, but there is no display to open its window on
(neither DISPLAY nor WAYLAND_DISPLAY is set). Either run it from a desktop session, or use a
virtual X server, for example to take a screenshot or drive it from a script:
    xvfb-run -a -s "-screen 0 1600x1000x24" $build_dir/src/app/preflight
The command line works without a display: $build_dir/src/app/preflight --help
HINT
        exit 1
    fi
    exec "$build_dir/src/app/preflight"
    ;;
test)
    # Each test sets QT_QPA_PLATFORM=offscreen itself, so no display is needed.
    ctest --test-dir "$build_dir" --output-on-failure -j2
    ;;
esac
