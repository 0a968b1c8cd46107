list(APPEND PREFLIGHT_CLI_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/CliRunner.h
  ${CMAKE_CURRENT_LIST_DIR}/ReviewScenarioTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CommandErrorsTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GlobalOptionsTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TemplateTravelTest.cpp)
