// Progressive enhancement only: every page works without this file.
// Ticking an outlet in the filter panel applies the filter at once.
document.addEventListener("change", (event) => {
  const box = event.target;
  if (box instanceof HTMLInputElement && box.hasAttribute("data-autosubmit") && box.form) {
    box.form.requestSubmit();
  }
});
