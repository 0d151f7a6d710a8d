# fgcc_add_jvp(<target> <source.c> [FN <name>[:<p1>,<p2>] ...] [ARGS <fgcc args>...])
#
# Differentiates <source.c> with fgcc as a build step and adds both the
# source and the generated <source>_jvp.c to <target>. FN entries become
# `--fn` options (for code without FG_DIFF markers); ARGS are passed to fgcc
# as they are (-D, -I, --jvp ...). The target's include directories are
# passed to fgcc's parser too, so it sees the headers the compiler sees.
# The generated file is rebuilt when the source or fgcc changes.
#
# Needs the `fgcc` executable target (this project) or FGCC_EXECUTABLE.
function(fgcc_add_jvp target source)
  cmake_parse_arguments(PARSE_ARGV 2 FG "" "" "FN;ARGS")
  get_filename_component(src "${source}" ABSOLUTE)
  get_filename_component(stem "${source}" NAME_WE)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/fgcc_jvp/${target}/${stem}_jvp.c")
  if(TARGET fgcc)
    set(tool $<TARGET_FILE:fgcc>)
    set(tool_dep fgcc)
  else()
    set(tool "${FGCC_EXECUTABLE}")
    set(tool_dep "${FGCC_EXECUTABLE}")
  endif()
  set(fns "")
  foreach(fn IN LISTS FG_FN)
    list(APPEND fns --fn "${fn}")
  endforeach()
  set(incs "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/fgcc_jvp/${target}"
    COMMAND ${tool} "${src}" -o "${out}" ${fns} ${FG_ARGS}
            "$<$<BOOL:${incs}>:-I$<JOIN:${incs},;-I>>"
    DEPENDS "${src}" ${tool_dep}
    COMMENT "fgcc ${source} -> ${stem}_jvp.c"
    COMMAND_EXPAND_LISTS VERBATIM)
  target_sources(${target} PRIVATE "${src}" "${out}")
endfunction()
