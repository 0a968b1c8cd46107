# `preflight --version` and `--help` must work on a machine with no display at all: run them with
# every display variable removed (not even the offscreen platform the other tests use).
foreach(option version help)
  add_test(NAME app.${option}_without_display
    COMMAND env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM $<TARGET_FILE:preflight> --${option})
endforeach()
set_tests_properties(app.version_without_display PROPERTIES
  PASS_REGULAR_EXPRESSION "^preflight ${PROJECT_VERSION}\n$")
set_tests_properties(app.help_without_display PROPERTIES PASS_REGULAR_EXPRESSION "Usage: [^\n]*preflight")

# The core must not depend on Qt Gui or Widgets (see core_link_check.cpp).
add_executable(preflight_core_link_check ${CMAKE_CURRENT_SOURCE_DIR}/core_link_check.cpp)
target_link_libraries(preflight_core_link_check PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,preflight_core>")
add_test(NAME core.links_and_runs_without_gui
  COMMAND env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM $<TARGET_FILE:preflight_core_link_check>)
set_tests_properties(core.links_and_runs_without_gui PROPERTIES PASS_REGULAR_EXPRESSION "^appendix-a items: 264\n$")

# Neither the app nor its libraries can fetch anything remote by themselves: Qt Network is not
# linked (a note preview or report that wanted a remote image would have no way to get it).
find_program(READELF readelf REQUIRED)
add_test(NAME app.links_no_network_library COMMAND ${READELF} -d $<TARGET_FILE:preflight>)
set_tests_properties(app.links_no_network_library PROPERTIES
  PASS_REGULAR_EXPRESSION "libQt6Widgets" FAIL_REGULAR_EXPRESSION "libQt6Network")
