// Tenhal pages: htmx requests carry the page's CSRF token, and the small behaviours pages declare in data-* attributes
// work here, because the content security policy runs no inline script or inline event handler (onclick=…).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// <select data-submit-on-change [data-clear="field"]>: choosing submits the form, first emptying the named field
// (a new service clears the provider chosen for the old one).
document.addEventListener("change", function (event) {
  var field = event.target;
  if (!field.hasAttribute || !field.hasAttribute("data-submit-on-change") || !field.form) {
    return;
  }
  var clear = field.getAttribute("data-clear");
  if (clear && field.form.elements[clear]) {
    field.form.elements[clear].value = "";
  }
  field.form.submit();
});

// <input data-copy-to="selector">: what is typed is copied into every field the selector finds (one reason typed
// once, sent with whichever of the page's forms is submitted).
document.addEventListener("input", function (event) {
  var field = event.target;
  var selector = field.getAttribute && field.getAttribute("data-copy-to");
  if (!selector) {
    return;
  }
  document.querySelectorAll(selector).forEach(function (target) {
    target.value = field.value;
  });
});
