list(APPEND PREFLIGHT_CORE_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/ReportFixture.h ${CMAKE_CURRENT_LIST_DIR}/ReportFixture.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TestTools.h ${CMAKE_CURRENT_LIST_DIR}/TestTools.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MarkdownTextTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MarkdownWriterTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DataWritersTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FlagsExportTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/HtmlWriterTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/HtmlLinksTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FormattedTextTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ReportFileTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DumpReports.cpp)
