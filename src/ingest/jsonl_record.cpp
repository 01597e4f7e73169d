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

  bool null() override { return Value(RecordField::Kind::kOther, "", "null"); }
  bool boolean(bool) override { return Value(RecordField::Kind::kOther, "", "a boolean"); }
  bool number_integer(number_integer_t v) override {
    return Value(RecordField::Kind::kInteger, std::to_string(v));
  }
  bool number_unsigned(number_unsigned_t v) override {
    return Value(RecordField::Kind::kInteger, std::to_string(v));
  }
  bool number_float(number_float_t, const string_t&) override {
    return Value(RecordField::Kind::kOther, "", "a fractional number");
  }
  bool string(string_t& v) override { return Value(RecordField::Kind::kString, std::move(v)); }
  bool binary(binary_t&) override { return Value(RecordField::Kind::kOther, "", "binary"); }

  bool start_object(std::size_t) override {
    if (depth_ == 0) out_.is_object = true;
    if (depth_ == 1 && key1_ == "meta") {
      ResetMeta();
      in_meta_ = true;
    } else {
      Value(RecordField::Kind::kOther, "", "an object");  // a field that holds an object
    }
    ++depth_;
    return true;
  }
  bool end_object() override {
    if (--depth_ == 1) in_meta_ = false;
    return true;
  }
  bool start_array(std::size_t) override {
    Value(RecordField::Kind::kOther, "", "an array");  // a field that holds an array
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
  bool Value(RecordField::Kind kind, std::string text, const char* other = "") {
    RecordField* field = nullptr;
    if (depth_ == 1) {
      field = Top(key1_);
      if (key1_ == "meta") ResetMeta();  // "meta" that is not an object: no meta fields
    } else if (depth_ == 2 && in_meta_) {
      field = Meta(key2_);
    }
    if (field) *field = RecordField{kind, std::move(text), other};
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

// The value of 4 hex digits at `s[i]`, or -1.
long Hex4(std::string_view s, std::size_t i) {
  if (i + 4 > s.size()) return -1;
  long v = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    const char c = s[k];
    const int d = c >= '0' && c <= '9'   ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                         : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

bool IsHigh(long cp) { return cp >= 0xD800 && cp <= 0xDBFF; }
bool IsLow(long cp) { return cp >= 0xDC00 && cp <= 0xDFFF; }

}  // namespace

SurrogateRepair ReplaceLoneSurrogates(std::string& line) {
  SurrogateRepair repair;
  for (std::size_t i = line.find('\\'); i != std::string::npos; i = line.find('\\', i)) {
    if (i + 1 >= line.size() || line[i + 1] != 'u') {
      i += 2;  // another escape: \\, \", \n …
      continue;
    }
    const long cp = Hex4(line, i + 2);
    if (cp < 0) {  // not an escape JSON knows: the parser will say so
      i += 2;
      continue;
    }
    const bool pair = IsHigh(cp) && i + 8 <= line.size() && line.compare(i + 6, 2, "\\u") == 0 &&
                      IsLow(Hex4(line, i + 8));
    if (pair) {
      i += 12;
      continue;
    }
    if (IsHigh(cp) || IsLow(cp)) {
      if (repair.count++ == 0) repair.first_byte = i;
      line.replace(i + 2, 4, "fffd");
    }
    i += 6;
  }
  return repair;
}

Record ReadRecord(std::string_view line) {
  Record out;
  FieldReader reader(out);
  Json::sax_parse(line.begin(), line.end(), &reader);
  if (!out.error.empty()) out.is_object = false;
  return out;
}

}  // namespace whosaid::ingest
