/* The "Plain language" panel follows the editor's typing: while the edit
   form changes, it posts the form (at most once a second) to the panel's
   address and shows the readings the server sends back. The server computes
   every figure, so this view and the review screen never disagree. */
(() => {
  const Controller = window.StimulusModule && window.StimulusModule.Controller;
  if (!Controller || !window.wagtail || !window.wagtail.app) return;

  class PlainLanguageController extends Controller {
    static targets = ['readings', 'status'];
    static values = { url: String, interval: { type: Number, default: 1000 } };

    connect() {
      this.form = this.element.closest('form');
      if (!this.form || !this.urlValue) return;
      this.lastSent = this.snapshot();
      // Rich text and StreamField write their hidden inputs without input
      // events, so the form is compared on a timer as Wagtail's preview does.
      this.timer = window.setInterval(() => this.refresh(), this.intervalValue);
    }

    disconnect() {
      window.clearInterval(this.timer);
    }

    snapshot() {
      return new URLSearchParams(new FormData(this.form)).toString();
    }

    async refresh() {
      const current = this.snapshot();
      if (current === this.lastSent || this.pending) return;
      this.lastSent = current;
      this.pending = true;
      try {
        const response = await fetch(this.urlValue, {
          method: 'POST',
          body: new FormData(this.form),
          headers: { 'X-Requested-With': 'XMLHttpRequest' },
        });
        if (!response.ok) {
          this.statusTarget.textContent = this.element.dataset.failedMessage || '';
          return;
        }
        this.readingsTarget.innerHTML = await response.text();
        // Screen readers hear the one-line summary, and only when it changes.
        const summary = this.readingsTarget.querySelector('[data-plain-language-summary]');
        const text = summary ? summary.textContent.trim() : '';
        if (text !== this.statusTarget.textContent) this.statusTarget.textContent = text;
      } finally {
        this.pending = false;
      }
    }
  }

  window.wagtail.app.register('plain-language', PlainLanguageController);
})();
