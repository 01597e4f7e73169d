#include "cli/serve_page.h"

namespace whosaid::cli {

// Routes (location.hash, else the query string): ?q=…&speaker=…&… a search;
// #entity=P3 a speaker page; #event=E1 an event page.
const char* const kServePage = R"html(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>whosaid — quote index</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2329;background:#f6f7f9}
header{background:#1d2b3a;color:#fff;padding:10px 20px}
header a{color:#fff;text-decoration:none;font-weight:600;font-size:18px}
main{max-width:980px;margin:0 auto;padding:12px 20px}
form{display:grid;grid-template-columns:repeat(4,1fr);gap:6px;margin-bottom:12px}
form input,form select{padding:5px;border:1px solid #bcc4cc;border-radius:3px;font:inherit}
form .wide{grid-column:span 3}
form button{background:#2a6cb0;color:#fff;border:0;border-radius:3px;font:inherit}
.hit{background:#fff;border:1px solid #dde2e6;border-radius:4px;padding:8px 12px;margin:8px 0}
.meta{font-size:13px;color:#4a5560}.meta a{color:#2a6cb0}
.meta .who{font-weight:600;color:#1d2329}
.para{margin:4px 0 0}mark{background:#ffe58a;padding:0 1px}
.error{background:#fde2e1;border:1px solid #e5a3a0;padding:8px;border-radius:4px}
table{border-collapse:collapse;background:#fff;width:100%}
td,th{border:1px solid #dde2e6;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}
h2{margin:12px 0 4px}h3{margin:14px 0 4px;font-size:16px}#count{color:#4a5560}
</style></head>
<body><header><a href="./">whosaid</a> <span>quote index</span></header>
<main>
<form id="f">
 <input class="wide" name="q" placeholder="words, &quot;a phrase&quot;, OR, NOT, prefix*">
 <button>Search</button>
 <input name="speaker" placeholder="speaker (any spelling)">
 <input name="role" placeholder="role">
 <input name="outlet" placeholder="outlet">
 <input name="about" placeholder="about (event words)">
 <select name="kind"><option value="">any kind</option><option>direct</option>
  <option>mixed</option><option>indirect</option></select>
 <input name="from" placeholder="from YYYY-MM-DD">
 <input name="to" placeholder="to YYYY-MM-DD">
 <input name="event" placeholder="event id (E1)">
</form>
<div id="out"></div>
</main>
<script>
"use strict";
const out = document.getElementById("out");
const form = document.getElementById("f");
const FIELDS = ["q","speaker","role","outlet","about","kind","from","to","event","entity"];
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}
function link(text, hash) { const a = el("a", null, text); a.href = "#" + hash; return a; }
function clear() { while (out.firstChild) out.removeChild(out.firstChild); }
function fail(message) { clear(); out.appendChild(el("div", "error", message)); }
async function api(path, params) {
  const r = await fetch(path + "?" + new URLSearchParams(params).toString());
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}
function hitView(h) {
  const d = el("div", "hit");
  const m = el("div", "meta");
  const r = h.record, sp = r.speaker;
  if (sp && sp.entity) m.appendChild(link(sp.name || sp.entity, "entity=" + sp.entity)).className = "who";
  else m.appendChild(el("span", "who", sp ? (sp.name || sp.mention && sp.mention.text || "?")
                                          : "(unattributed)"));
  if (sp && sp.role) m.appendChild(document.createTextNode(", " + sp.role));
  if (sp && sp.affiliation) m.appendChild(document.createTextNode(" (" + sp.affiliation + ")"));
  m.appendChild(document.createTextNode(" · " + (r.outlet || r.doc) + " · " + (h.date || "undated")
                                        + " · " + r.quote.kind));
  if (r.event) {
    m.appendChild(document.createTextNode(" · "));
    m.appendChild(link(r.event.label, "event=" + r.event.id));
  }
  if (h.url) {
    const a = el("a", null, " source"); a.href = h.url; a.rel = "noreferrer";
    m.appendChild(document.createTextNode(" ·")); m.appendChild(a);
  }
  d.appendChild(m);
  const p = el("p", "para");
  p.appendChild(document.createTextNode(h.before));
  p.appendChild(el("mark", null, h.quote));
  p.appendChild(document.createTextNode(h.after));
  d.appendChild(p);
  return d;
}
function hitsView(hits, title) {
  if (title) out.appendChild(el("h3", null, title));
  for (const h of hits) out.appendChild(hitView(h));
}
async function search(params) {
  for (const k of FIELDS) if (form.elements[k]) form.elements[k].value = params[k] || "";
  const query = {}; for (const k of FIELDS) if (params[k]) query[k] = params[k];
  if (!Object.keys(query).length) { clear(); return; }
  query.limit = params.limit || "50";
  const hits = await api("api/hits", query);
  const speakers = params.speaker ? await api("api/speakers", {name: params.speaker}) : [];
  clear();
  for (const s of speakers) {  // who the typed name was taken for, with every spelling
    const p = el("p", "meta");
    p.appendChild(document.createTextNode(params.speaker + " → "));
    p.appendChild(link(s.name, "entity=" + s.id)).className = "who";
    p.appendChild(document.createTextNode(" · spelled " + s.variants.map(v => v.form).join(", ")));
    out.appendChild(p);
  }
  out.appendChild(el("p", null, hits.length + (hits.length == 1 ? " quote" : " quotes"))).id = "count";
  hitsView(hits);
}
async function entityPage(id) {
  const e = await api("api/entity", {id});
  clear();
  out.appendChild(el("h2", null, e.name));
  out.appendChild(el("p", "meta", e.id + " · " + e.type + " · " + e.quotes + " quotes"));
  for (const r of e.roles) out.appendChild(el("p", "meta", [r.role, r.affiliation].filter(x => x).join(", ")));
  out.appendChild(el("h3", null, "Every spelling"));
  const t = el("table"); t.id = "spellings";
  const hr = el("tr"); for (const c of ["form","count","outlets","documents"]) hr.appendChild(el("th", null, c));
  t.appendChild(hr);
  for (const v of e.variants) {
    const tr = el("tr");
    tr.appendChild(el("td", null, v.form)); tr.appendChild(el("td", null, String(v.count)));
    tr.appendChild(el("td", null, v.outlets.join(", "))); tr.appendChild(el("td", null, v.docs.join(", ")));
    t.appendChild(tr);
  }
  out.appendChild(t);
  hitsView(await api("api/hits", {entity: id, limit: "200"}), "Quotes");
}
async function eventPage(id) {
  const e = await api("api/event", {id});
  clear();
  out.appendChild(el("h2", null, e.label));
  out.appendChild(el("p", "meta", [e.id, e.type, e.when || "undated", e.where.join(", "),
                                   e.actors.length ? "by " + e.actors.join(", ") : ""].filter(x => x).join(" · ")));
  out.appendChild(el("p", "meta", e.documents.length + " documents: " + e.documents.join(", ")));
  const hits = await api("api/hits", {event: id, limit: "500"});
  const by = new Map();
  for (const h of hits) { const o = h.record.outlet || h.record.doc; if (!by.has(o)) by.set(o, []); by.get(o).push(h); }
  for (const [outlet, list] of [...by.entries()].sort()) hitsView(list, outlet);
}
async function route() {
  try {
    const hash = location.hash.replace(/^#/, "");
    const params = Object.fromEntries(new URLSearchParams(hash || location.search));
    if (params.entity && !params.q && Object.keys(params).length == 1) return await entityPage(params.entity);
    if (params.event && Object.keys(params).length == 1) return await eventPage(params.event);
    await search(params);
  } catch (err) { fail(err.message); }
}
form.addEventListener("submit", ev => {
  ev.preventDefault();
  const p = new URLSearchParams();
  for (const k of FIELDS) if (form.elements[k] && form.elements[k].value) p.set(k, form.elements[k].value);
  location.hash = p.toString();
});
window.addEventListener("hashchange", route);
route();
</script>
</body></html>
)html";

}  // namespace whosaid::cli
