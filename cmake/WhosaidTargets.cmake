# whosaid_target_defaults(TARGET)
#
# Per-target build settings shared by every whosaid target (no global flags):
# warnings (-Wall -Wextra -Wpedantic, plus -Werror when WHOSAID_WERROR is ON)
# and, when WHOSAID_SANITIZE is ON, AddressSanitizer + UBSan that abort on
# the first finding (-fno-sanitize-recover=all). With WHOSAID_FUZZ (clang),
# the code is also instrumented for libFuzzer's coverage feedback
# (-fsanitize=fuzzer-no-link); the fuzz targets add the fuzzer's main.
function(whosaid_target_defaults target)
  target_compile_features(${target} PRIVATE cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(WHOSAID_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(WHOSAID_SANITIZE OR WHOSAID_FUZZ)
    set(_san -fsanitize=address,undefined -fno-sanitize-recover=all)
    target_compile_options(${target} PRIVATE ${_san} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE ${_san})
  endif()
  if(WHOSAID_FUZZ)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()
