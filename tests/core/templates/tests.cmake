list(APPEND PREFLIGHT_CORE_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/AppendixATest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProjectTemplatesTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TemplateLoaderTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TemplateRegistryTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TemplateMarkdownTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TemplateDiffTest.cpp)

# The schema itself, checked by a real JSON Schema 2020-12 validator. Debian's /usr/bin/python3 is
# named explicitly: a python3 earlier on PATH (pyenv, venv) may lack python3-jsonschema. The
# duplicate-id fixture is absent from --invalid because uniqueness is beyond JSON Schema; the
# malformed and non-UTF-8 fixtures are not JSON at all.
set(_templates_data ${PROJECT_SOURCE_DIR}/tests/data/templates)
add_test(NAME templates.schema_validates_templates
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/validate_templates.py
    ${PROJECT_SOURCE_DIR}/checklists/template.schema.json
    --valid ${PROJECT_SOURCE_DIR}/checklists/appendix-a.json ${PROJECT_SOURCE_DIR}/checklists/appendix-a-1.0.0.json
            ${_templates_data}/valid-minimal.json
            ${_templates_data}/every-feature.json ${_templates_data}/appendix-a-1.1.0.json
    --invalid ${_templates_data}/invalid-missing-field.json ${_templates_data}/invalid-empty-field.json
              ${_templates_data}/invalid-unknown-severity.json ${_templates_data}/invalid-wrong-type.json)
