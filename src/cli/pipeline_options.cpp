#include "cli/pipeline_options.h"

#include <boost/program_options.hpp>
#include <stdexcept>
#include <string>

#include "cli/exit_status.h"
#include "cli/extract_options.h"

namespace whosaid::cli {
namespace po = boost::program_options;
namespace {

// An option N >= `min` stored in `field`; read as text so that "-1" is an
// error, not a huge unsigned number.
template <class T>
po::typed_value<std::string>* Count(T& field, std::size_t min, const char* name) {
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
        field = static_cast<T>(n);
      });
}

// An option 0 <= X <= 1 stored in `field`; its default printed as given.
po::typed_value<std::string>* Fraction(double& field, const char* shown, const char* name) {
  return po::value<std::string>()->value_name("X")->default_value(shown)->notifier(
      [&field, name](const std::string& v) {
        std::size_t used = 0;
        double x = -1;
        try {
          x = std::stod(v, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used == 0 || used != v.size() || !(x >= 0 && x <= 1))
          throw UsageError("--" + std::string(name) + " " + v + ": expected a number from 0 to 1");
        field = x;
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
       "how many paragraphs back \"the rebels said\" looks for their group")
      ("event-days", Count(config.events.coref.date_slack_days, 0, "event-days"),
       "two dated mentions of one kind of event more than N days apart are two events")
      ("story-paragraphs", Count(config.events.story.quote_paragraphs, 0, "story-paragraphs"),
       "a quote that names no event is about the story's event only in the first N paragraphs");
  // clang-format on
  return desc;
}

po::options_description ClaimsOptions(claims::ClaimsConfig& config) {
  po::options_description desc("Claims settings");
  // The defaults are ClaimsConfig's (claims/statements.h, claims/conflicts.h);
  // a fraction is shown as written there.
  // clang-format off
  desc.add_options()
      ("statement-link", Fraction(config.statements.link, "0.35", "statement-link"),
       "two reports are one statement when this share of the shorter one's weighted terms is "
       "shared (higher: fewer, tighter statements)")
      ("min-reports", Count(config.figures.min_reports, 1, "min-reports"),
       "a figure line needs figures from at least N documents or N sources");
  // clang-format on
  return desc;
}

}  // namespace whosaid::cli
