# Debian 12 libraries that ship neither a CMake package nor (for all of their parts) a pkg-config
# file, found directly and wrapped as imported targets.

# cmark-gfm: the CommonMark/GFM reference parser (libcmark-gfm-dev, libcmark-gfm-extensions-dev),
# with its table and task-list extensions.
find_path(CMARK_GFM_INCLUDE_DIR cmark-gfm.h REQUIRED)
find_library(CMARK_GFM_LIBRARY cmark-gfm REQUIRED)
find_library(CMARK_GFM_EXTENSIONS_LIBRARY cmark-gfm-extensions REQUIRED)
add_library(CmarkGfm::CmarkGfm INTERFACE IMPORTED)
target_include_directories(CmarkGfm::CmarkGfm INTERFACE ${CMARK_GFM_INCLUDE_DIR})
target_link_libraries(CmarkGfm::CmarkGfm INTERFACE ${CMARK_GFM_EXTENSIONS_LIBRARY} ${CMARK_GFM_LIBRARY})

# HarfBuzz's font subsetter (libharfbuzz-dev), for TrueType and CFF fonts embedded in PDFs.
find_path(HARFBUZZ_INCLUDE_DIR hb-subset.h PATH_SUFFIXES harfbuzz REQUIRED)
find_library(HARFBUZZ_LIBRARY harfbuzz REQUIRED)
find_library(HARFBUZZ_SUBSET_LIBRARY harfbuzz-subset REQUIRED)
add_library(HarfBuzz::Subset INTERFACE IMPORTED)
target_include_directories(HarfBuzz::Subset INTERFACE ${HARFBUZZ_INCLUDE_DIR})
target_link_libraries(HarfBuzz::Subset INTERFACE ${HARFBUZZ_SUBSET_LIBRARY} ${HARFBUZZ_LIBRARY})
