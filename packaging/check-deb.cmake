# Packs the build into a .deb, then checks what a user would get: the files it installs, the
# dependencies dpkg-shlibdeps found, and that the unpacked binary runs `--version` headless.
# Usage: cmake -DCPACK=... -DBUILD_DIR=... -DWORK_DIR=... -DAPP_ID=... -DVERSION=... -P check-deb.cmake

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "failed (${result}): ${ARGN}\n${output}\n${errors}")
  endif()
  set(output "${output}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
run("${CPACK}" -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${WORK_DIR}")
file(GLOB debs "${WORK_DIR}/preflight_${VERSION}*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one preflight_${VERSION}*.deb in ${WORK_DIR}, found: ${debs}")
endif()

run(dpkg-deb --contents "${debs}")
foreach(expected
        "./usr/bin/preflight"
        "./usr/share/applications/${APP_ID}.desktop"
        "./usr/share/metainfo/${APP_ID}.metainfo.xml"
        "./usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg"
        "./usr/share/man/man1/preflight.1.gz"
        "./usr/share/bash-completion/completions/preflight")
  string(FIND "${output}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${debs} does not install ${expected}:\n${output}")
  endif()
endforeach()

run(dpkg-deb --field "${debs}" Depends)
foreach(expected libqt6widgets6 libqt6core6 libstdc++6 libqt6svg6 libharfbuzz-subset0 fonts-dejavu-core
                 fonts-symbola fonts-noto-color-emoji)
  string(FIND "${output}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "Depends of ${debs} lacks ${expected}: ${output}")
  endif()
endforeach()
run(dpkg-deb --field "${debs}" Recommends)
string(FIND "${output}" "fonts-noto-cjk" at)
if(at EQUAL -1)
  message(FATAL_ERROR "Recommends of ${debs} lacks fonts-noto-cjk (the PDF report's CJK font): ${output}")
endif()

# Unpacking (rather than dpkg -i) keeps the check free of side effects on the machine; the
# dependencies checked above are what dpkg -i would require.
run(dpkg-deb --extract "${debs}" "${WORK_DIR}/root")
run(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "${WORK_DIR}/root/usr/bin/preflight" --version)
if(NOT output STREQUAL "preflight ${VERSION}\n")
  message(FATAL_ERROR "packaged preflight --version printed '${output}'")
endif()

# What `man preflight` and tab completion will read: the page unpacks and names the program, and
# the completion script defines its function when sourced.
run(gzip -d -c "${WORK_DIR}/root/usr/share/man/man1/preflight.1.gz")
string(FIND "${output}" "\n.TH PREFLIGHT 1 \"" at)
string(FIND "${output}" "\"Preflight ${VERSION}\"" version_at)
if(at EQUAL -1 OR version_at EQUAL -1)
  message(FATAL_ERROR "packaged man page has no .TH PREFLIGHT 1 line for version ${VERSION}:\n${output}")
endif()
run(bash -c "source '${WORK_DIR}/root/usr/share/bash-completion/completions/preflight' && complete -p preflight")
if(NOT output MATCHES "-F _preflight preflight")
  message(FATAL_ERROR "packaged completion does not complete preflight: ${output}")
endif()
message(STATUS "${debs}: contents, dependencies, man page, completion and --version checked")
