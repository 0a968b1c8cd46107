list(APPEND PREFLIGHT_CORE_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/SampleReview.h
  ${CMAKE_CURRENT_LIST_DIR}/AssessmentTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SignOffTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ShortfallTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ItemRulesTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProgressTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StatusJsonTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AppendixAScoringTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProfileScoringTest.cpp)
