// whosaid::output::TableSink — quote records as a fixed-width table for
// people reading a terminal: one row per record.
//
//   DOC            SPEAKER                ROLE / AFFILIATION       KIND      QUOTE
//   doc-1          Hedayatullah Showara…  spokesperson, Somalia’…  direct    The council should…
//
// Columns: the document id; the speaker's resolved name, else the mention
// ("-" when there is no speaker); role and affiliation; the quote kind; the
// quote text on one line. Cells longer than their column end in "…". Widths
// are display columns: a code point counts 1, East Asian wide/fullwidth
// characters 2, combining marks and other zero-width characters 0. A last
// line gives the number of quotes and documents. Not a stable format: for
// programs use JSON Lines.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "output/sink.h"

namespace whosaid::output {

struct TableConfig {
  std::size_t doc_width = 24;      // columns for the document id
  std::size_t speaker_width = 24;  // columns for the speaker
  std::size_t role_width = 30;     // columns for "role, affiliation"
  std::size_t kind_width = 8;      // columns for the kind
  std::size_t quote_width = 70;    // columns for the quote text
};

// Display width of UTF-8 text (see above).
std::size_t DisplayWidth(std::string_view utf8);

// `utf8` on one line (runs of whitespace and control characters → one
// space), cut to at most `width` display columns with a trailing "…" when cut.
std::string FitCell(std::string_view utf8, std::size_t width);

class TableSink : public Sink {
 public:
  TableSink(OutputStream& out, const TableConfig& config) : out_(out), config_(config) {}
  void Begin() override;
  void Write(const Document& doc, const DocResult& result) override;
  void End(const CorpusResult& corpus) override;

 private:
  void Row(std::string_view doc, std::string_view speaker, std::string_view role,
           std::string_view kind, std::string_view quote);

  OutputStream& out_;
  TableConfig config_;
  std::size_t quotes_ = 0;
  std::size_t docs_ = 0;
};

}  // namespace whosaid::output
