# libFuzzer targets, built inside the main project so they link the very same kpi_engine
# (sources, embedded stdlib and rules, dependencies). scripts/fuzz.sh configures build-fuzz/:
#   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DKPI_TESTS=OFF \
#         -DCMAKE_PROJECT_kpi_INCLUDE=tests/fuzz/fuzz.cmake
# This file runs right after project(kpi): everything after it is compiled with coverage
# instrumentation, ASan and UBSan; every tests/fuzz/<name>_fuzz.cpp becomes build-fuzz/<name>_fuzz.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "libFuzzer targets need clang++: -DCMAKE_CXX_COMPILER=clang++")
endif()

set(KPI_FUZZ_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
add_compile_options(-fsanitize=fuzzer-no-link ${KPI_FUZZ_SANITIZERS})
add_link_options(${KPI_FUZZ_SANITIZERS})

# One executable per tests/fuzz/<name>_fuzz.cpp: adding a target is adding that file.
# kpi_engine is defined later in CMakeLists.txt; CMake resolves the name when it generates.
file(GLOB KPI_FUZZ_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*_fuzz.cpp)
set(KPI_FUZZ_TARGETS "")
foreach(src ${KPI_FUZZ_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_link_libraries(${name} PRIVATE kpi_engine)
  target_compile_definitions(${name} PRIVATE KPI_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  # Created before CMakeLists.txt sets CMAKE_CXX_STANDARD: the headers need C++20 as well.
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}
                                           CXX_STANDARD 20 CXX_STANDARD_REQUIRED ON)
  list(APPEND KPI_FUZZ_TARGETS ${name})
endforeach()
add_custom_target(fuzz_targets DEPENDS ${KPI_FUZZ_TARGETS})
