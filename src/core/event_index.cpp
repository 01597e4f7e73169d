#include "core/event_index.h"

#include <cstdio>

namespace whosaid::events {

int EventIndex::Number(std::size_t doc, int local) const {
  if (doc + 1 >= first.size() || local < 0 ||
      static_cast<std::size_t>(local) >= first[doc + 1] - first[doc])
    return -1;
  return of[first[doc] + static_cast<std::size_t>(local)];
}

const GlobalEvent* EventIndex::Find(std::size_t doc, int local) const {
  const int k = Number(doc, local);
  return k >= 0 && static_cast<std::size_t>(k) < events.size()
             ? &events[static_cast<std::size_t>(k)]
             : nullptr;
}

std::optional<EventRef> EventIndex::Ref(std::size_t doc, int local) const {
  const int k = Number(doc, local);
  if (k < 0) return std::nullopt;
  const auto n = static_cast<std::size_t>(k);
  if (n < events.size()) return events[n].ref;
  if (n < refs.refs.size()) return refs.Unpack(n);
  return std::nullopt;
}

std::uint32_t PackedEventRefs::Intern(const std::string& s) {
  if (s.empty()) return 0;
  auto [it, added] = ids_.try_emplace(s, static_cast<std::uint32_t>(strings.size()));
  if (added) strings.push_back(s);
  return it->second;
}

PackedEventRefs::Ref PackedEventRefs::Pack(const EventRef& ref) {
  Ref out;
  out.type = Intern(ref.type);
  out.when = Intern(ref.when);
  out.where = static_cast<std::uint32_t>(where_ids.size());
  out.where_size = static_cast<std::uint32_t>(ref.where.size());
  for (const std::string& w : ref.where) where_ids.push_back(Intern(w));
  return out;
}

void PackedEventRefs::Done() {
  std::unordered_map<std::string, std::uint32_t>().swap(ids_);
  refs.shrink_to_fit();
  where_ids.shrink_to_fit();
  strings.shrink_to_fit();
}

EventRef PackedEventRefs::Unpack(std::size_t n) const {
  const Ref& r = refs[n];
  EventRef out;
  char id[32];  // (not "E" + to_string: GCC 12 -Wrestrict false positive)
  std::snprintf(id, sizeof id, "E%zu", n + 1);
  out.id = id;
  out.type = strings[r.type];
  out.when = strings[r.when];
  out.where.reserve(r.where_size);
  for (std::uint32_t k = 0; k < r.where_size; ++k)
    out.where.push_back(strings[where_ids[r.where + k]]);
  out.label = EventLabel(out.type, out.where, out.when);
  return out;
}

std::string EventLabel(const std::string& type, const std::vector<std::string>& where,
                       const std::string& when) {
  std::string label = type;
  for (const std::string* part : {where.empty() ? nullptr : &where.front(), &when}) {
    if (!part || part->empty()) continue;
    label += ", ";
    label += *part;
  }
  return label;
}

}  // namespace whosaid::events
