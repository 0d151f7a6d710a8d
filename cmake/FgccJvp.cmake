# fgcc_add_jvp(<target> <source.c> [<more sources.c>...] [FN <name>[:<p1>,<p2>] ...]
#              [WIDTH <K>] [ARGS <fgcc args>...] [DEPENDS <files>...])
#
# Differentiates <source.c> with fgcc as a build step and adds both the
# source and the generated <source>_jvp.c to <target>. With several sources,
# one fgcc run reads them all (`fgcc a.c b.c -o a_jvp.c`: functions of one
# can call functions of another), the generated file is named after the
# first, and every source is added to <target>. FN entries become
# `--fn` options (for code without FG_DIFF markers); ARGS are passed to fgcc
# as they are (-D, -I, --jvp ...). WIDTH K generates vector mode (fgcc
# --width K: NAME_jvpK) into <source>_jvpK.c instead, so that a second call
# on the same target adds the width-K derivatives beside the width-1 ones. The target gets fgcc.h's directory, and
# its include directories (with those of the libraries it links) are passed
# to fgcc's parser too, so it sees the headers the compiler sees.
# The generated file is rebuilt when a source, a DEPENDS file (headers the
# sources include, say) or fgcc changes.
#
# One implementation for both uses; only two names differ in where they come
# from:
#   fgcc::fgcc        the fgcc executable: an alias of the `fgcc` target in
#                     this project, an imported target after find_package(fgcc)
#   FGCC_INCLUDE_DIR  the directory of fgcc.h: runtime/include here,
#                     <prefix>/include in an installed package
# FGCC_EXECUTABLE, when set, overrides fgcc::fgcc (a fgcc outside CMake).
function(fgcc_add_jvp target source)
  cmake_parse_arguments(PARSE_ARGV 2 FG "" "WIDTH" "FN;ARGS;DEPENDS")
  set(srcs "")
  foreach(s IN ITEMS "${source}" ${FG_UNPARSED_ARGUMENTS})
    get_filename_component(abs "${s}" ABSOLUTE)
    list(APPEND srcs "${abs}")
  endforeach()
  set(deps "")
  foreach(d IN LISTS FG_DEPENDS)
    get_filename_component(abs "${d}" ABSOLUTE)
    list(APPEND deps "${abs}")
  endforeach()
  get_filename_component(stem "${source}" NAME_WE)
  string(JOIN " " names "${source}" ${FG_UNPARSED_ARGUMENTS})
  # WIDTH K: vector mode (fgcc --width K, functions NAME_jvpK) into
  # <stem>_jvpK.c, so one target can hold the derivatives of several widths
  # of the same sources (a second call adds only the generated file).
  set(width_args "")
  set(suffix "")
  if(DEFINED FG_WIDTH)
    if(NOT FG_WIDTH MATCHES "^[1-9][0-9]*$")
      message(FATAL_ERROR "fgcc_add_jvp: WIDTH must be a positive integer, not '${FG_WIDTH}'")
    endif()
    set(width_args --width ${FG_WIDTH})
    set(suffix ${FG_WIDTH})
  endif()
  set(out "${CMAKE_CURRENT_BINARY_DIR}/fgcc_jvp/${target}/${stem}_jvp${suffix}.c")
  if(FGCC_EXECUTABLE)
    set(tool "${FGCC_EXECUTABLE}")
    set(tool_dep "${FGCC_EXECUTABLE}")
  elseif(TARGET fgcc::fgcc)
    set(tool $<TARGET_FILE:fgcc::fgcc>)
    set(tool_dep fgcc::fgcc)
  else()
    message(FATAL_ERROR "fgcc_add_jvp: no fgcc: call find_package(fgcc) or set FGCC_EXECUTABLE")
  endif()
  # fgcc.h: for the compiler (the source and the generated file include it)
  # and, through the target's include directories, for fgcc's parser.
  if(FGCC_INCLUDE_DIR)
    target_include_directories(${target} PRIVATE "${FGCC_INCLUDE_DIR}")
  endif()
  set(fns "")
  foreach(fn IN LISTS FG_FN)
    list(APPEND fns --fn "${fn}")
  endforeach()
  set(incs "$<REMOVE_DUPLICATES:$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>>")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/fgcc_jvp/${target}"
    COMMAND ${tool} ${srcs} -o "${out}" ${fns} ${width_args} ${FG_ARGS}
            "$<$<BOOL:${incs}>:-I$<JOIN:${incs},;-I>>"
    DEPENDS ${srcs} ${deps} ${tool_dep}
    COMMENT "fgcc ${names} -> ${stem}_jvp${suffix}.c"
    COMMAND_EXPAND_LISTS VERBATIM)
  target_sources(${target} PRIVATE ${srcs} "${out}")
endfunction()
