// The console's only script besides htmx. Forms carry the CSRF token as a hidden field; requests that
// htmx makes on its own (polling, boosted links) carry it as a header, read from the page's meta tag.
document.addEventListener('htmx:configRequest', function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers['X-CSRF-Token'] = meta.getAttribute('content');
  }
});

// An upload shows how far it got (htmx reports the request's progress); without script the form posts as usual.
document.addEventListener('htmx:xhr:progress', function (event) {
  var bar = document.getElementById('upload-progress');
  if (bar && event.detail.lengthComputable) {
    bar.hidden = false;
    bar.value = Math.round(event.detail.loaded * 100 / event.detail.total);
  }
});
