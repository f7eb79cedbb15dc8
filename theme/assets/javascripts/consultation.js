/* Keeps Material's script from asking for a sitemap.xml beside every feed. On its first
   DOMContentLoaded, Material 9 (bundle: setupAlternate) selects every link[rel=alternate] and
   fetches sitemap.xml relative to each href, meant for language versions (hreflang) only:
   for our feeds that is a 404 on the public host, from every page and every preview
   (squidfunk/mkdocs-material#8576, zensical/ui#213). This deferred script runs after the
   bundle subscribed and before the event, so the feed links are hidden from that one query
   and given back straight after it; readers that parse the HTML never see a difference. */
(function () {
  "use strict";

  var feeds = Array.prototype.slice.call(
    document.querySelectorAll("link[rel=alternate]:not([hreflang])"));
  if (!feeds.length || document.readyState === "complete") {
    return;
  }
  feeds.forEach(function (link) {
    link.setAttribute("rel", "alternate cx-feed");
  });
  document.addEventListener("DOMContentLoaded", function () {
    feeds.forEach(function (link) {
      link.setAttribute("rel", "alternate");
    });
  }, { once: true });
})();

/* Refreshes statuses, days left and the "in progress / next" duty-hour marks when a page is
   read after the day it was built. Progressive enhancement: the built page is already right
   on its build day, and without this script it stays as built. Reads only what the page
   carries: <script id="cx-status-data"> and data-cx-* attributes. */
(function () {
  "use strict";

  var island = document.getElementById("cx-status-data");
  if (!island || !window.Intl || !document.querySelectorAll) {
    return;
  }
  var data;
  try {
    data = JSON.parse(island.textContent);
  } catch (error) {
    return;
  }

  function localToday(timeZone) {
    // en-CA formats as YYYY-MM-DD, which compares correctly as text.
    try {
      return new Intl.DateTimeFormat("en-CA", {
        timeZone: timeZone, year: "numeric", month: "2-digit", day: "2-digit"
      }).format(new Date());
    } catch (error) {
      return null;
    }
  }

  function daysBetween(from, to) {
    var a = Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
    var b = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10));
    return Math.round((b - a) / 86400000);
  }

  function statusOn(today, element) {
    var report = element.getAttribute("data-cx-report");
    if (report && report <= today) {
      return "concluded";
    }
    if (today < element.getAttribute("data-cx-opens")) {
      return "upcoming";
    }
    if (today <= element.getAttribute("data-cx-closes")) {
      return "open";
    }
    return "closed";
  }

  function daysLeftText(today, closes) {
    var left = daysBetween(today, closes) + 1;
    if (left <= 0) {
      return data.passed;
    }
    if (left === 1) {
      return data.lastDay;
    }
    var category = new Intl.PluralRules(data.language).select(left);
    var template = data.days[category] || data.days.other || data.days.many;
    return template.replace("{n}", String(left));
  }

  function ucfirst(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function refreshStatuses(today) {
    document.querySelectorAll("[data-cx-status]").forEach(function (tag) {
      var before = tag.getAttribute("data-cx-status");
      var now = statusOn(today, tag);
      if (now === before) {
        return;
      }
      tag.classList.remove("cx-status--" + before);
      tag.classList.add("cx-status--" + now);
      tag.setAttribute("data-cx-status", now);
      tag.textContent = data.status[now];
      var card = tag.closest(".cx-card");
      if (card) {
        card.classList.remove("cx-card--" + before);
        card.classList.add("cx-card--" + now);
      }
      // Sentences written for the old status no longer hold.
      var scope = card || document;
      scope.querySelectorAll("[data-cx-when]").forEach(function (element) {
        element.hidden = element.getAttribute("data-cx-when") !== now;
      });
    });
    document.querySelectorAll("[data-cx-days-left]").forEach(function (element) {
      var text = daysLeftText(today, element.getAttribute("data-cx-days-left"));
      element.textContent = element.hasAttribute("data-cx-ucfirst") ? ucfirst(text) : text;
    });
  }

  function refreshMarks() {
    var now = Date.now();
    var rows = document.querySelectorAll("tr[data-cx-start]");
    var current = [];
    var next = null;
    rows.forEach(function (row) {
      if (row.hasAttribute("data-cx-cancelled")) {
        return;
      }
      var start = Date.parse(row.getAttribute("data-cx-start"));
      var end = Date.parse(row.getAttribute("data-cx-end"));
      if (start <= now && now < end) {
        current.push(row);
      } else if (start > now && (next === null || start < Date.parse(next.getAttribute("data-cx-start")))) {
        next = row;
      }
    });
    rows.forEach(function (row) {
      var mark = row.querySelector("[data-cx-marker]");
      var kind = current.indexOf(row) !== -1 ? "current" : (!current.length && row === next ? "next" : null);
      row.classList.toggle("cx-duty__row--marked", kind !== null);
      if (!mark && kind && row.querySelector("th")) {
        // The page carries a mark only on the row marked at build time.
        mark = document.createElement("strong");
        mark.className = "cx-marker";
        mark.setAttribute("data-cx-marker", "");
        row.querySelector("th").appendChild(document.createTextNode(" "));
        row.querySelector("th").appendChild(mark);
      }
      if (mark) {
        mark.hidden = kind === null;
        mark.textContent = kind ? data.marker[kind] : "";
      }
    });
  }

  var today = localToday(data.timezone);
  if (today && today !== data.today) {
    refreshStatuses(today);
  }
  // Date.parse reads "2025-09-02T12:00+02:00" in every current browser; skip if it cannot.
  if (!isNaN(Date.parse("2025-09-02T12:00+02:00"))) {
    refreshMarks();
  }
})();

/* The site's name in the header: when its words do not fit in the lines the phone layout gives
   them (a long name beside the ETR, PJM and search controls), the organisation's short name
   stands in. Without this script the short name still stands in below 360 px (a11y.css). */
(function () {
  "use strict";

  var name = document.querySelector(".md-header__topic:first-child .md-ellipsis");
  if (!name || !name.querySelector(".cx-site-name--short")) {
    return;
  }
  function fit() {
    name.classList.remove("cx-site-name--cut");
    if (name.scrollHeight > name.clientHeight + 1 || name.scrollWidth > name.clientWidth + 1) {
      name.classList.add("cx-site-name--cut");
    }
  }
  fit();
  window.addEventListener("resize", fit);
})();
