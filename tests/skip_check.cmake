# Run by ctest (see tests/CMakeLists.txt): hides a Tesseract language (TESSDATA_PREFIX at an
# empty folder) and ../shared/data (SCANFIX_SHARED_DATA pointing nowhere), runs through ctest one
# test that needs each, and requires ctest to report both as skipped, not passed.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR}/empty-tessdata)
foreach(case "ocr|Tesseract fills lines and words with boxes and confidences"
             "eval|eval: real EHRI ALTO pages read as their String contents")
  string(REPLACE "|" ";" case "${case}")
  list(GET case 0 dir)
  list(GET case 1 name)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env TESSDATA_PREFIX=${WORK_DIR}/empty-tessdata
            SCANFIX_SHARED_DATA=${WORK_DIR}/no-shared-data
            ${CTEST_COMMAND} --test-dir ${TESTS_DIR}/${dir} -R "^${name}" --output-on-failure
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "\\*\\*\\*Skipped" OR NOT out MATCHES "1 tests? skipped|tests did not run")
    message(FATAL_ERROR "'${name}' without its data was not reported as skipped (ctest exit ${rc}):\n${out}")
  endif()
  message(STATUS "'${name}' without its data: skipped")
endforeach()
file(REMOVE_RECURSE ${WORK_DIR})
