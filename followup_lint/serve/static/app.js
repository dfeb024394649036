// The coaching page. Every piece of user or report text goes into the DOM with textContent;
// nothing is parsed as HTML. Offsets come from the report in UTF-16 units (span.utf16_*),
// which is how JavaScript strings count.
"use strict";

(function () {
  const DEBOUNCE_MS = 300;
  const ICON = { error: "\u2716", warning: "\u25B2", suggestion: "\u25CF" };
  const FIELDS = ["interviewer", "company", "role", "topics", "notes", "candidate", "interview_date", "send_date", "stage"];
  const $ = (id) => document.getElementById(id);
  const draft = $("draft");
  let report = null;      // the last report, for the text it was made from
  let before = null;      // the report kept as "before"
  let timer = null;
  let seq = 0;
  let controller = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c);
    return node;
  }

  function context() {
    const ctx = {};
    for (const name of FIELDS) {
      const value = $(name).value.trim();
      if (!value) continue;
      if (name === "topics") ctx.topics = value.split(/[\n,]+/).map((t) => t.trim()).filter(Boolean);
      else ctx[name] = value;
    }
    return ctx;
  }

  function schedule() {
    clearTimeout(timer);
    $("status").textContent = "Updating\u2026";
    markStale();
    timer = setTimeout(analyze, DEBOUNCE_MS);
  }

  async function analyze() {
    clearTimeout(timer);
    const text = draft.value;
    if (!text.trim()) {
      report = null;
      clear();
      $("status").textContent = "Type or paste a draft.";
      return;
    }
    const mine = ++seq;
    if (controller) controller.abort();
    controller = new AbortController();
    let answer;
    try {
      const response = await fetch("/v1/analyze", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: text, context: context() }),
        signal: controller.signal,
      });
      answer = { ok: response.ok, body: await response.json() };
    } catch (err) {
      if (err.name === "AbortError") return;
      answer = { ok: false, body: { detail: "The server did not answer: is followup-lint serve still running?" } };
    }
    if (mine !== seq) return; // a newer request is on its way
    if (!answer.ok) {
      showError(answer.body.detail || answer.body.title || "The draft could not be checked.");
      return;
    }
    $("error").hidden = true;
    report = answer.body;
    render(report);
    $("status").textContent = "Up to date.";
  }

  function showError(message) {
    const box = $("error");
    box.textContent = message;
    box.hidden = false;
    $("status").textContent = "Not checked.";
  }

  function clear() {
    for (const id of ["score", "dims", "marked", "detail", "findings"]) $(id).replaceChildren();
    $("compare").hidden = true;
  }

  function fresh() {
    return report !== null && report.text === draft.value;
  }

  function markStale() {
    for (const b of document.querySelectorAll(".fl-apply")) b.disabled = true;
  }

  // -- rendering ------------------------------------------------------------------------------
  function barClass(score) {
    if (score === null) return "fl-none";
    return score >= 80 ? "fl-good" : score >= 60 ? "fl-mid" : "fl-bad";
  }

  function severity(sev) {
    return el("span", { class: "fl-sev fl-sev-" + sev, text: ICON[sev] + " " + sev });
  }

  function renderScore(r, into, main) {
    const shown = r.score === null ? "not judged" : Math.round(r.score) + "/100";
    into.replaceChildren(
      el("span", main ? { "data-testid": "score", text: shown } : { text: shown }),
      " ",
      el("span", { class: "fl-muted", text: r.stage.replace("_", " ") + " \u00B7 " + r.stats.words + " words \u00B7 grammar: " + r.grammar.backend })
    );
    for (const note of r.notes) into.append(el("div", { class: "fl-muted", text: note }));
  }

  function renderDims(r, into) {
    into.replaceChildren();
    for (const [name, dim] of Object.entries(r.dimensions)) {
      const fill = el("span", { class: barClass(dim.score) });
      fill.style.width = (dim.score === null ? 0 : Math.max(2, dim.score)) + "%";
      const lost = dim.judged ? dim.penalties.map((p) => p.code + " " + p.name + " \u2212" + p.points).join("; ") : dim.note;
      into.append(
        el("span", { title: lost, text: name }),
        el("div", { class: "fl-bar", "aria-hidden": "true" }, fill),
        el("span", { class: "fl-num", text: dim.score === null ? "\u2014" : String(Math.round(dim.score)) })
      );
    }
  }

  // The text cut wherever a finding starts or ends; each piece lists the findings covering it,
  // widest first, so marks nest outer to inner and overlapping findings all show.
  function segments(r) {
    const found = r.suggestions.map((s, i) => [i, s.span.utf16_start, s.span.utf16_end]).filter((f) => f[2] > f[1]);
    const cuts = new Set([0, r.text.length]);
    for (const [, a, b] of found) { cuts.add(a); cuts.add(b); }
    const sorted = [...cuts].sort((x, y) => x - y);
    const out = [];
    for (let k = 0; k + 1 < sorted.length; k++) {
      const a = sorted[k], b = sorted[k + 1];
      const covering = found.filter((f) => f[1] <= a && b <= f[2]);
      covering.sort((x, y) => (x[1] - x[2]) - (y[1] - y[2]) || x[0] - y[0]);
      out.push([a, b, covering.map((f) => f[0])]);
    }
    return out;
  }

  function renderMarked(r, into, interactive) {
    into.replaceChildren();
    const opened = new Set();
    for (const [a, b, covering] of segments(r)) {
      let node = document.createTextNode(r.text.slice(a, b));
      for (const i of [...covering].reverse()) {
        const s = r.suggestions[i];
        const mark = el("mark", { class: "fl-mark fl-sev-" + s.severity, "data-finding": String(i), "data-code": s.code });
        mark.append(node);
        if (interactive && !opened.has(i)) {
          opened.add(i);
          mark.tabIndex = 0;
          mark.setAttribute("aria-describedby", "f" + i + "-msg");
          mark.setAttribute("aria-label", s.text);
        }
        node = mark;
      }
      into.append(node);
    }
    if (!interactive) return;
    for (const mark of into.querySelectorAll("mark")) {
      const show = (event) => { event.stopPropagation(); detail(coveringAt(mark)); };
      mark.addEventListener("mouseover", show);
      mark.addEventListener("focus", show);
    }
  }

  function coveringAt(mark) {
    const ids = [];
    for (let m = mark; m && m.matches && m.matches("mark"); m = m.parentElement) ids.unshift(Number(m.dataset.finding));
    return ids;
  }

  function detail(ids) {
    const box = $("detail");
    box.replaceChildren();
    for (const i of ids) {
      const s = report.suggestions[i];
      box.append(el("div", { "data-testid": "detail" }, severity(s.severity), " ", el("span", { class: "fl-code", text: s.code }),
        " " + s.name + ": " + s.message, el("span", { class: "fl-why", text: "Why: " + s.why }),
        ...(fixText(s) ? [el("span", { class: "fl-fix", text: fixText(s) })] : [])));
    }
    setActive(ids);
  }

  function setActive(ids) {
    for (const n of document.querySelectorAll(".fl-active")) n.classList.remove("fl-active");
    for (const i of ids) {
      for (const n of document.querySelectorAll('#marked [data-finding="' + i + '"], #f' + i)) n.classList.add("fl-active");
    }
  }

  function fixText(s) {
    if (s.fix !== null) return s.fix === "" ? "Fix: remove it" : "Fix: \u201C" + s.fix + "\u201D";
    if (s.replacements.length) return "Try: " + s.replacements.slice(0, 3).join(" / ");
    return "";
  }

  function renderFindings(r) {
    const list = $("findings");
    list.replaceChildren();
    if (!r.suggestions.length) {
      list.append(el("li", { text: "No findings." }));
      return;
    }
    r.suggestions.forEach((s, i) => {
      const button = el("button", { type: "button", class: "fl-finding", "aria-describedby": "f" + i + "-why f" + i + "-fix" },
        severity(s.severity), " ", el("span", { class: "fl-code", text: s.code }), " " + s.name + ": ",
        el("span", { id: "f" + i + "-msg", text: s.message }));
      const item = el("li", { id: "f" + i, class: "fl-sev-" + s.severity }, button,
        el("span", { id: "f" + i + "-why", class: "fl-why", text: "Why: " + s.why }),
        el("span", { id: "f" + i + "-fix", class: "fl-fix", text: fixText(s) || "No automatic fix." }));
      if (s.fix !== null) {
        const apply = el("button", { type: "button", class: "fl-apply", text: s.fix === "" ? "Remove \u201C" + s.text + "\u201D" : "Apply fix: \u201C" + s.fix + "\u201D" });
        apply.addEventListener("click", () => applyOne(i));
        item.append(apply);
      }
      const focusMark = () => { setActive([i]); const m = document.querySelector('#marked [data-finding="' + i + '"]'); if (m) m.scrollIntoView({ block: "nearest" }); };
      button.addEventListener("focus", focusMark);
      button.addEventListener("mouseover", focusMark);
      button.addEventListener("click", () => { const m = document.querySelector('#marked [data-finding="' + i + '"][tabindex]'); if (m) m.focus(); });
      list.append(item);
    });
  }

  function render(r) {
    renderScore(r, $("score"), true);
    renderDims(r, $("dims"));
    renderMarked(r, $("marked"), true);
    $("detail").replaceChildren();
    renderFindings(r);
    renderCompare();
  }

  // -- fixes (the same rules as followup_lint.fixes.apply_safe_fixes) ---------------------------
  function spliced(text, s) {
    let start = s.span.utf16_start;
    const end = s.span.utf16_end;
    if (s.fix === "" && start > 0 && text[start - 1] === " " && (end === text.length || " \n.,!?".includes(text[end]))) start -= 1;
    return [text.slice(0, start) + s.fix + text.slice(end), start];
  }

  function safeFixed(r) {
    let text = r.text;
    let lastStart = text.length + 1;
    const order = [...r.suggestions].sort((x, y) => y.span.start - x.span.start || y.span.end - x.span.end);
    for (const s of order) {
      if (s.fix === null || s.span.utf16_end > lastStart) continue;
      const [next, start] = spliced(text, s);
      text = next;
      lastStart = start;
    }
    return text;
  }

  function setDraft(text) {
    if (before === null && report !== null) before = report;
    draft.value = text;
    analyze();
  }

  function applyOne(i) {
    if (!fresh()) return;
    setDraft(spliced(report.text, report.suggestions[i])[0]);
  }

  // -- before / after -------------------------------------------------------------------------
  function key(s) { return s.code + "\u0000" + s.text.trim().toLowerCase(); }

  function renderCompare() {
    const box = $("compare-body");
    if (before === null || report === null) { $("compare").hidden = true; return; }
    $("compare").hidden = false;
    const a = new Set(report.suggestions.map(key));
    const b = new Set(before.suggestions.map(key));
    const fixed = before.suggestions.filter((s) => !a.has(key(s)));
    const added = report.suggestions.filter((s) => !b.has(key(s)));
    const kept = report.suggestions.filter((s) => b.has(key(s)));
    const delta = before.score === null || report.score === null ? null : Math.round(report.score - before.score);
    const head = el("div", { class: "fl-head", text: "After" });
    if (delta) head.append(" ", el("span", { class: delta > 0 ? "fl-delta-up" : "fl-delta-down", text: (delta > 0 ? "\u25B2 +" : "\u25BC ") + delta }));
    const cells = [el("div", { class: "fl-head", text: "Before" }), head];
    for (const r of [before, report]) { const d = el("div"); renderScore(r, d, false); cells.push(d); }
    for (const r of [before, report]) { const d = el("div", { class: "fl-dims" }); renderDims(r, d); cells.push(d); }
    for (const r of [before, report]) { const d = el("div", { class: "fl-draft" }); renderMarked(r, d, false); cells.push(d); }
    cells.push(el("p", { class: "fl-muted fl-span", "data-testid": "compare-counts", text: "Fixed: " + fixed.length + " \u00B7 new: " + added.length + " \u00B7 still to fix: " + kept.length }));
    box.replaceChildren(...cells);
  }

  // -- wiring ---------------------------------------------------------------------------------
  async function copyFixed() {
    const text = fresh() ? safeFixed(report) : draft.value;
    let done = false;
    try { await navigator.clipboard.writeText(text); done = true; } catch (err) { done = false; }
    if (!done) {
      const area = el("textarea", { readonly: "", "aria-hidden": "true" });
      area.value = text;
      document.body.append(area);
      area.select();
      done = document.execCommand("copy");
      area.remove();
    }
    $("copied").textContent = done ? "Copied." : "Copy failed: select the text and copy it yourself.";
  }

  function setTheme(dark) {
    document.documentElement.dataset.theme = dark ? "dark" : "light";
    $("theme").setAttribute("aria-pressed", String(dark));
  }

  function start() {
    const dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
    setTheme(dark);
    $("theme").addEventListener("click", () => setTheme(document.documentElement.dataset.theme !== "dark"));
    draft.addEventListener("input", schedule);
    for (const name of FIELDS) $(name).addEventListener("input", schedule);
    $("stage").addEventListener("change", schedule);
    $("fix-all").addEventListener("click", () => { if (fresh()) setDraft(safeFixed(report)); });
    $("copy").addEventListener("click", copyFixed);
    $("keep").addEventListener("click", () => { if (report) { before = report; renderCompare(); } });
    $("marked").addEventListener("mouseleave", () => setActive([]));
    if (draft.value.trim()) analyze();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
