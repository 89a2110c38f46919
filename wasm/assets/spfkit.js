/* spfkit widget loader: defines <spf-survey> and <spf-checklist>, and boots
 * one Go WebAssembly runtime for every element on the page. No eval; the
 * only CSP need is 'wasm-unsafe-eval'. Widgets render in light DOM with
 * NHS.UK class names; the shadow attribute puts one in a shadow root. */
(function () {
  'use strict';
  if (window.__spfkitLoader) return;
  window.__spfkitLoader = true;
  var script = document.currentScript;
  var base = script && script.src ? script.src.replace(/[^/]*$/, '') : '';
  var ready = null;

  function loadScript(src) {
    return new Promise(function (ok, fail) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = ok;
      s.onerror = function () { fail(new Error('cannot load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function fallbackStyles() {
    // Pages that load nhsuk-frontend style the widgets exactly; the others
    // get spfkit.css.
    for (var i = 0; i < document.styleSheets.length; i++) {
      var href = document.styleSheets[i].href || '';
      if (href.indexOf('nhsuk') >= 0) return;
    }
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = base + 'spfkit.css';
    document.head.appendChild(link);
  }

  // The program is compiled while wasm_exec.js loads: compiling needs no
  // imports, so it starts at once, streaming as the bytes arrive.
  function compile() {
    var url = base + 'spfkit.wasm';
    var viaBuffer = function () {
      return fetch(url).then(function (r) {
        if (!r.ok) throw new Error('cannot load ' + url + ' (' + r.status + ')');
        return r.arrayBuffer();
      }).then(function (b) { return WebAssembly.compile(b); });
    };
    if (!WebAssembly.compileStreaming) return viaBuffer();
    // A server that sends the wrong MIME type makes streaming fail: fall
    // back to reading the whole file.
    return WebAssembly.compileStreaming(fetch(url)).catch(viaBuffer);
  }
  function boot() {
    if (ready) return ready;
    fallbackStyles();
    var module = compile();
    ready = Promise.all([module, typeof Go === 'function' ? 0 : loadScript(base + 'wasm_exec.js')]).then(function (v) {
      var go = new Go();
      var started = new Promise(function (ok) { document.addEventListener('spf-wasm-ready', ok, { once: true }); });
      return WebAssembly.instantiate(v[0], go.importObject).then(function (instance) {
        go.run(instance);
        return started;
      });
    });
    return ready;
  }

  // Requests (see wasm/doc.go): JSON body, "Name: value" header lines,
  // done(status, ETag, text), status 0 on failure.
  var invitation = new URLSearchParams(location.search).get('invitation'), store = {};
  try { store = sessionStorage; } catch (e) {}
  function send(method, url, body, headers, done) {
    var h = { 'Content-Type': 'application/json' }, k = 'spfkit:submission:' + url, o = { method: method, headers: h };
    headers.split('\n').forEach(function (l) {
      var i = l.indexOf(': ');
      if (i > 0) h[l.slice(0, i)] = l.slice(i + 2);
    });
    if (method == 'POST') {
      h['Idempotency-Key'] = (store.getItem && store.getItem(k)) || Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) { return (b + 256).toString(16).slice(1); }).join('');
      if (store.setItem) store.setItem(k, h['Idempotency-Key']);
      if (invitation) h['Spfkit-Invitation'] = invitation;
    }
    if (body) o.body = body;
    fetch(url, o).then(function (r) {
      if (r.ok && store.removeItem && method == 'POST') store.removeItem(k);
      return r.text().then(function (t) { done(r.status, r.headers.get('ETag') || '', t); });
    }).catch(function () { done(0, '', ''); });
  }
  // The survey's submit: ok(), or fail() with a 400's problems as
  // [pointer, message] pairs for the error summary.
  window.__spfSend = function (url, body, ok, fail) {
    send('POST', url, body, '', function (status, tag, text) {
      if (status == 200 || status == 201) return ok();
      var probs = null;
      try { if (status == 400) probs = JSON.parse(text).problems.map(function (p) { return [p.pointer, p.message]; }); } catch (e) {}
      fail(probs);
    });
  };

  function sharePlan(host, url) {
    if (!host.spfNote) {
      var note = host.spfNote = document.createElement('div');
      note.className = 'nhsuk-inset-text spf-notice';
      note.setAttribute('role', 'status');
      note.hidden = true;
      host.before(note);
      host.addEventListener('spf-change', function (e) {
        send('PUT', url, JSON.stringify(e.detail), host.spfTag ? 'If-Match: ' + host.spfTag : 'If-None-Match: *', function (status, tag) {
          if (!(note.hidden = status == 200 || status == 201)) note.textContent = 'Not saved to the shared plan: ' + (status == 412 ? 'someone else changed it after you opened it. Reload the page to see their changes.' : 'try again later.') + ' Your change is kept in this browser.';
          else host.spfTag = tag;
        });
      });
    }
    return new Promise(function (ok) {
      send('GET', url, '', '', function (status, tag, text) {
        host.spfTag = status == 200 ? tag : '';
        // The shared plan replaces this browser's copy, which the widget
        // reads (its key as wasm/shell.go makes it).
        if (status == 200) localStorage.setItem('spfkit:plan:' + host.getAttribute('plan-key') + ':' + (host.getAttribute('level') == 'national' ? 'national' : 'local'), text);
        ok('');
      });
    });
  }

  function getText(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error('cannot load ' + url + ' (' + r.status + ')');
      return r.text();
    });
  }

  // A built-in survey's first view is HTML that the widget's own Go code
  // rendered into the bundle, shown while the runtime starts: a reader
  // can begin at once. Until the widget takes the form over, a submit is
  // held (and made again once it has), and what was entered carries over.
  var early = 0;
  function prerender(host, el, id) {
    getText(base + 'survey-' + encodeURIComponent(id) + '.html').then(function (t) {
      if (!host.spfMounted || host.spfID || el.querySelector('form')) return;
      el.innerHTML = t.split('spf0-').join('spfe' + (++early) + '-');
      var st = host.spfEarly = { touched: false, submit: false }, f = el.querySelector('form');
      var touch = function () { st.touched = true; };
      f.addEventListener('input', touch);
      f.addEventListener('change', touch);
      f.addEventListener('submit', function (e) { e.preventDefault(); st.submit = true; });
    }).catch(function () {});
  }
  // takeOver hands an early view to the widget: untouched, it goes (the
  // widget draws its own, with any saved draft); touched, the widget reads
  // its fields. Focus stays on the same field.
  function takeOver(host, el, mount) {
    var st = host.spfEarly, a = document.activeElement, keep = null;
    host.spfEarly = null;
    if (st) {
      if (a && a.name && el.contains(a)) keep = '[name="' + CSS.escape(a.name) + '"]' + (a.type == 'radio' || a.type == 'checkbox' ? '[value="' + CSS.escape(a.value) + '"]' : '');
      if (!st.touched) el.replaceChildren();
      else {
        var h = document.createElement('input'); // the widget reads a form of more than one field
        h.type = 'hidden';
        h.name = 'spf.early';
        el.querySelector('form').appendChild(h);
      }
    }
    mount();
    var f = el.querySelector('form'), k = keep && el.querySelector(keep);
    if (k) k.focus();
    if (st && st.submit && f && f.requestSubmit) f.requestSubmit();
  }

  function define(name, kind) {
    if (customElements.get(name)) return;
    customElements.define(name, class extends HTMLElement {
      connectedCallback() {
        if (this.spfMounted) return;
        this.spfMounted = true;
        var host = this;
        var el = host;
        host.classList.add('spf-root'); // what spfkit.css is scoped to
        if (host.hasAttribute('shadow')) {
          // Opt-in for hostile themes: the widget and its styles live in a
          // shadow root, out of the page's CSS. An element put back on the
          // page keeps the root it had.
          var sr = host.shadowRoot || host.attachShadow({ mode: 'open' });
          sr.replaceChildren();
          var link = document.createElement('link');
          link.rel = 'stylesheet';
          link.href = base + 'spfkit.css';
          el = document.createElement('div');
          el.className = name + ' spf-root';
          sr.appendChild(link);
          sr.appendChild(el);
        }
        invitation = host.getAttribute('invitation') || invitation;
        var src = host.getAttribute('src'), plan = host.getAttribute('plan-url');
        // A survey's definition from src; for a checklist, the framework
        // (fetched only by pages that have one) once the shared plan is in.
        if (kind == 'survey' && !src && host.getAttribute('survey') && !el.querySelector('form')) prerender(host, el, host.getAttribute('survey'));
        var text = kind == 'survey' ? (src ? getText(src) : Promise.resolve('')) :
          Promise.all([getText(base + 'framework.txt'), plan ? sharePlan(host, plan) : 0]).then(function (v) { return v[0]; });
        Promise.all([boot(), text]).then(function (v) {
          // A checklist mounts in a task of its own, so a survey on the
          // same page is drawn (and usable) first.
          return kind == 'survey' ? v : new Promise(function (ok) { setTimeout(ok, 0, v); });
        }).then(function (v) {
          // The element may have left the page while the runtime loaded.
          if (host.spfMounted && host.isConnected) {
            takeOver(host, el, function () { host.spfID = window.__spfMount(el, kind, v[1], host); });
            host.setAttribute('data-spf-live', ''); // the widget is running
          }
        }).catch(function (e) {
          el.textContent = 'spfkit: ' + e.message;
        });
      }
      disconnectedCallback() {
        // Let go of the widget's Go callbacks; it mounts afresh if the
        // element comes back.
        this.spfMounted = false;
        if (this.spfID) window.__spfUnmount(this.spfID);
        this.spfID = 0;
        this.spfEarly = null;
        this.removeAttribute('data-spf-live');
      }
    });
  }

  define('spf-survey', 'survey');
  define('spf-checklist', 'checklist');
})();
