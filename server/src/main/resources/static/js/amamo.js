// Small behaviours shared by every page. No inline scripts: the Content-Security-Policy forbids them.
document.addEventListener('DOMContentLoaded', () => {
  // htmx requests carry the CSRF token like forms do.
  const header = document.querySelector('meta[name="_csrf_header"]');
  const token = document.querySelector('meta[name="_csrf"]');
  if (header && token) {
    document.body.addEventListener('htmx:configRequest', (event) => {
      event.detail.headers[header.content] = token.content;
    });
  }
  // Forms marked "confirm" ask before a destructive action.
  document.querySelectorAll('form.confirm').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
});
