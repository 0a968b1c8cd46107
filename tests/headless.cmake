# `preflight --version` and `--help` must work on a machine with no display at all: run them with
# every display variable removed (not even the offscreen platform the other tests use).
foreach(option version help)
  add_test(NAME app.${option}_without_display
    COMMAND env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM $<TARGET_FILE:preflight> --${option})
endforeach()
set_tests_properties(app.version_without_display PROPERTIES
  PASS_REGULAR_EXPRESSION "^preflight ${PROJECT_VERSION}\n$")
set_tests_properties(app.help_without_display PROPERTIES PASS_REGULAR_EXPRESSION "Usage: [^\n]*preflight")
