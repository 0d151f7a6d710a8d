# Sanitizer and libFuzzer builds (docs/reliability.md).
#
#   cmake -S . -B build-asan -G Ninja -DCMAKE_C_COMPILER=clang-19 -DFGCC_SANITIZE=ON [-DFGCC_FUZZ=ON]
#
# FGCC_SANITIZE builds every target defined after this file is included
# (fgcc, its library, libfgrt, the runtime tests, the quickstart) with
# AddressSanitizer and UndefinedBehaviorSanitizer, any report fatal. Every
# ctest test then runs with the options below (leaks detected, suppressions
# for libclang only in cmake/lsan.supp), and lit compiles and runs the code
# fgcc emits with the same sanitizers (lit parameter `sanitize`, see
# test/lit.cfg.py). libclang itself is not instrumented.
#
# FGCC_FUZZ (implies FGCC_SANITIZE) also instruments everything for
# libFuzzer's coverage and builds the harnesses in fuzz/.
option(FGCC_SANITIZE "Build with -fsanitize=address,undefined (clang-19)" OFF)
option(FGCC_FUZZ "Build the libFuzzer harnesses in fuzz/ (implies FGCC_SANITIZE)" OFF)
if(FGCC_FUZZ)
  set(FGCC_SANITIZE ON)
endif()

if(FGCC_SANITIZE)
  if(NOT CMAKE_C_COMPILER_ID STREQUAL "Clang" OR NOT CMAKE_C_COMPILER_VERSION MATCHES "^19\\.")
    message(FATAL_ERROR "FGCC_SANITIZE/FGCC_FUZZ need clang 19 (configure with -DCMAKE_C_COMPILER=clang-19), "
                        "not ${CMAKE_C_COMPILER_ID} ${CMAKE_C_COMPILER_VERSION}")
  endif()
  set(FGCC_SANITIZE_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${FGCC_SANITIZE_FLAGS})
  add_link_options(${FGCC_SANITIZE_FLAGS})
  if(FGCC_FUZZ)
    # Coverage for libFuzzer in every object; only the harnesses link its main().
    add_compile_options(-fsanitize=fuzzer-no-link)
  endif()

  # Runtime options for everything run by the build (fgcc_add_jvp runs the
  # sanitized fgcc) and by ctest. The symbolizer gives file:line in reports.
  set(FGCC_LSAN_SUPP "${CMAKE_CURRENT_LIST_DIR}/lsan.supp")
  find_program(FGCC_SYMBOLIZER NAMES llvm-symbolizer-19 llvm-symbolizer HINTS ${LLVM_BIN_DIR})
  set(FGCC_SANITIZER_ENV
    "ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1"
    "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
    "LSAN_OPTIONS=suppressions=${FGCC_LSAN_SUPP}:print_suppressions=0"
    "FGCC_SANITIZE=1")
  if(FGCC_SYMBOLIZER)
    list(APPEND FGCC_SANITIZER_ENV "ASAN_SYMBOLIZER_PATH=${FGCC_SYMBOLIZER}")
  endif()
  message(STATUS "fgcc: sanitizers on (${FGCC_SANITIZE_FLAGS}; fuzz harnesses: ${FGCC_FUZZ})")

  # Once the whole directory is read, give every test the environment
  # (appended: tests keep the variables they set themselves).
  function(fgcc_sanitize_tests)
    get_property(tests DIRECTORY "${CMAKE_SOURCE_DIR}" PROPERTY TESTS)
    if(tests)
      set_property(TEST ${tests} APPEND PROPERTY ENVIRONMENT ${FGCC_SANITIZER_ENV})
    endif()
  endfunction()
  cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL fgcc_sanitize_tests)
endif()
