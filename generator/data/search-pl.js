/* Konsultacje: search that understands Polish, for the search page (szukaj/).
 *
 * Loads the index written by generator/search.py, normalises the query exactly as the
 * generator normalised the consultations (lower case, diacritics folded, Polish endings cut
 * by the table in the index), ranks and lists the matches. Every sentence it shows comes
 * from the page (data-cx-text, written by generator/search_page.py). No dependencies, no
 * request beyond the index. Under Node it only exports the functions, for the tests.
 */
(function (factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else if (typeof document !== "undefined") {
    api.start(document, window);
  }
})(function () {
  "use strict";

  var WORD = /[\p{L}\p{N}]+/gu;
  var MARKS = /\p{Mn}/gu;
  var DIGITS = /^[0-9]+$/;
  var PAGE = 50; // results shown at once; "show more" adds the next ones
  var DELAY = 300; // ms after the last keystroke, so screen readers hear one count, not ten

  function length(text) {
    return Array.from(text).length; // code points, as Python's len()
  }

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(MARKS, "").replace(/ł/g, "l");
  }

  function compile(rules) {
    return {
      suffixes: rules.suffixes,
      minToken: rules.min_token,
      stop: new Set(rules.stopwords)
    };
  }

  function stem(token, rules) {
    for (var i = 0; i < rules.suffixes.length; i++) {
      var suffix = rules.suffixes[i][0];
      if (token.endsWith(suffix) && length(token) - suffix.length >= rules.suffixes[i][1]) {
        return token.slice(0, token.length - suffix.length);
      }
    }
    return token;
  }

  /* The same terms as generator.search.terms(): keep this function in step with it. */
  function terms(text, rules) {
    var result = [];
    var tokens = fold(text).match(WORD) || [];
    for (var i = 0; i < tokens.length; i++) {
      var token = tokens[i];
      if (length(token) < rules.minToken || rules.stop.has(token)) continue;
      if (DIGITS.test(token)) {
        if (token.length === 4) result.push(token);
        continue;
      }
      result.push(stem(token, rules));
    }
    return result;
  }

  function prepare(index) {
    var rules = compile(index.rules);
    var docs = index.items.map(function (item) {
      var fields = {};
      Object.keys(index.weights).forEach(function (name) {
        var list = (item.terms[name] || "").split(" ").filter(Boolean);
        fields[name] = { set: new Set(list), list: list };
      });
      return { item: item, fields: fields };
    });
    var ranks = {};
    index.statuses.forEach(function (status, position) { ranks[status] = position; });
    return { rules: rules, docs: docs, weights: index.weights, ranks: ranks };
  }

  function unique(list) {
    return Array.from(new Set(list));
  }

  /* Every query term must match: exactly (full weight of the field) or as the beginning of a
     term (half weight, from three letters on, so that "rodz" finds "rodzina" as one types). */
  function score(doc, query, weights) {
    var total = 0;
    for (var i = 0; i < query.length; i++) {
      var q = query[i];
      var best = 0;
      for (var name in weights) {
        var field = doc.fields[name];
        if (field.set.has(q)) {
          best = Math.max(best, weights[name]);
        } else if (length(q) >= 3 && field.list.some(function (t) { return t.startsWith(q); })) {
          best = Math.max(best, weights[name] / 2);
        }
      }
      if (best === 0) return 0;
      total += best;
    }
    return total;
  }

  function search(prepared, text) {
    var query = unique(terms(text, prepared.rules));
    if (!query.length) return null;
    var rank = function (item) {
      return item.status in prepared.ranks ? prepared.ranks[item.status] : 99;
    };
    return prepared.docs
      .map(function (doc) { return { item: doc.item, score: score(doc, query, prepared.weights) }; })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) {
        return b.score - a.score || rank(a.item) - rank(b.item) ||
          (a.item.closes < b.item.closes ? 1 : a.item.closes > b.item.closes ? -1 : 0) ||
          a.item.title.localeCompare(b.item.title, "pl");
      })
      .map(function (hit) { return hit.item; });
  }

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  /* "Znaleziono 1 konsultację…", "…2 konsultacje…", "…5 konsultacji…": the page gives a
     sentence per CLDR plural category and Intl.PluralRules picks one for the language. */
  function countText(n, query, words, language) {
    var values = { n: n, query: query.trim() };
    if (n === 0) return fill(words.none, values);
    var category = new Intl.PluralRules(language || "pl").select(n);
    return fill(words.found[category] || words.found.other, values);
  }

  function element(doc, name, className, text) {
    var node = doc.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function time(doc, iso, text) {
    var node = element(doc, "time", "", text);
    node.setAttribute("datetime", iso);
    return node;
  }

  function renderItem(doc, item, root, words) {
    var li = element(doc, "li", "cx-search__result");
    var heading = element(doc, "h2", "cx-search__title");
    var link = element(doc, "a", "", item.title);
    link.href = root + item.url;
    heading.appendChild(link);
    li.appendChild(heading);
    var meta = element(doc, "p", "cx-search__meta");
    var label = (words.status || {})[item.status] || item.status;
    meta.appendChild(element(doc, "span", "cx-status cx-status--" + item.status, label));
    meta.appendChild(doc.createTextNode(" · " + words.period + " "));
    meta.appendChild(time(doc, item.opens, item.opens_text));
    meta.appendChild(doc.createTextNode(" – "));
    meta.appendChild(time(doc, item.closes, item.closes_text));
    li.appendChild(meta);
    li.appendChild(element(doc, "p", "cx-search__summary", item.summary));
    if (item.categories.length) {
      li.appendChild(element(doc, "p", "cx-search__categories", words.categories + " " + item.categories.join(", ")));
    }
    return li;
  }

  function start(doc, win) {
    var form = doc.querySelector("form.cx-search[data-cx-index]");
    if (!form) return;
    var input = form.querySelector("input[name=q]");
    var status = doc.getElementById("cx-search-status");
    var list = doc.getElementById("cx-search-results");
    var nojs = doc.querySelector("[data-cx-nojs]");
    if (nojs) nojs.hidden = true;
    var root = form.getAttribute("data-cx-root") || "";
    var words = JSON.parse(form.getAttribute("data-cx-text") || "{}");
    var language = doc.documentElement.lang || "pl";
    var prepared = null;
    var failed = false;
    var timer = null;
    var hits = [];
    var more = null;

    function showMore() {
      var shown = list.children.length;
      var first = null;
      hits.slice(shown, shown + PAGE).forEach(function (item) {
        var li = renderItem(doc, item, root, words);
        first = first || li;
        list.appendChild(li);
      });
      if (more) more.remove();
      more = null;
      if (list.children.length < hits.length) {
        more = element(doc, "button", "cx-search__more md-button", words.more);
        more.type = "button";
        more.addEventListener("click", function () {
          var next = showMore();
          if (next) next.querySelector("a").focus();
        });
        list.insertAdjacentElement("afterend", more);
      }
      return first;
    }

    function run() {
      var text = input.value;
      var params = new win.URLSearchParams(win.location.search);
      if (text.trim()) params.set("q", text); else params.delete("q");
      var encoded = params.toString();
      win.history.replaceState(null, "", win.location.pathname + (encoded ? "?" + encoded : "") + win.location.hash);
      if (failed) return;
      if (!prepared) {
        status.textContent = words.loading;
        return;
      }
      list.textContent = "";
      if (more) more.remove();
      more = null;
      var found = text.trim() ? search(prepared, text) : [];
      if (found === null) {
        status.textContent = words.empty;
        list.hidden = true;
        return;
      }
      hits = found;
      status.textContent = text.trim() ? countText(hits.length, text, words, language) : "";
      list.hidden = hits.length === 0;
      showMore();
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      win.clearTimeout(timer);
      run();
    });
    input.addEventListener("input", function () {
      win.clearTimeout(timer);
      timer = win.setTimeout(run, DELAY);
    });

    var initial = new win.URLSearchParams(win.location.search).get("q");
    if (initial) input.value = initial;
    win.fetch(form.getAttribute("data-cx-index"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (index) {
        prepared = prepare(index);
        if (input.value.trim()) run();
      })
      .catch(function () {
        failed = true;
        if (nojs) nojs.hidden = false;
        status.textContent = words.failed;
      });
  }

  return {
    fold: fold,
    stem: stem,
    terms: terms,
    compile: compile,
    prepare: prepare,
    search: search,
    countText: countText,
    start: start
  };
});
