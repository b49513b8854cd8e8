// Adding or removing a row of the application form (a joint applicant, plant, year, component, vessel or holder)
// changes that section in place: the form is sent as the row button would send it, and only the section
// ([data-rows]) is swapped from the page that comes back, so the scroll position and what was typed elsewhere stay.
// Without JavaScript the buttons still work: they post the form and the whole page comes back.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('application-form');
  if (!form || !window.htmx) {
    return;
  }
  const fields = (section) => Array.from(section.querySelectorAll('input, select, textarea'))
    .filter((field) => field.id && field.type !== 'hidden');

  form.addEventListener('click', (event) => {
    const button = event.target.closest('button[name="add"], button[name="remove"]');
    const section = button && button.closest('[data-rows]');
    if (!section) {
      return;
    }
    event.preventDefault();
    const before = new Set(fields(section).map((field) => field.id));
    const values = {};
    values[button.name] = button.value;
    htmx.ajax('POST', form.action, {
      source: form, target: section, select: '#' + section.id, swap: 'outerHTML', values: values
    }).then(() => {
      const swapped = document.getElementById(section.id);
      if (!swapped) {
        return;
      }
      // After an addition, the new row's first field; after a removal, the section's add button.
      const added = fields(swapped).find((field) => !before.has(field.id) && !field.disabled);
      const next = button.name === 'add' ? added : swapped.querySelector('button[name="add"]');
      if (next) {
        next.focus();
      }
    });
  });
});
