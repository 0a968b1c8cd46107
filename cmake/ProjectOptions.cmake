# Every target links preflight_options: one place for the language level, warnings, hardening and
# Qt strictness, so no target can silently build with weaker settings than the rest.
add_library(preflight_options INTERFACE)
target_compile_features(preflight_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(preflight_options INTERFACE -Wall -Wextra -Wpedantic)
if(PREFLIGHT_WERROR)
  target_compile_options(preflight_options INTERFACE -Werror)
endif()
target_compile_definitions(preflight_options INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CONTEXTLESS_CONNECT
  QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_DISABLE_DEPRECATED_UP_TO=0x060400
  $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>
  _GLIBCXX_ASSERTIONS)
if(PREFLIGHT_SANITIZE)
  target_compile_options(preflight_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(preflight_options INTERFACE -fsanitize=address,undefined)
endif()
