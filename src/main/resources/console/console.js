// Shows each <time datetime="..."> of the page in the viewer's time zone and the page's language:
// the zone the signed-in person chose (body's data-time-zone), else the browser's. Runs again on the
// parts htmx swaps in (the board's live rows). Without script the server's text stays.
(function () {
  function zone() {
    var chosen = document.body && document.body.getAttribute('data-time-zone');
    return chosen || undefined;
  }
  function show(root) {
    var format;
    try {
      format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
        year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
        second: '2-digit', timeZoneName: 'short', timeZone: zone() });
    } catch (e) {
      return; // an unknown zone: keep the server's text
    }
    (root.querySelectorAll ? root : document).querySelectorAll('time[datetime]').forEach(function (time) {
      var at = new Date(time.getAttribute('datetime'));
      if (!isNaN(at)) {
        if (!time.title) {
          time.title = time.textContent; // the server's text, in noc.notify.time-zone
        }
        time.textContent = format.format(at);
      }
    });
  }
  document.addEventListener('DOMContentLoaded', function () { show(document); });
  document.addEventListener('htmx:load', function (event) { show(event.target); });
})();
