# The library is one static library per folder of src/ ("layer"); each
# layer's target_link_libraries are the arrows it may follow, and nothing
# else: HACKING.md draws them.
#
# whosaid_layer(FOLDER TARGET SOURCES file... [DEPENDS layer...] [LINK target...])
#   Adds the static library TARGET from src/FOLDER's SOURCES (listed, no
#   glob), linked PUBLIC to the targets of the DEPENDS layers (by folder
#   name) and to LINK (external packages).
#
# whosaid_check_layers()
#   After every layer: a build step (target whosaid_layering, which every
#   layer depends on) that reads every file of src/LAYER and fails the
#   build, naming file and line, when one includes a header of a folder
#   its layer does not depend on, directly or through its DEPENDS.
include_guard(GLOBAL)

function(whosaid_layer folder target)
  cmake_parse_arguments(L "" "" "SOURCES;DEPENDS;LINK" ${ARGN})
  list(TRANSFORM L_SOURCES PREPEND "${PROJECT_SOURCE_DIR}/src/${folder}/")
  add_library(${target} STATIC ${L_SOURCES})
  set(_deps)
  foreach(d IN LISTS L_DEPENDS)
    get_property(_t GLOBAL PROPERTY WHOSAID_LAYER_TARGET_${d})
    if(NOT _t)
      message(FATAL_ERROR "whosaid_layer(${folder}): layer '${d}' is not defined (yet)")
    endif()
    list(APPEND _deps ${_t})
  endforeach()
  target_link_libraries(${target} PUBLIC ${_deps} ${L_LINK})
  target_include_directories(${target} PUBLIC
    "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>"
    "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/whosaid>")
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  whosaid_target_defaults(${target})
  set_property(GLOBAL APPEND PROPERTY WHOSAID_LAYERS ${folder})
  set_property(GLOBAL PROPERTY WHOSAID_LAYER_TARGET_${folder} ${target})
  # Allowed folders: itself plus everything its DEPENDS may include.
  set(_allowed ${folder})
  foreach(d IN LISTS L_DEPENDS)
    get_property(_a GLOBAL PROPERTY WHOSAID_LAYER_ALLOWED_${d})
    list(APPEND _allowed ${_a})
  endforeach()
  list(REMOVE_DUPLICATES _allowed)
  set_property(GLOBAL PROPERTY WHOSAID_LAYER_ALLOWED_${folder} ${_allowed})
endfunction()

function(whosaid_check_layers)
  get_property(_layers GLOBAL PROPERTY WHOSAID_LAYERS)
  set(_spec "")
  set(_files "")
  foreach(l IN LISTS _layers)
    get_property(_a GLOBAL PROPERTY WHOSAID_LAYER_ALLOWED_${l})
    string(JOIN "," _a_csv ${_a})
    string(APPEND _spec "${l}=${_a_csv};")
    file(GLOB _f CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/${l}/*.h"
                                   "${PROJECT_SOURCE_DIR}/src/${l}/*.cpp")
    list(APPEND _files ${_f})
  endforeach()
  set(_stamp "${CMAKE_CURRENT_BINARY_DIR}/whosaid_layering.stamp")
  add_custom_command(OUTPUT "${_stamp}"
    COMMAND "${CMAKE_COMMAND}" "-DSRC=${PROJECT_SOURCE_DIR}/src" "-DSPEC=${_spec}"
            -P "${PROJECT_SOURCE_DIR}/cmake/check_layers.cmake"
    COMMAND "${CMAKE_COMMAND}" -E touch "${_stamp}"
    DEPENDS ${_files} "${PROJECT_SOURCE_DIR}/cmake/check_layers.cmake"
    COMMENT "Checking that every #include follows the layer arrows (HACKING.md)"
    VERBATIM)
  add_custom_target(whosaid_layering DEPENDS "${_stamp}")
  foreach(l IN LISTS _layers)
    get_property(_t GLOBAL PROPERTY WHOSAID_LAYER_TARGET_${l})
    add_dependencies(${_t} whosaid_layering)
  endforeach()
endfunction()
