#include "ingest/jsonl_record.h"

#include <nlohmann/json.hpp>

namespace whosaid::ingest {
namespace {

using Json = nlohmann::json;

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 5:
// ..." without the bracketed tag and the always-1 line number. Any
// json::exception: a number too large for a double ("1e999") is an
// out_of_range, not a parse_error.
std::string ParseErrorText(const Json::exception& e) {
  std::string what = e.what();
  if (auto close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
  if (what.rfind("parse error at line 1, ", 0) == 0) what.replace(0, 23, "parse error at ");
  return what;
}

// The SAX handler: follows the nesting depth and the key at depths 1 and 2
// (inside "meta"), and stores the values of the fields a document uses.
class FieldReader : public nlohmann::json_sax<Json> {
 public:
  explicit FieldReader(Record& out) : out_(out) {}

  bool null() override { return Value(RecordField::Kind::kOther, ""); }
  bool boolean(bool) override { return Value(RecordField::Kind::kOther, ""); }
  bool number_integer(number_integer_t v) override {
    return Value(RecordField::Kind::kInteger, std::to_string(v));
  }
  bool number_unsigned(number_unsigned_t v) override {
    return Value(RecordField::Kind::kInteger, std::to_string(v));
  }
  bool number_float(number_float_t, const string_t&) override {
    return Value(RecordField::Kind::kOther, "");
  }
  bool string(string_t& v) override { return Value(RecordField::Kind::kString, std::move(v)); }
  bool binary(binary_t&) override { return Value(RecordField::Kind::kOther, ""); }

  bool start_object(std::size_t) override {
    if (depth_ == 0) out_.is_object = true;
    if (depth_ == 1 && key1_ == "meta") {
      ResetMeta();
      in_meta_ = true;
    } else {
      Value(RecordField::Kind::kOther, "");  // a field that holds an object
    }
    ++depth_;
    return true;
  }
  bool end_object() override {
    if (--depth_ == 1) in_meta_ = false;
    return true;
  }
  bool start_array(std::size_t) override {
    Value(RecordField::Kind::kOther, "");  // a field that holds an array
    ++depth_;
    return true;
  }
  bool end_array() override {
    --depth_;
    return true;
  }
  bool key(string_t& k) override {
    if (depth_ == 1)
      key1_ = std::move(k);
    else if (depth_ == 2 && in_meta_)
      key2_ = std::move(k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    out_.error = ParseErrorText(e);
    return false;
  }

 private:
  // A value (or the start of a container) at the current depth.
  bool Value(RecordField::Kind kind, std::string text) {
    RecordField* field = nullptr;
    if (depth_ == 1) {
      field = Top(key1_);
      if (key1_ == "meta") ResetMeta();  // "meta" that is not an object: no meta fields
    } else if (depth_ == 2 && in_meta_) {
      field = Meta(key2_);
    }
    if (field) *field = RecordField{kind, std::move(text)};
    return true;
  }
  RecordField* Top(const std::string& key) {
    if (key == "id") return &out_.id;
    if (key == "text") return &out_.text;
    if (key == "outlet") return &out_.outlet;
    if (key == "url") return &out_.url;
    if (key == "date") return &out_.date;
    return nullptr;
  }
  RecordField* Meta(const std::string& key) {
    if (key == "publisher") return &out_.meta_publisher;
    if (key == "url") return &out_.meta_url;
    if (key == "publication_date") return &out_.meta_publication_date;
    return nullptr;
  }
  void ResetMeta() {
    out_.meta_publisher = out_.meta_url = out_.meta_publication_date = RecordField{};
  }

  Record& out_;
  std::size_t depth_ = 0;
  std::string key1_, key2_;
  bool in_meta_ = false;
};

}  // namespace

Record ReadRecord(std::string_view line) {
  Record out;
  FieldReader reader(out);
  Json::sax_parse(line.begin(), line.end(), &reader);
  if (!out.error.empty()) out.is_object = false;
  return out;
}

}  // namespace whosaid::ingest
