list(APPEND PREFLIGHT_CORE_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/MojibakeTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SeedImportTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DialectTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProjectImportTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/RoundTripTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CommonMarkTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PlainChecklistTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/RiskImportTest.cpp)
