# Every C++ source follows .clang-format. Pinned to clang-format 14 (Debian 12's): other versions
# format some constructs differently, and a style check must not depend on the machine.
find_program(PREFLIGHT_CLANG_FORMAT NAMES clang-format-14 clang-format)
if(PREFLIGHT_CLANG_FORMAT)
  execute_process(COMMAND ${PREFLIGHT_CLANG_FORMAT} --version OUTPUT_VARIABLE clang_format_version)
endif()
if(clang_format_version MATCHES "version 14\\.")
  file(GLOB_RECURSE style_sources CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/src/*.cpp ${PROJECT_SOURCE_DIR}/src/*.h
    ${PROJECT_SOURCE_DIR}/tests/*.cpp ${PROJECT_SOURCE_DIR}/tests/*.h)
  add_test(NAME source.follows_clang_format
    COMMAND ${PREFLIGHT_CLANG_FORMAT} --dry-run --Werror ${style_sources})
else()
  message(STATUS "clang-format 14 not found: the source style test is not registered")
endif()
