# scanfix_add_module(NAME SOURCES ...): one static library per module with its public headers
# under <module>/include, exported as scanfix::NAME and installed with the package.
function(scanfix_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  add_library(scanfix_${name} STATIC ${ARG_SOURCES})
  add_library(scanfix::${name} ALIAS scanfix_${name})
  set_target_properties(scanfix_${name} PROPERTIES EXPORT_NAME ${name} POSITION_INDEPENDENT_CODE ON)
  target_include_directories(scanfix_${name} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_options(scanfix_${name} PRIVATE -Wall -Wextra)
  install(TARGETS scanfix_${name} EXPORT scanfixTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endfunction()
