/* Length-limited text fields in the editor show a live count, and say so
   when the text is too long instead of cutting it: the browser's own
   maxlength would silently drop the end of a paste, so it is lifted here and
   the server refuses over-long text with a message (Django's max_length). */
(() => {
  // The words come translated from the server, on this script's tag.
  const words = document.currentScript.dataset;
  const fill = (format, values) => format.replace(/%\((\w+)\)s/g, (_match, key) => values[key]);
  const describe = (length, limit) =>
    length > limit
      ? fill(words.overText, { over: length - limit, limit })
      : fill(words.countText, { length, limit });

  const update = (field) => {
    const limit = Number(field.dataset.lengthLimit);
    const counter = document.getElementById(`${field.id}-length`);
    if (!limit || !counter) return;
    const over = field.value.length > limit;
    counter.textContent = describe(field.value.length, limit);
    counter.classList.toggle('error-message', over);
    if (over) field.setAttribute('aria-invalid', 'true');
    else if (field.dataset.lengthInvalid === 'true') field.removeAttribute('aria-invalid');
    field.dataset.lengthInvalid = String(over);
  };

  const attach = (field) => {
    if (field.dataset.lengthLimit || !field.id) return;
    field.dataset.lengthLimit = field.getAttribute('maxlength');
    field.removeAttribute('maxlength');
    const counter = document.createElement('p');
    counter.id = `${field.id}-length`;
    counter.className = 'help length-limit';
    counter.setAttribute('aria-live', 'polite');
    field.insertAdjacentElement('afterend', counter);
    const described = field.getAttribute('aria-describedby');
    field.setAttribute('aria-describedby', described ? `${described} ${counter.id}` : counter.id);
    update(field);
  };

  const scan = (root) => {
    root.querySelectorAll('form input[maxlength]:not([type=hidden]), form textarea[maxlength]').forEach(attach);
  };

  document.addEventListener('DOMContentLoaded', () => {
    scan(document);
    // StreamField blocks and inline panels add fields as the editor works.
    new MutationObserver(() => scan(document)).observe(document.body, { childList: true, subtree: true });
  });
  document.addEventListener('input', (event) => {
    if (event.target.dataset && event.target.dataset.lengthLimit) update(event.target);
  });
})();
