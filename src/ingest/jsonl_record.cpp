#include "ingest/jsonl_record.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/text.h"

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

// The record's field under a top-level key, or under a key of "meta"; null
// for a key no document uses.
RecordField* TopField(Record& out, const std::string& key) {
  if (key == "id") return &out.id;
  if (key == "text") return &out.text;
  if (key == "outlet") return &out.outlet;
  if (key == "url") return &out.url;
  if (key == "date") return &out.date;
  return nullptr;
}
RecordField* MetaField(Record& out, const std::string& key) {
  if (key == "publisher") return &out.meta_publisher;
  if (key == "url") return &out.meta_url;
  if (key == "publication_date") return &out.meta_publication_date;
  return nullptr;
}
void ResetMetaFields(Record& out) {
  out.meta_publisher = out.meta_url = out.meta_publication_date = RecordField{};
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
  RecordField* Top(const std::string& key) { return TopField(out_, key); }
  RecordField* Meta(const std::string& key) { return MetaField(out_, key); }
  void ResetMeta() { ResetMetaFields(out_); }

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

// The common record read without nlohmann: one object whose values are
// strings, whole numbers of up to 19 digits, null, true or false, arrays and
// objects of such values (nested at most kMaxNesting deep), and a "meta"
// object of such values. A field holding an array or an object is "an
// array" / "an object", as the SAX parser says, and nothing inside it is a
// field (the corpora's "quotes" and "all_annotators" arrays: without this,
// every such line was read twice, the second time by nlohmann, an eighth of
// a run's instructions). Anything else — a fraction, a negative number, a
// "meta" that is no object, a lone surrogate, a control character, bytes
// after the object, any error — returns false, and the SAX parser above
// reads the line (so its fields and its messages are the same).
class FastReader {
 public:
  FastReader(std::string_view line, Record& out) : s_(line), out_(out) {}

  bool Read() {
    Space();
    if (!Eat('{')) return false;
    out_.is_object = true;
    if (!Members(1)) return false;
    Space();
    return at_ == s_.size();
  }

 private:
  // The members of an object after its '{', through its '}'.
  bool Members(int depth) {
    Space();
    if (Eat('}')) return true;
    for (;;) {
      Space();
      if (!String(key_)) return false;
      Space();
      if (!Eat(':')) return false;
      Space();
      if (!Member(depth)) return false;
      Space();
      if (Eat('}')) return true;
      if (!Eat(',')) return false;
    }
  }

  bool Member(int depth) {
    RecordField* field = depth == 1 ? Top(key_) : Meta(key_);
    if (depth == 1 && key_ == "meta") {
      if (!Eat('{')) return false;  // (a meta that is no object: the SAX parser)
      ResetMeta();
      return Members(2);
    }
    RecordField value;
    std::string_view digits;
    if (at_ < s_.size() && s_[at_] == '"') {
      value.kind = RecordField::Kind::kString;
      if (!String(value.text)) return false;
    } else if (at_ < s_.size() && (s_[at_] == '[' || s_[at_] == '{')) {
      value = {RecordField::Kind::kOther, "", s_[at_] == '[' ? "an array" : "an object"};
      if (!Skip(0)) return false;
    } else if (Integer(digits)) {
      value.kind = RecordField::Kind::kInteger;
      value.text.assign(digits);
    } else if (Word("null")) {
      value = {RecordField::Kind::kOther, "", "null"};
    } else if (Word("true") || Word("false")) {
      value = {RecordField::Kind::kOther, "", "a boolean"};
    } else {
      return false;
    }
    if (field) *field = std::move(value);
    return true;
  }

  // Whole numbers as the SAX parser reads them into an integer: up to 19
  // digits, no leading zero, no fraction or exponent after. On false
  // nothing is read.
  bool Integer(std::string_view& digits) {
    std::size_t end = at_;
    while (end < s_.size() && s_[end] >= '0' && s_[end] <= '9') ++end;
    const std::size_t n = end - at_;
    if (n == 0 || n > 19 || (n > 1 && s_[at_] == '0')) return false;
    if (end < s_.size() && (s_[end] == '.' || s_[end] == 'e' || s_[end] == 'E')) return false;
    digits = s_.substr(at_, n);
    at_ = end;
    return true;
  }

  // A number that no field keeps, as the SAX parser reads it: an optional
  // minus, an integer part of at most 19 digits, an optional fraction — no
  // exponent (1e999 is an error there: past a double's range). On false
  // nothing is read.
  bool Number() {
    auto digit = [&](std::size_t k) { return k < s_.size() && s_[k] >= '0' && s_[k] <= '9'; };
    std::size_t end = at_;
    if (end < s_.size() && s_[end] == '-') ++end;
    const std::size_t first = end;
    while (digit(end)) ++end;
    const std::size_t n = end - first;
    if (n == 0 || n > 19 || (n > 1 && s_[first] == '0')) return false;
    if (end < s_.size() && s_[end] == '.') {
      const std::size_t point = ++end;
      while (digit(end)) ++end;
      if (end == point) return false;
    }
    if (end < s_.size() && (s_[end] == 'e' || s_[end] == 'E')) return false;
    at_ = end;
    return true;
  }

  // A value that no field keeps (an array or object, or a value inside one),
  // checked and skipped; `nesting` containers are open around it.
  bool Skip(int nesting) {
    if (at_ >= s_.size()) return false;
    const char c = s_[at_];
    if (c == '"') return String(scratch_);
    if (c != '[' && c != '{') return Number() || Word("null") || Word("true") || Word("false");
    if (nesting >= kMaxNesting) return false;
    const char close = c == '[' ? ']' : '}';
    ++at_;
    Space();
    if (Eat(close)) return true;
    for (;;) {
      Space();
      if (close == '}') {
        if (!String(scratch_)) return false;
        Space();
        if (!Eat(':')) return false;
        Space();
      }
      if (!Skip(nesting + 1)) return false;
      Space();
      if (Eat(close)) return true;
      if (!Eat(',')) return false;
    }
  }

  // A string after its opening quote is checked, into `out` unescaped.
  bool String(std::string& out) {
    if (!Eat('"')) return false;
    out.clear();
    std::size_t plain = at_;
    const auto* b = reinterpret_cast<const unsigned char*>(s_.data());
    while (at_ < s_.size()) {
      if (at_ + 8 <= s_.size() && text::JsonPlainAscii8(b + at_)) {  // the common case
        at_ += 8;
        continue;
      }
      const unsigned char c = b[at_];
      if (c == '"') {
        out.append(s_.data() + plain, at_ - plain);
        ++at_;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        int32_t k = 0;
        const auto m = static_cast<int32_t>(std::min<std::size_t>(s_.size() - at_, 4));
        UChar32 cp;
        U8_NEXT(b + at_, k, m, cp);
        if (cp < 0) return false;
        at_ += static_cast<std::size_t>(k);
        continue;
      }
      if (c != '\\') {
        ++at_;
        continue;
      }
      out.append(s_.data() + plain, at_ - plain);
      if (!Escape(out)) return false;
      plain = at_;
    }
    return false;
  }

  // One escape at `at_` (its backslash), appended.
  bool Escape(std::string& out) {
    if (at_ + 1 >= s_.size()) return false;
    const char e = s_[at_ + 1];
    at_ += 2;
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out += e;
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        break;
      default:
        return false;
    }
    long cp = Hex4(s_, at_);
    if (cp < 0) return false;
    at_ += 4;
    if (IsLow(cp)) return false;
    if (IsHigh(cp)) {
      if (at_ + 6 > s_.size() || s_[at_] != '\\' || s_[at_ + 1] != 'u') return false;
      const long low = Hex4(s_, at_ + 2);
      if (!IsLow(low)) return false;
      at_ += 6;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    char buf[4];
    std::size_t n = 0;
    U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(cp));
    out.append(buf, n);
    return true;
  }

  void Space() {
    while (at_ < s_.size() &&
           (s_[at_] == ' ' || s_[at_] == '\t' || s_[at_] == '\n' || s_[at_] == '\r'))
      ++at_;
  }
  bool Eat(char c) {
    if (at_ >= s_.size() || s_[at_] != c) return false;
    ++at_;
    return true;
  }
  bool Word(std::string_view w) {
    if (s_.substr(at_, w.size()) != w) return false;
    at_ += w.size();
    return true;
  }
  RecordField* Top(const std::string& key) { return TopField(out_, key); }
  RecordField* Meta(const std::string& key) { return MetaField(out_, key); }
  void ResetMeta() { ResetMetaFields(out_); }

  std::string_view s_;
  Record& out_;
  std::size_t at_ = 0;
  std::string key_;
  std::string scratch_;  // keys and strings that no field keeps
  // Deeper lines go to the SAX parser (which nests without recursion).
  static constexpr int kMaxNesting = 32;
};

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
  if (FastReader(line, out).Read()) return out;
  out = Record{};
  FieldReader reader(out);
  Json::sax_parse(line.begin(), line.end(), &reader);
  if (!out.error.empty()) out.is_object = false;
  return out;
}

}  // namespace whosaid::ingest
