# The installed package: `cmake --install <build> --prefix P` gives
#
#   P/bin/fgcc                          the compiler
#   P/include/fgcc.h, fgrt.h            the markers, the runtime's API
#   P/lib/libfgrt.a                     the runtime
#   P/lib/libfgrt_mpi.a, include/fgrt_mpi.h  its MPI layer (when the build has MPI)
#   P/lib/cmake/fgcc/                   find_package(fgcc): fgccConfig.cmake,
#                                       fgccConfigVersion.cmake, the targets
#                                       fgcc::fgcc and fgcc::fgrt, fgcc_add_jvp()
#   P/lib/pkgconfig/fgrt.pc             pkg-config fgrt
#   P/share/man/man1/fgcc.1             the manual page
#
# Every path inside the package is relative to the package itself, so the
# tree can be moved to another prefix after installing (the ctest `package`
# checks that). Included by CMakeLists.txt after the targets fgcc and fgrt.
include(CMakePackageConfigHelpers)

set(FGCC_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/fgcc")

install(TARGETS fgcc EXPORT fgccTargets RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(TARGETS fgrt EXPORT fgccTargets ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}")
install(FILES runtime/include/fgcc.h runtime/include/fgrt.h DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
# The MPI layer (docs/distributed.md): fgcc::fgrt_mpi needs MPI::MPI_C, which
# fgccConfig.cmake then finds (FGCC_HAVE_MPI).
set(FGCC_HAVE_MPI FALSE)
if(TARGET fgrt_mpi)
  set(FGCC_HAVE_MPI TRUE)
  install(TARGETS fgrt_mpi EXPORT fgccTargets ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}")
  install(FILES runtime/include/fgrt_mpi.h DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
endif()
install(FILES docs/fgcc.1 DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")

# A sanitizer build's libfgrt.a calls the sanitizer runtimes: whoever links
# the installed library needs the same flags (and clang 19) at link time.
set(FGRT_LINK_FLAGS "")
if(FGCC_SANITIZE)
  set(FGRT_LINK_FLAGS ${FGCC_SANITIZE_FLAGS})
  if(FGCC_FUZZ)
    list(APPEND FGRT_LINK_FLAGS -fsanitize=fuzzer-no-link)
  endif()
  target_link_options(fgrt INTERFACE $<INSTALL_INTERFACE:${FGRT_LINK_FLAGS}>)
endif()

# ---------------------------------------------------------------- find_package(fgcc)
install(EXPORT fgccTargets NAMESPACE fgcc:: DESTINATION "${FGCC_CMAKE_DIR}" FILE fgccTargets.cmake)
configure_package_config_file(cmake/fgccConfig.cmake.in "${CMAKE_CURRENT_BINARY_DIR}/fgccConfig.cmake"
  INSTALL_DESTINATION "${FGCC_CMAKE_DIR}"
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR)
# 0.x: a new minor version may change the generated code's conventions.
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/fgccConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/fgccConfig.cmake"
              "${CMAKE_CURRENT_BINARY_DIR}/fgccConfigVersion.cmake"
              cmake/FgccJvp.cmake
        DESTINATION "${FGCC_CMAKE_DIR}")

# ---------------------------------------------------------------- pkg-config fgrt
# The prefix is found from the .pc file's own place (${pcfiledir}).
file(RELATIVE_PATH FGRT_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" FGRT_PC_TO_PREFIX "${FGRT_PC_TO_PREFIX}")
list(JOIN FGRT_LINK_FLAGS " " FGRT_PC_LINK_FLAGS)
configure_file(cmake/fgrt.pc.in "${CMAKE_CURRENT_BINARY_DIR}/fgrt.pc" @ONLY)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/fgrt.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
