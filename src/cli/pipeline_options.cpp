#include "cli/pipeline_options.h"

#include <boost/program_options.hpp>
#include <string>

#include "cli/exit_status.h"
#include "cli/extract_options.h"

namespace whosaid::cli {
namespace po = boost::program_options;
namespace {

// An option N >= `min` stored in `field`; read as text so that "-1" is an
// error, not a huge unsigned number.
po::typed_value<std::string>* Count(std::size_t& field, std::size_t min, const char* name) {
  return po::value<std::string>()
      ->value_name("N")
      ->default_value(std::to_string(field))
      ->notifier([&field, min, name](const std::string& v) {
        std::size_t n = 0;
        bool ok =
            !v.empty() && v.find_first_not_of("0123456789") == std::string::npos && v.size() <= 9;
        if (ok) n = std::stoul(v);
        if (!ok || n < min) {
          throw UsageError("--" + std::string(name) + " " + v +
                           ": expected a whole number >= " + std::to_string(min));
        }
        field = n;
      });
}

// 1048576 → "1M" (as ParseByteSize reads it back).
std::string ByteSize(std::size_t n) {
  const char* suffix[] = {"", "K", "M", "G"};
  int k = 0;
  while (k < 3 && n != 0 && n % 1024 == 0) {
    n /= 1024;
    ++k;
  }
  return std::to_string(n) + suffix[k];
}

}  // namespace

po::options_description PipelineOptions(PipelineConfig& config) {
  po::options_description desc("Pipeline settings");
  // clang-format off
  desc.add_options()
      ("window-bytes", po::value<std::string>()->value_name("N")->default_value(ByteSize(config.window_bytes))
           ->notifier([&config](const std::string& v) {
             config.window_bytes = ParseByteSize(v, "window-bytes");
           }),
       "read longer documents in windows of N bytes (memory follows the window; quotations, "
       "coreference and events do not cross a window's edge)")
      ("min-quote-words", Count(config.shape.min_quote_words, 1, "min-quote-words"),
       "shorter quotations are scare quotes or titles, not speech")
      ("pronoun-paragraphs", Count(config.coref.max_pronoun_paragraphs, 0, "pronoun-paragraphs"),
       "how many paragraphs back a pronoun (\"he said\") looks for its speaker")
      ("group-paragraphs", Count(config.coref.max_org_paragraphs, 0, "group-paragraphs"),
       "how many paragraphs back \"the rebels said\" looks for their group");
  // clang-format on
  return desc;
}

}  // namespace whosaid::cli
