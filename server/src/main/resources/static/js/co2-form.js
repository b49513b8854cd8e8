// The CO2 form shows only the fields of each component's method, and the baseline and vessels only on a
// removal sheet. Hidden fields are disabled, so they are neither saved nor sent to the live calculation.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('application-form');
  if (!form) {
    return;
  }
  const show = (fieldset, on) => {
    fieldset.hidden = !on;
    fieldset.disabled = !on;
  };
  const methodChanged = (select) => {
    const row = select.closest('.component-row');
    row.querySelectorAll('fieldset.method-fields').forEach((fieldset) => {
      show(fieldset, fieldset.dataset.methods.split(' ').includes(select.value));
    });
  };
  const typeChanged = (select) => {
    form.querySelectorAll('fieldset.type-fields').forEach((fieldset) => {
      show(fieldset, fieldset.dataset.types.split(' ').includes(select.value));
    });
  };
  form.addEventListener('change', (event) => {
    if (event.target.matches('select.component-method')) {
      methodChanged(event.target);
    } else if (event.target.matches('select.sheet-type')) {
      typeChanged(event.target);
    }
  });
  const shape = (root) => {
    root.querySelectorAll('select.component-method').forEach(methodChanged);
    form.querySelectorAll('select.sheet-type').forEach(typeChanged);
  };
  shape(form);
  // A section swapped in place (form-rows.js) brings new rows: show only their method's fields too.
  document.body.addEventListener('htmx:load', (event) => shape(event.target));
});
