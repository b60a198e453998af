# Warnings for our own targets only; third-party headers come in as SYSTEM includes.
function(edgesmith_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wnon-virtual-dtor
                                           -Woverloaded-virtual -Wimplicit-fallthrough)
  # GCC 12 at -O3 reports std::string copies inlined from libstdc++ as overflows
  # (GCC bugs 105329, 105545, 105651); they are false positives, not findings about our code.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-stringop-overflow -Wno-restrict -Wno-array-bounds)
  endif()
  if(EDGESMITH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
