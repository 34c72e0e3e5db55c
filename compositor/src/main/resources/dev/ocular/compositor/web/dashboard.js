// ocular dashboard: reads options and state from the JSON API, follows the live stats stream (server-sent events),
// draws recent frame times with Apache ECharts (served by ocular from its WebJar) and sends per-eye changes.
(function () {
  'use strict';
  // The page's script URLs carry the token when the service has one; the API takes it as a bearer header and the
  // EventSource (which cannot set headers) as ?token=.
  const token = new URL(document.currentScript.src).searchParams.get('token');
  const eyes = ['left', 'right'];
  const status = {updates: 0, events: 0, lastFrame: null};
  window.ocularDashboard = status; // read by the browser test; handy in the console
  let current = null;

  function $(id) {
    return document.getElementById(id);
  }

  function withToken(path) {
    return token ? path + (path.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token) : path;
  }

  function headers(json) {
    const h = {};
    if (token) {
      h.Authorization = 'Bearer ' + token;
    }
    if (json) {
      h['Content-Type'] = 'application/json';
    }
    return h;
  }

  async function failure(response) {
    const text = await response.text();
    try {
      return new Error(JSON.parse(text).error);
    } catch (e) {
      return new Error(response.status + ' ' + response.statusText);
    }
  }

  async function api(method, path, body) {
    const init = {method: method, headers: headers(method !== 'GET')};
    if (method !== 'GET') {
      init.body = JSON.stringify(body || {});
    }
    const response = await fetch(path, init);
    if (!response.ok) {
      throw await failure(response);
    }
    return response.json();
  }

  function show(message, isError) {
    $('message').textContent = message;
    $('message').className = isError ? 'error' : '';
  }

  function text(id, value) {
    $(id).textContent = value === null || value === undefined ? '–' : String(value);
  }

  function fill(select, values) {
    select.replaceChildren(...values.map(v => new Option(v, v)));
  }

  const chart = echarts.init($('frame-chart'));
  const line = name => ({name: name, type: 'line', showSymbol: false, data: []});
  chart.setOption({
    animation: false,
    tooltip: {trigger: 'axis'},
    legend: {},
    grid: {left: 50, right: 20, top: 40, bottom: 30},
    xAxis: {type: 'category', data: []},
    yAxis: {type: 'value', name: 'ms'},
    series: [line('frame interval'), line('left GPU'), line('right GPU')]
  });
  window.addEventListener('resize', () => chart.resize());

  function updateChart(frames) {
    chart.setOption({
      xAxis: {data: frames.frame},
      series: [{data: frames.interval_ms}, {data: frames.left_gpu_ms}, {data: frames.right_gpu_ms}]
    });
    status.updates += 1;
    status.lastFrame = frames.frame.length ? frames.frame[frames.frame.length - 1] : null;
    $('frame-chart').dataset.updates = String(status.updates);
  }

  function showState(state) {
    current = state;
    text('scene', state.scene);
    text('sink', state.sink);
    text('runtime', state.runtime_name ? state.runtime_name + ' / ' + state.system_name : 'none');
    text('session-state', state.session_state);
    text('frames-submitted', state.counters.frames_submitted);
    text('frames-late', state.counters.frames_late);
    text('frames-discarded', state.counters.frames_discarded);
    text('frames-skipped', state.counters.frames_skipped);
    text('history-resets', state.counters.history_resets);
    eyes.forEach(eye => {
      const c = state[eye];
      text(eye + '-current-preset', c.preset);
      text(eye + '-current-ratio', c.ratio.toFixed(2));
      text(eye + '-current-method', c.method);
      text(eye + '-current-sharpening', c.sharpening);
      text(eye + '-current-render', c.render_width + '×' + c.render_height);
      text(eye + '-current-output', c.output_width + '×' + c.output_height);
    });
    text('lens-current', state.lens_profile || 'none');
    text('profile-state', state.profiling ? 'recording' : 'idle');
  }

  function selectCurrent(state) {
    eyes.forEach(eye => {
      $(eye + '-preset').value = state[eye].preset;
      $(eye + '-method').value = state[eye].method;
      $(eye + '-sharpening').value = state[eye].sharpening;
    });
    if (state.lens_profile) {
      $('lens-profile').value = state.lens_profile;
    }
  }

  // Sends only what differs from the compositor's settings: every change resets the eye's temporal history.
  async function applyEye(eye) {
    const now = current[eye];
    const body = {};
    if ($(eye + '-preset').value !== now.preset) {
      body.preset = $(eye + '-preset').value;
    }
    if ($(eye + '-method').value !== now.method) {
      body.method = $(eye + '-method').value;
    }
    const sharpening = $(eye + '-sharpening').value;
    if (sharpening !== '' && Number(sharpening) !== now.sharpening) {
      body.sharpening = Number(sharpening);
    }
    if (Object.keys(body).length === 0) {
      show(eye + ' eye: nothing to change');
      return;
    }
    try {
      const result = await api('PATCH', '/api/eyes/' + eye, body);
      const s = result.settings;
      show(eye + ' eye: ' + s.preset + ' (' + s.render_width + '×' + s.render_height + '), ' + s.method
        + ', sharpening ' + s.sharpening + ' — applied at the next frame');
    } catch (e) {
      show(eye + ' eye: ' + e.message, true);
    }
  }

  async function applyLens() {
    try {
      const result = await api('PUT', '/api/lens', {profile: $('lens-profile').value});
      show('lens profile ' + result.lens_profile + ' applied at the next frame');
    } catch (e) {
      show('lens: ' + e.message, true);
    }
  }

  async function capture(eye, kind) {
    const response = await fetch('/api/eyes/' + eye + '/images/' + kind, {headers: headers(false)});
    if (!response.ok) {
      show(eye + ' ' + kind + ': ' + (await failure(response)).message, true);
      return;
    }
    const image = $(eye + '-image');
    if (image.src.startsWith('blob:')) {
      URL.revokeObjectURL(image.src);
    }
    image.src = URL.createObjectURL(await response.blob());
    image.alt = eye + ' eye ' + kind;
    image.hidden = false;
  }

  function listFiles(files) {
    const items = files.map(name => {
      const a = document.createElement('a');
      a.href = withToken('/api/profile/files/' + name);
      a.textContent = name;
      const li = document.createElement('li');
      li.append(a);
      return li;
    });
    if (files.length) {
      const zip = document.createElement('a');
      zip.href = withToken('/api/profile/report.zip');
      zip.textContent = 'all (zip)';
      const li = document.createElement('li');
      li.append(zip);
      items.push(li);
    }
    $('profile-files').replaceChildren(...items);
  }

  async function profile(action) {
    try {
      const result = await api('POST', '/api/profile/' + action, {});
      text('profile-state', result.profiling ? 'recording' : 'idle');
      listFiles(result.files);
      show(action === 'start' ? 'profiling…' : 'report written to ' + result.report_dir);
    } catch (e) {
      show('profiling: ' + e.message, true);
    }
  }

  function connect() {
    const source = new EventSource(withToken('/api/stream'));
    source.addEventListener('stats', event => {
      const data = JSON.parse(event.data);
      status.events += 1;
      showState(data.state);
      updateChart(data.frames);
      text('connection', 'live');
      $('connection').className = 'good';
    });
    source.addEventListener('stats-error', event => show(JSON.parse(event.data).error, true));
    // EventSource reconnects by itself; say so meanwhile.
    source.onerror = () => {
      text('connection', 'reconnecting…');
      $('connection').className = 'bad';
    };
  }

  async function init() {
    try {
      const [options, state, profileState] = await Promise.all(
        [api('GET', '/api/options'), api('GET', '/api/state'), api('GET', '/api/profile')]);
      eyes.forEach(eye => {
        fill($(eye + '-preset'), options.presets);
        fill($(eye + '-method'), options.methods);
        $(eye + '-sharpening').min = options.sharpening_min;
        $(eye + '-sharpening').max = options.sharpening_max;
        $(eye + '-apply').addEventListener('click', () => applyEye(eye));
        document.querySelectorAll('.eye[data-eye="' + eye + '"] [data-capture]').forEach(button =>
          button.addEventListener('click', () => capture(eye, button.dataset.capture)));
      });
      fill($('lens-profile'), options.lens_profiles);
      $('lens-apply').disabled = options.lens_profiles.length === 0;
      $('lens-apply').addEventListener('click', applyLens);
      $('profile-start').addEventListener('click', () => profile('start'));
      $('profile-stop').addEventListener('click', () => profile('stop'));
      showState(state);
      selectCurrent(state);
      listFiles(profileState.files);
      connect();
    } catch (e) {
      show('cannot reach the compositor: ' + e.message, true);
    }
  }

  init();
})();
