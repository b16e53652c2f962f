/* The hub's small script. The pages work without it; with it:
 * - the search box opens, and loads the search (search.js, Pagefind's index of this language) only then,
 * - "now" is the browser's clock (or HUB_NOW of a reproducible build): events that are over move
 *   to the past, registrations close after their deadline, event times also show in the reader's zone,
 * - listings filter in place, the choice kept in the query string (?topic=&kind=&country=&year=),
 * - recordings load the privacy-enhanced player only when the reader presses play,
 * - a missing address gets the 404 page of the language its path names.
 * Loaded in <head>, not deferred: the sitemap part must run before Material's bundle.
 */
(function () {
  "use strict";

  var factsTag = document.getElementById("hub-facts");
  var facts = factsTag ? JSON.parse(factsTag.textContent) : null;
  if (!facts) return;
  var DEFAULT = facts.languages[0];
  if (facts.not_found && notFoundInAnotherLanguage(facts.not_found)) return;

  /* ---- Language links without sitemap look-ups ------------------------------------------ */

  // Material's bundle fetches "sitemap.xml" beside every <link rel="alternate"> of the page (the
  // hreflang alternates and the feeds: /sv/events/x/sitemap.xml, ...), to keep a reader who
  // switches language on the same page. The build already wrote that page's address into each
  // language link (mkdocs-static-i18n's alternates), so those look-ups only cost 404s. They are
  // answered here, without a request, with an empty sitemap: Material then leaves the links as they are.
  // (Relies on Material 9.8's bundle using XMLHttpRequest for them; tests/browser/test_search_box.py's no-404 test fails if not.)
  var EMPTY_SITEMAP = "data:application/xml," +
    encodeURIComponent('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>');
  var openRequest = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml$/.test(String(url).split(/[?#]/)[0])) args[1] = EMPTY_SITEMAP;
    return openRequest.apply(this, args);
  };

  // Before the first paint: hub.css then shows what needs this script (the search button, the listing
  // filters) in place of what stands in for it, so nothing moves when start() runs.
  document.documentElement.classList.add("hub-js");

  /* ---- The 404 page in the language of the address ------------------------------------ */

  // GitHub Pages answers every missing address with the root 404.html, the default language's.
  // Each language has its own, whole (header, tabs, search, text): go there, before anything is
  // drawn, and put the address asked for back in the address bar. Without script: the root page.
  function notFoundInAnotherLanguage(base) {
    var from = /^#hub-from=(.+)$/.exec(location.hash);
    if (from) {
      history.replaceState(history.state, "", decodeURIComponent(from[1]));
      return false;
    }
    var wanted = languageOfPath(location.pathname, base);
    if (wanted === facts.lang) return false;
    var page = base + (wanted === DEFAULT ? "" : wanted + "/") + "404.html";
    document.documentElement.style.visibility = "hidden";
    // Should that page not come, show this one after all.
    setTimeout(function () { document.documentElement.style.visibility = ""; }, 3000);
    location.replace(page + "#hub-from=" + encodeURIComponent(location.pathname + location.search + location.hash));
    return true;
  }

  function languageOfPath(path, base) {
    var rest = path.indexOf(base) === 0 ? path.slice(base.length) : path.replace(/^\//, "");
    var first = rest.replace(/^\//, "").split("/")[0];
    return facts.languages.indexOf(first) > 0 ? first : DEFAULT;
  }

  /* ---- Time ----------------------------------------------------------------------------- */

  function now() {
    var meta = document.querySelector('meta[name="hub-now"]');
    var fixed = meta ? Date.parse(meta.getAttribute("content")) : NaN;
    return isNaN(fixed) ? Date.now() : fixed;
  }

  function isOver(element, at) {
    var end = Date.parse(element.getAttribute("data-end"));
    return !isNaN(end) && end <= at;
  }

  // YYYY-MM-DD of an instant on the wall calendar of an IANA zone.
  function dayIn(zone, at) {
    var parts = {};
    new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(at)).forEach(function (p) { parts[p.type] = p.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  function wallClock(zone, date) {
    return new Intl.DateTimeFormat("en-GB", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).format(date);
  }

  function moveFinishedEvents(at) {
    var upcoming = document.querySelectorAll('ul[data-section="upcoming"]');
    upcoming.forEach(function (list) {
      list.querySelectorAll("li.hub-event[data-end]").forEach(function (item) {
        if (!isOver(item, at)) return;
        var listing = list.closest(".hub-listing");
        if (listing) pastListFor(listing, item.getAttribute("data-year")).then(item);
        else item.remove();  // the home page shows only what is coming
      });
    });
    document.querySelectorAll('[data-empty-for="upcoming"]').forEach(function (note) {
      var list = note.parentElement.querySelector('ul[data-section="upcoming"]');
      if (list) note.hidden = !!list.querySelector("li.hub-item:not([hidden])");
    });
  }

  // The past list of one year (created in order, most recent year first); .then(item) files an
  // event into it, most recent first.
  function pastListFor(listing, year) {
    var list = listing.querySelector('ul[data-section="past"][data-year="' + year + '"]');
    if (!list) {
      var heading = document.createElement("h3");
      heading.id = "year-" + year;
      heading.textContent = year;
      list = document.createElement("ul");
      list.className = "hub-list";
      list.setAttribute("data-section", "past");
      list.setAttribute("data-year", year);
      var later = Array.prototype.find.call(listing.querySelectorAll('ul[data-section="past"]'), function (ul) {
        return Number(ul.getAttribute("data-year")) < Number(year);
      });
      if (later) {
        later.parentNode.insertBefore(heading, later.previousElementSibling || later);
      } else {
        listing.appendChild(heading);
      }
      heading.after(list);
    }
    return {
      then: function (item) {
        var start = Date.parse(item.getAttribute("data-start"));
        var before = Array.prototype.find.call(list.children, function (li) {
          return Date.parse(li.getAttribute("data-start")) < start;
        });
        list.insertBefore(item, before || null);
      }
    };
  }

  function updateEventPage(at) {
    document.querySelectorAll(".hub-facts-box[data-end]").forEach(function (box) {
      if (!isOver(box, at)) return;
      box.querySelectorAll(".hub-past-flag").forEach(function (flag) { flag.hidden = false; });
    });
    document.querySelectorAll(".hub-registration").forEach(function (reg) {
      var deadline = reg.getAttribute("data-deadline");
      var zone = reg.getAttribute("data-timezone");
      var closed = isOver(reg, at) || (deadline && zone && dayIn(zone, at) > deadline);
      var open = reg.querySelector(".hub-registration__open");
      var shut = reg.querySelector(".hub-registration__closed");
      if (open) open.hidden = !!closed;
      if (shut) shut.hidden = !closed;
    });
  }

  // The zone in the pages' notation (hub/render/dates.py zone_name): the language's abbreviation
  // where it has one (CEST, MESZ), else the offset as "UTC+2", never "GMT+2" or "+0200".
  function zoneName(zone, date) {
    var part = new Intl.DateTimeFormat(facts.locale, { timeZone: zone, timeZoneName: "short" })
      .formatToParts(date).filter(function (p) { return p.type === "timeZoneName"; })[0];
    var name = part ? part.value : "";
    if (/^[A-Z]{2,5}$/.test(name) && !/^(GMT|UTC)$/.test(name)) return name;
    var minutes = Math.round((Date.parse(wallClockIso(zone, date) + "Z") - Math.floor(date.getTime() / 60000) * 60000) / 60000);
    if (!minutes) return name === "GMT" ? "GMT" : "UTC";
    var sign = minutes > 0 ? "+" : "-";
    minutes = Math.abs(minutes);
    var rest = minutes % 60;
    return "UTC" + sign + Math.floor(minutes / 60) + (rest ? ":" + (rest < 10 ? "0" : "") + rest : "");
  }

  // "2021-06-14T16:00" on the wall clock of a zone (to work out its offset at that moment).
  function wallClockIso(zone, date) {
    var parts = {};
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(date).forEach(function (p) { parts[p.type] = p.value; });
    return parts.year + "-" + parts.month + "-" + parts.day + "T" + parts.hour + ":" + parts.minute;
  }

  // The reader's time as the pages write the event's: "25 November 2020, 10:00–17:30 EET", across
  // days both dates, across a clock change each end's own zone.
  function readersWhen(zone, start, end) {
    var day = new Intl.DateTimeFormat(facts.locale, { timeZone: zone, day: "numeric", month: "long", year: "numeric" });
    // 24-hour "HH:mm" in every language, as the pages write it (Babel's pattern; Intl would write 11.00 in Finnish).
    var clock = { format: function (date) { return wallClockIso(zone, date).slice(11); } };
    var startZone = zoneName(zone, start), endZone = zoneName(zone, end);
    var sameDay = wallClockIso(zone, start).slice(0, 10) === wallClockIso(zone, end).slice(0, 10);
    if (sameDay && startZone === endZone) {
      return day.format(start) + ", " + clock.format(start) + "–" + clock.format(end) + " " + endZone;
    }
    if (sameDay) return day.format(start) + ", " + clock.format(start) + " " + startZone + " – " + clock.format(end) + " " + endZone;
    return day.format(start) + ", " + clock.format(start) + (startZone !== endZone ? " " + startZone : "") +
      " – " + day.format(end) + ", " + clock.format(end) + " " + endZone;
  }

  function showReadersTime() {
    var reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!reader) return;
    document.querySelectorAll("time.hub-when[data-timezone]").forEach(function (el) {
      var zone = el.getAttribute("data-timezone");
      var start = new Date(el.getAttribute("datetime"));
      var end = new Date(el.getAttribute("data-end"));
      if (isNaN(start) || isNaN(end)) return;
      if (wallClock(zone, start) === wallClock(reader, start) && wallClock(zone, end) === wallClock(reader, end)) return;
      var note = document.createElement("span");
      note.className = "hub-localtime";
      note.textContent = facts.your_time.replace("{when}", readersWhen(reader, start, end));
      el.after(note);
    });
  }

  /* ---- Listing filters ------------------------------------------------------------------- */

  var DATA = { topic: "topics", kind: "kind", year: "year", country: "country", language: "language" };

  function matches(item, facet, value) {
    var values = (item.getAttribute("data-" + DATA[facet]) || "").split(" ");
    return values.indexOf(value) >= 0;
  }

  function setUpFilter(box) {
    var form = box.querySelector("form.hub-filter__form");
    var links = box.querySelector(".hub-filter__links");
    var status = box.querySelector(".hub-filter__status");
    var listing = document.querySelector('.hub-listing[data-listing="' + box.getAttribute("data-filter-for") + '"]');
    if (!form || !listing) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    form.hidden = false;
    if (links) links.hidden = true;

    var query = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var wanted = query.get(select.name);
      if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
        select.value = wanted;
      }
    });

    function apply(keepInUrl) {
      var choice = {};
      selects.forEach(function (s) { if (s.value) choice[s.name] = s.value; });
      var facets = Object.keys(choice);
      var items = listing.querySelectorAll("li.hub-item");
      var shown = 0;
      items.forEach(function (item) {
        var ok = facets.every(function (f) { return matches(item, f, choice[f]); });
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      // A year's heading goes with its list; the upcoming section always stays.
      listing.querySelectorAll("ul.hub-list").forEach(function (list) {
        if (list.getAttribute("data-section") === "upcoming") return;
        var empty = !list.querySelector("li.hub-item:not([hidden])");
        list.hidden = empty;
        var heading = list.previousElementSibling;
        if (heading && /^H[2-6]$/.test(heading.tagName)) heading.hidden = empty;
      });
      listing.querySelectorAll('[data-empty-for="upcoming"]').forEach(function (note) {
        var list = listing.querySelector('ul[data-section="upcoming"]');
        note.hidden = !!(list && list.querySelector("li.hub-item:not([hidden])"));
      });
      if (!facets.length) status.textContent = "";
      else if (!shown) status.textContent = status.getAttribute("data-none");
      else status.textContent = status.getAttribute("data-shown-template")
        .replace("{shown}", shown).replace("{total}", items.length);
      if (keepInUrl) {
        var params = new URLSearchParams(location.search);
        selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); else params.delete(s.name); });
        var search = params.toString();
        history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
      }
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    apply(false);
  }

  /* ---- Recordings: the player only on request ------------------------------------------- */

  function embedUrl(address) {
    var url;
    try { url = new URL(address); } catch (e) { return null; }
    var host = url.hostname.replace(/^www\.|^m\./, "");
    var id = null;
    if (host === "youtube.com" || host === "youtube-nocookie.com") {
      id = url.searchParams.get("v") || (url.pathname.match(/^\/(?:embed|live|shorts)\/([\w-]+)/) || [])[1];
    } else if (host === "youtu.be") {
      id = url.pathname.slice(1).split("/")[0];
    }
    if (id && /^[\w-]+$/.test(id)) return "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1";
    if (host === "vimeo.com" || host === "player.vimeo.com") {
      var parts = url.pathname.match(/(?:^|\/)(\d+)(?:\/([0-9a-f]+))?\/?$/);
      if (parts) {
        return "https://player.vimeo.com/video/" + parts[1] + "?dnt=1&autoplay=1" + (parts[2] ? "&h=" + parts[2] : "");
      }
    }
    return null;
  }

  function setUpPlayer(box) {
    var src = embedUrl(box.getAttribute("data-video"));
    var button = box.querySelector(".hub-player__play");
    if (!src || !button) return;
    box.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("div");
      frame.className = "hub-player__frame";
      var iframe = document.createElement("iframe");
      iframe.src = src;
      iframe.title = box.getAttribute("data-title");
      iframe.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
      iframe.allowFullscreen = true;
      iframe.referrerPolicy = "strict-origin-when-cross-origin";
      frame.appendChild(iframe);
      button.replaceWith(frame);
      iframe.focus();
    });
  }

  /* ---- Search: opened here, loaded only when the reader starts searching ---------------- */

  function isTyping(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  function setUpSearch(root) {
    var open = root.querySelector(".hub-search__open");
    var dialog = root.querySelector(".hub-search__dialog");
    var input = root.querySelector(".hub-search__input");
    var loaded = null;
    function load() {
      if (!loaded) {
        var script = new URL("assets/javascripts/search.js", new URL(facts.base, location.href)).href;
        loaded = import(script).then(function (search) { search.attach(root, facts); }, function (error) {
          loaded = null;
          root.querySelector(".hub-search__status").textContent = JSON.parse(
            root.querySelector(".hub-search__text").textContent).failed;
          throw error;
        });
      }
      return loaded;
    }
    function show() {
      dialog.hidden = false;
      open.setAttribute("aria-expanded", "true");
      input.focus();
      input.select();
      load();
    }
    function hide(returnFocus) {
      if (dialog.hidden) return;
      dialog.hidden = true;
      open.setAttribute("aria-expanded", "false");
      if (returnFocus) open.focus();
    }
    open.addEventListener("click", function () { if (dialog.hidden) show(); else hide(true); });
    root.querySelector(".hub-search__close").addEventListener("click", function () { hide(true); });
    input.addEventListener("focus", load);
    input.addEventListener("input", load);
    // Capture, so Material's own shortcuts (p, n, ...) do not also act on these keys.
    window.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "Escape" && !dialog.hidden) {
        event.preventDefault();
        hide(true);
      } else if ((event.key === "/" || event.key === "s") && !isTyping(event.target)) {
        event.preventDefault();
        event.stopPropagation();
        show();
      }
    }, true);
    document.addEventListener("click", function (event) {
      if (!root.contains(event.target)) hide(false);
    });
    root.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !root.contains(event.relatedTarget)) hide(false);
    });
  }

  /* ---- The one 404 page ----------------------------------------------------------------- */

  function showNotFoundLanguage() {
    var chrome = document.documentElement.lang;
    if (!document.querySelector(".hub-not-found") || facts.lang === chrome) return;
    // The navigation around the message keeps its language: say so before the page changes language.
    [".md-header", ".md-tabs", ".md-sidebar", ".md-footer__inner", ".md-top", "[data-md-component=skip]"]
      .forEach(function (selector) {
        document.querySelectorAll(selector).forEach(function (el) { el.setAttribute("lang", chrome); });
      });
    document.querySelectorAll("[data-lang]").forEach(function (el) {
      el.hidden = el.getAttribute("data-lang") !== facts.lang;
    });
    document.documentElement.lang = facts.lang;
    var heading = document.querySelector('.hub-not-found [data-lang="' + facts.lang + '"] h1');
    if (heading) document.title = heading.textContent + " – " + document.title;
  }

  // A record title shown in English on another language's page: the header repeats it.
  function markHeaderLanguage() {
    var span = document.querySelector("article h1 > span[lang]:only-child");
    var topic = document.querySelector('[data-md-component="header-topic"] .md-ellipsis');
    if (span && topic && span.textContent.trim() === topic.textContent.trim()) topic.setAttribute("lang", span.lang);
  }

  function start() {
    var at = now();
    moveFinishedEvents(at);
    updateEventPage(at);
    showReadersTime();
    document.querySelectorAll(".hub-filter[data-filter-for]").forEach(setUpFilter);
    document.querySelectorAll(".hub-player[data-video]").forEach(setUpPlayer);
    document.querySelectorAll("[data-hub-search]").forEach(setUpSearch);
    markHeaderLanguage();
    document.documentElement.setAttribute("data-hub-ready", "");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
