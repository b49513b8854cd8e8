// Small behaviours shared by every page. No inline scripts: the Content-Security-Policy forbids them.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', () => {
  // On a small screen the menu button folds and unfolds the header's menus.
  const menuButton = document.getElementById('menu-button');
  const siteHeader = document.getElementById('site-header');
  if (menuButton && siteHeader) {
    menuButton.addEventListener('click', () => {
      const open = siteHeader.classList.toggle('menu-open');
      menuButton.setAttribute('aria-expanded', String(open));
    });
  }
  // One menu group open at a time; a click elsewhere or Escape closes it.
  const groups = Array.from(document.querySelectorAll('.site-header details.nav-group'));
  groups.forEach((group) => {
    group.addEventListener('toggle', () => {
      if (group.open) {
        groups.filter((other) => other !== group && !other.contains(group)).forEach((other) => { other.open = false; });
      }
    });
  });
  document.addEventListener('click', (event) => {
    groups.filter((group) => group.open && !group.contains(event.target)).forEach((group) => { group.open = false; });
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      groups.filter((group) => group.open).forEach((group) => { group.open = false; });
    }
  });
  // A table that scrolls sideways inside its own box (a wide table on a phone) takes the keyboard focus, so that it
  // can be scrolled without a pointer too; checked again when the window is resized or htmx replaces part of a page.
  const focusableScrollers = () => {
    document.querySelectorAll('table').forEach((table) => {
      const scrolls = table.scrollWidth > table.clientWidth + 1
        && ['auto', 'scroll'].includes(getComputedStyle(table).overflowX);
      if (scrolls) {
        table.setAttribute('tabindex', '0');
      } else if (table.getAttribute('tabindex') === '0') {
        table.removeAttribute('tabindex');
      }
    });
  };
  focusableScrollers();
  window.addEventListener('resize', focusableScrollers);
  document.body.addEventListener('htmx:afterSettle', focusableScrollers);
  // htmx requests carry the CSRF token like forms do.
  const header = document.querySelector('meta[name="_csrf_header"]');
  const token = document.querySelector('meta[name="_csrf"]');
  if (header && token) {
    document.body.addEventListener('htmx:configRequest', (event) => {
      event.detail.headers[header.content] = token.content;
    });
  }
});
