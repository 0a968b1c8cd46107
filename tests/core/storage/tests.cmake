list(APPEND PREFLIGHT_CORE_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/AuditChainTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AuditKeyTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/BackupTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ConflictTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MigrationTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/OpenRefusalTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProcessTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProjectModelTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ServerTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StoreTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TimeFormatTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProjectMigrationTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MigrationUndoTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProfileStoreTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProfileMigrationTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SignOffRestoreTest.cpp)

# The child process the crash and concurrency tests start and kill.
add_executable(preflight_store_writer ${CMAKE_CURRENT_LIST_DIR}/StoreWriter.cpp)
target_link_libraries(preflight_store_writer PRIVATE preflight_core)
add_compile_definitions(PREFLIGHT_STORE_WRITER="$<TARGET_FILE:preflight_store_writer>")
# preflight_core_tests is defined after this file is included; make it build the writer too.
cmake_language(DEFER CALL add_dependencies preflight_core_tests preflight_store_writer)

# The same storage suite on a throwaway PostgreSQL server (pg_virtualenv), plus what only a server
# does ([server]); the file-only cases (backups, migrations of files, file refusals) are left out.
add_test(NAME storage.on_server
  COMMAND ${PROJECT_SOURCE_DIR}/tests/with-server.sh $<TARGET_FILE:preflight_core_tests>
    "[store]~[backup]~[migration]~[open]~[file],[server]")
# One throwaway server at a time (cli and gui.on_server too): each has its own port (with-server.sh),
# but on two cores two clusters and their suites only compete for the same cores.
set_tests_properties(storage.on_server PROPERTIES RESOURCE_LOCK throwaway_postgres)
