# Run by ctest (see CMakeLists.txt here): cmake --install of BUILD_DIR into WORK_DIR/prefix,
# then the consumer project configured with Ninja against that prefix only, built, and run.
file(REMOVE_RECURSE ${WORK_DIR})

function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}")
  endif()
endfunction()

run_step("cmake --install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix)
run_step("configuring the consumer"
  ${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${WORK_DIR}/build -G Ninja -DCMAKE_BUILD_TYPE=Release
  -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
  -DCMAKE_CXX_COMPILER=${CXX_COMPILER} "-DCMAKE_CXX_COMPILER_LAUNCHER=${CXX_LAUNCHER}"
  "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${CXX_FLAGS}")
run_step("building the consumer" ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
foreach(module core ocr cleanup eval emit pipeline tune batch review)
  run_step("running use_${module}" ${WORK_DIR}/build/use_${module})
endforeach()
message(STATUS "consumer built and ran against ${WORK_DIR}/prefix")
file(REMOVE_RECURSE ${WORK_DIR})
