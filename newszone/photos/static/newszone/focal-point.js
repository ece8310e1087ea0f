/* Click the photo to set its focal point (the inputs stay editable too). */
(function () {
  "use strict";
  function start() {
    var picker = document.querySelector(".focal-picker");
    var x = document.getElementById("id_focal_x");
    var y = document.getElementById("id_focal_y");
    if (!picker || !x || !y) return;
    var marker = picker.querySelector(".focal-marker");
    function show() {
      marker.style.left = (parseFloat(x.value) * 100) + "%";
      marker.style.top = (parseFloat(y.value) * 100) + "%";
    }
    picker.querySelector("img").addEventListener("click", function (event) {
      var box = event.target.getBoundingClientRect();
      x.value = ((event.clientX - box.left) / box.width).toFixed(3);
      y.value = ((event.clientY - box.top) / box.height).toFixed(3);
      show();
    });
    x.addEventListener("input", show);
    y.addEventListener("input", show);
    show();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
