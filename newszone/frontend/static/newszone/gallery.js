// Photo News gallery: one photo at a time, previous/next buttons, a counter
// read out by screen readers, and the Left/Right arrow keys while focus is in
// the gallery. Without this script the page simply shows every photo.
(() => {
  "use strict";

  function setUp(gallery) {
    const slides = [...gallery.querySelectorAll("[data-gallery-slide]")];
    const controls = gallery.querySelector("[data-gallery-controls]");
    if (slides.length < 2 || !controls) return;
    const previous = controls.querySelector("[data-gallery-prev]");
    const next = controls.querySelector("[data-gallery-next]");
    const counter = controls.querySelector("[data-gallery-counter]");
    const template = counter.dataset.template;
    let current = 0;

    function show(index) {
      if (index < 0 || index >= slides.length) return;
      current = index;
      slides.forEach((slide, i) => {
        slide.hidden = i !== current;
      });
      // The one after this is likely next: fetch it now, not on the click.
      const ahead = slides[current + 1]?.querySelector("img");
      if (ahead) ahead.loading = "eager";
      // aria-disabled, not disabled: a disabled button would drop the focus.
      previous.setAttribute("aria-disabled", String(current === 0));
      next.setAttribute("aria-disabled", String(current === slides.length - 1));
      counter.textContent = template
        .replace("{current}", String(current + 1))
        .replace("{total}", String(slides.length));
    }

    previous.addEventListener("click", () => show(current - 1));
    next.addEventListener("click", () => show(current + 1));
    gallery.addEventListener("keydown", (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
      if (!step) return;
      event.preventDefault();
      show(current + step);
    });
    const linked = slides.findIndex((slide) => `#${slide.id}` === location.hash);
    show(Math.max(linked, 0));
    controls.hidden = false;
    gallery.classList.add("is-enhanced");
  }

  document.querySelectorAll("[data-gallery]").forEach(setUp);
})();
