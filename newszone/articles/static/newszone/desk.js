/* The article form's autosave and who-else-is-here ping (every
   NEWSZONE_AUTOSAVE_SECONDS, 20 by default). */
(function () {
  "use strict";
  var FIELDS = ["headline", "alternate_headline", "deck", "body", "copyright_line"];

  function start() {
    var box = document.querySelector(".desk-status[data-autosave-url]");
    var form = document.getElementById("article_form");
    if (!box || !form) return;
    var url = box.getAttribute("data-autosave-url");
    var presence = box.querySelector(".desk-presence");
    var status = box.querySelector(".desk-autosave");
    var last = null;

    function ping() {
      var data = new FormData();
      var token = form.querySelector("[name=csrfmiddlewaretoken]");
      data.append("csrfmiddlewaretoken", token ? token.value : "");
      var base = form.querySelector("[name=base_version]");
      if (base) data.append("base_version", base.value);
      var snapshot = [];
      FIELDS.forEach(function (name) {
        var el = form.elements[name];
        if (el && el.value !== undefined) {
          data.append(name, el.value);
          snapshot.push(el.value);
        }
      });
      var changed = snapshot.join("\u0000") !== last;
      if (!changed) FIELDS.forEach(function (name) { data.delete(name); });
      fetch(url, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (reply) {
          if (!reply) return;
          if (changed) last = snapshot.join("\u0000");
          presence.textContent = reply.others.length
            ? box.getAttribute("data-also-open") + ": " + reply.others.join(", ")
            : "";
          if (reply.kept_at) {
            status.textContent = box.getAttribute("data-kept") + " " +
              new Date(reply.kept_at).toLocaleTimeString();
          }
        })
        .catch(function () { /* offline: try again at the next tick */ });
    }
    last = FIELDS.map(function (n) { var el = form.elements[n]; return el ? el.value : ""; })
      .join("\u0000");
    var every = parseInt(box.getAttribute("data-every"), 10) || 20;
    window.setInterval(ping, every * 1000);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
