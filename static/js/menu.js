/* The header menu is a <details>: it opens and closes without this script.
   With it, Escape closes the menu and puts focus back on the button, and on
   wide screens (where the button is hidden and the navigation is shown
   inline) the menu is kept open for browsers that cannot style the details'
   content. The summary already tells assistive technology whether the menu is
   expanded, so no ARIA is added. */
(function () {
  "use strict";
  var menu = document.querySelector("[data-site-menu]");
  if (!menu) return;
  var button = menu.querySelector("summary");
  var wide = window.matchMedia("(min-width: 60rem)");

  function fit() {
    // Opened for the wide layout: closed again when the screen narrows.
    if (wide.matches) {
      menu.open = true;
      menu.dataset.openedForWidth = "true";
    } else if (menu.dataset.openedForWidth) {
      menu.open = false;
      delete menu.dataset.openedForWidth;
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !menu.open || wide.matches) return;
    var focusWasInside = menu.contains(document.activeElement);
    menu.open = false;
    if (focusWasInside) button.focus();
  });

  fit();
  wide.addEventListener("change", fit);
})();
