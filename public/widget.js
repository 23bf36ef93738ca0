/*
 * Refund Desk chat widget.
 *
 * Two roles in one file:
 *  - on the widget page (index.html, <script src="widget.js" data-mode="page">): opens Bot Framework Web Chat
 *    on this server's Direct Line endpoint (or Azure Direct Line, when the server says so), as the buyer the
 *    host page vouches for;
 *  - on any other page (<script src="https://bot.example.com/widget.js" data-buyer-token="...">): adds a
 *    launcher button that opens the widget page in a floating panel (an iframe), and hands it the buyer token
 *    by postMessage (never in the URL).
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (script && script.getAttribute('data-mode') === 'page') {
    page();
  } else {
    loader(script);
  }

  // ------------------------------------------------------------------------------------------------ loader --

  function loader(tag) {
    if (!tag || (window.RefundDesk && window.RefundDesk.loaded)) return;
    var base = new URL('./', tag.src);
    var origin = base.origin;
    var options = {
      buyerToken: tag.getAttribute('data-buyer-token') || undefined,
      buyerId: tag.getAttribute('data-buyer-id') || undefined,
      lang: tag.getAttribute('data-lang') || undefined,
    };
    var zh = /^zh/i.test(options.lang || navigator.language || '');
    var label = zh ? '售后服务' : 'Help & refunds';

    var style = document.createElement('style');
    style.textContent =
      '.rdw-launcher{position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%;border:0;padding:0;' +
      'cursor:pointer;box-shadow:0 6px 20px rgba(0,0,0,.22);background:#ff5000;z-index:2147483000;transition:transform .15s}' +
      '.rdw-launcher:hover{transform:scale(1.06)}.rdw-launcher img{width:60px;height:60px;border-radius:50%;display:block}' +
      '.rdw-panel{position:fixed;right:20px;bottom:92px;width:400px;height:min(640px,calc(100vh - 120px));border-radius:14px;' +
      'overflow:hidden;box-shadow:0 12px 40px rgba(0,0,0,.25);background:#fff;z-index:2147483000;display:none}' +
      '.rdw-panel.rdw-open{display:block}.rdw-panel iframe{width:100%;height:100%;border:0;display:block}' +
      '@media (max-width:480px){.rdw-panel{right:0;bottom:0;width:100vw;height:100%;border-radius:0}' +
      '.rdw-panel.rdw-open + .rdw-launcher,.rdw-open ~ .rdw-launcher{display:none}}';
    document.head.appendChild(style);

    var panel = document.createElement('div');
    panel.className = 'rdw-panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', label);
    var launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = 'rdw-launcher';
    launcher.setAttribute('aria-label', label);
    launcher.setAttribute('aria-expanded', 'false');
    var icon = document.createElement('img');
    icon.src = new URL('avatar.svg', base).href;
    icon.alt = '';
    launcher.appendChild(icon);
    var frame = null;

    function init() {
      if (frame && frame.contentWindow) {
        frame.contentWindow.postMessage({ type: 'refund-desk:init', buyerToken: options.buyerToken, buyerId: options.buyerId, lang: options.lang }, origin);
      }
    }
    function open() {
      if (!frame) {
        frame = document.createElement('iframe');
        frame.title = label;
        frame.src = new URL('./#embed', base).href;
        panel.appendChild(frame);
      }
      panel.classList.add('rdw-open');
      launcher.setAttribute('aria-expanded', 'true');
    }
    function close() {
      panel.classList.remove('rdw-open');
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
    }
    function toggle() {
      if (panel.classList.contains('rdw-open')) close();
      else open();
    }

    window.addEventListener('message', function (event) {
      if (!frame || event.origin !== origin || event.source !== frame.contentWindow) return;
      var data = event.data || {};
      if (data.type === 'refund-desk:ready') init();
      else if (data.type === 'refund-desk:close') close();
    });
    launcher.addEventListener('click', toggle);

    function mount() {
      document.body.appendChild(panel);
      document.body.appendChild(launcher);
      if (tag.getAttribute('data-open') === 'true') open();
    }
    if (document.body) mount();
    else document.addEventListener('DOMContentLoaded', mount);

    window.RefundDesk = {
      loaded: true,
      open: open,
      close: close,
      toggle: toggle,
      /** The platform's buyer token changed (signed in again): the widget uses it from its next token request. */
      setBuyerToken: function (token) {
        options.buyerToken = token;
        init();
      },
    };
  }

  // -------------------------------------------------------------------------------------------------- page --

  function page() {
    var STRINGS = {
      'zh-CN': {
        title: '售后服务',
        subtitle: '退款 · 退货 · 换货 · 全天在线',
        switchTo: 'EN',
        switchLabel: 'Switch to English',
        buyer: '买家',
        close: '关闭',
        placeholder: '描述您的问题，或输入订单号',
        connecting: '正在连接客服…',
        signIn: '请先登录商城账号，再打开售后服务。',
        unavailable: '暂时无法连接客服，请稍后刷新重试。',
        unsupported: '{name}：不支持这种文件。请发送照片（JPG、PNG、HEIC、WebP）、视频（MP4、MOV）或 PDF。',
        tooLarge: '{name} 有 {size}，超过了{kind}的上限 {limit}。',
        azureTooLarge: '{name} 有 {size}，超过了上传上限 {limit}。',
        empty: '{name} 是空文件。',
        tooMany: '一次最多发送 {limit} 个文件，多出的没有添加：{names}。',
        image: '照片',
        video: '视频',
        pdf: 'PDF',
      },
      'en-US': {
        title: 'Help & refunds',
        subtitle: 'Refunds · returns · exchanges',
        switchTo: '中文',
        switchLabel: '切换到中文',
        buyer: 'Buyer',
        close: 'Close',
        placeholder: 'Describe your problem or type an order number',
        connecting: 'Connecting you to customer service…',
        signIn: 'Please sign in to the marketplace first, then open Help again.',
        unavailable: 'Customer service cannot be reached right now. Please reload in a moment.',
        unsupported: '{name}: this kind of file is not accepted. Send photos (JPG, PNG, HEIC, WebP), a video (MP4, MOV) or a PDF.',
        tooLarge: '{name} is {size}, over the {limit} limit for a {kind}.',
        azureTooLarge: '{name} is {size}, over the {limit} upload limit.',
        empty: '{name} is empty.',
        tooMany: 'At most {limit} files at a time; these were not added: {names}.',
        image: 'photo',
        video: 'video',
        pdf: 'PDF',
      },
    };

    var IMAGE_TYPES = /^image\/(jpeg|png|webp|heic|heif|heic-sequence|heif-sequence)$/;
    var VIDEO_TYPES = /^video\/(mp4|quicktime|3gpp|3gpp2|x-m4v)$/;
    var EXTENSIONS = { jpg: 'image', jpeg: 'image', png: 'image', webp: 'image', heic: 'image', heif: 'image', mp4: 'video', m4v: 'video', mov: 'video', '3gp': 'video', '3g2': 'video', pdf: 'pdf' };

    var embedded = /(^|[#&])embed\b/.test(location.hash) || window.parent !== window;
    if (embedded) document.documentElement.classList.add('rd-embedded');

    var el = {
      title: document.getElementById('rd-title'),
      subtitle: document.getElementById('rd-subtitle'),
      lang: document.getElementById('rd-lang'),
      close: document.getElementById('rd-close'),
      buyerLabel: document.getElementById('rd-buyer-label'),
      buyerCaption: document.getElementById('rd-buyer-caption'),
      buyer: document.getElementById('rd-buyer'),
      status: document.getElementById('rd-status'),
      webchat: document.getElementById('webchat'),
    };

    var state = {
      lang: pickLanguage(null),
      config: null,
      session: null,
      directLine: null,
      store: null,
      buyerToken: undefined,
    };

    function t(key, params) {
      var text = (STRINGS[state.lang] || STRINGS['en-US'])[key] || key;
      return text.replace(/\{(\w+)\}/g, function (_, name) {
        return params && params[name] !== undefined ? String(params[name]) : '';
      });
    }

    function pickLanguage(requested) {
      var stored = safe(function () {
        return localStorage.getItem('refund-desk:lang');
      });
      var wanted = requested || stored || navigator.language || 'zh-CN';
      return /^zh/i.test(wanted) ? 'zh-CN' : 'en-US';
    }

    function applyTexts() {
      document.documentElement.lang = state.lang;
      el.title.textContent = t('title');
      el.subtitle.textContent = t('subtitle');
      el.lang.textContent = t('switchTo');
      el.lang.setAttribute('aria-label', t('switchLabel'));
      el.lang.setAttribute('lang', state.lang === 'zh-CN' ? 'en' : 'zh');
      el.buyerCaption.textContent = t('buyer');
      el.close.setAttribute('aria-label', t('close'));
      document.title = t('title') + ' · Refund Desk';
    }

    function showStatus(text, isError) {
      if (!text) {
        el.status.hidden = true;
        el.status.textContent = '';
        return;
      }
      el.status.hidden = false;
      el.status.textContent = text;
      el.status.classList.toggle('rd-error', Boolean(isError));
    }

    function safe(fn) {
      try {
        return fn();
      } catch (e) {
        return null;
      }
    }

    function fetchJson(url, body) {
      return fetch(url, {
        method: body ? 'POST' : 'GET',
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
        cache: 'no-store',
      }).then(function (res) {
        return res.json().then(function (json) {
          if (!res.ok) {
            var err = new Error((json && json.error && json.error.message) || 'HTTP ' + res.status);
            err.status = res.status;
            throw err;
          }
          return json;
        });
      });
    }

    /** In the embed iframe, the host page sends the buyer token; without one in 3 s the page goes on alone. */
    function waitForHost() {
      if (!embedded) return Promise.resolve(null);
      return new Promise(function (resolve) {
        var done = false;
        function finish(value) {
          if (done) return;
          done = true;
          resolve(value);
        }
        window.addEventListener('message', function (event) {
          if (event.source !== window.parent) return;
          var data = event.data || {};
          if (data.type !== 'refund-desk:init') return;
          if (done) {
            // A new buyer token for later token requests (the host page signed in again).
            if (data.buyerToken) state.buyerToken = data.buyerToken;
            return;
          }
          finish(data);
        });
        window.parent.postMessage({ type: 'refund-desk:ready' }, '*');
        setTimeout(function () {
          finish(null);
        }, 3000);
      });
    }

    // The buyer token's subject, only to keep each buyer's conversation apart in this tab (the server checks it).
    function subjectOf(token) {
      return safe(function () {
        var payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        return JSON.parse(atob(payload)).sub;
      });
    }

    function chooseBuyer(host) {
      var query = new URLSearchParams(location.search);
      var hash = new URLSearchParams(location.hash.replace(/^#/, '').replace(/^embed&?/, ''));
      var token = (host && host.buyerToken) || hash.get('buyerToken') || undefined;
      if (hash.get('buyerToken')) {
        // Out of the address bar and the history as soon as it is read.
        history.replaceState(null, '', location.pathname + location.search + (embedded ? '#embed' : ''));
      }
      if (state.config.signed) return token ? { buyerToken: token, key: subjectOf(token) || 'signed' } : null;
      var buyers = state.config.buyers || [];
      var stored = safe(function () {
        return localStorage.getItem('refund-desk:buyer');
      });
      var wanted = (host && host.buyerId) || query.get('buyer') || stored;
      var id = wanted || (buyers[0] && buyers[0].id) || 'buyer-1001';
      return { buyerId: id, key: id };
    }

    function setUpSwitcher(current) {
      var buyers = state.config.buyers || [];
      // The host page names the buyer in the embed; only the development page offers a choice.
      if (state.config.signed || buyers.length === 0 || embedded) return;
      el.buyer.innerHTML = '';
      buyers.forEach(function (b) {
        var option = document.createElement('option');
        option.value = b.id;
        option.textContent = b.name;
        option.title = b.id;
        el.buyer.appendChild(option);
      });
      if (!buyers.some(function (b) { return b.id === current; })) {
        var extra = document.createElement('option');
        extra.value = current;
        extra.textContent = current;
        el.buyer.appendChild(extra);
      }
      el.buyer.value = current;
      el.buyerLabel.hidden = false;
      el.buyer.addEventListener('change', function () {
        safe(function () {
          localStorage.setItem('refund-desk:buyer', el.buyer.value);
        });
        var query = new URLSearchParams(location.search);
        query.delete('buyer');
        var search = query.toString();
        location.replace(location.pathname + (search ? '?' + search : '') + location.hash);
      });
    }

    function sessionKey(buyer) {
      return 'refund-desk:session:' + state.config.mode + ':' + buyer.key;
    }

    function loadSession(buyer) {
      return safe(function () {
        return JSON.parse(sessionStorage.getItem(sessionKey(buyer)) || 'null');
      });
    }

    function saveSession(buyer, session) {
      safe(function () {
        sessionStorage.setItem(sessionKey(buyer), JSON.stringify(session));
      });
    }

    /**
     * The conversation of this tab: kept in sessionStorage (id and token), so a reload reconnects to it and
     * shows its history. A token with little time left is replaced through the token endpoint, which resumes
     * the same conversation when it is still the buyer's.
     */
    function openSession(buyer) {
      var stored = loadSession(buyer);
      var now = Date.now();
      if (stored && stored.started && stored.token && stored.expiresAt - now > 120000) {
        return Promise.resolve(Object.assign({}, stored, { reconnect: true }));
      }
      var body = { locale: state.lang };
      if (buyer.buyerToken) body.buyerToken = state.buyerToken || buyer.buyerToken;
      else body.buyerId = buyer.buyerId;
      if (stored && stored.conversationId && state.config.mode === 'local') body.conversationId = stored.conversationId;
      return fetchJson('api/widget/token', body).then(function (issued) {
        var session = {
          mode: issued.mode,
          domain: issued.domain,
          buyerId: issued.buyerId,
          conversationId: issued.conversationId,
          token: issued.token,
          expiresAt: now + issued.expiresIn * 1000,
          started: Boolean(issued.resumed && stored && stored.started),
        };
        saveSession(buyer, session);
        return Object.assign({}, session, { reconnect: session.started });
      });
    }

    // ------------------------------------------------------------------------------------------- files --

    function kindOf(file) {
      var type = (file.type || '').toLowerCase();
      if (IMAGE_TYPES.test(type)) return 'image';
      if (VIDEO_TYPES.test(type)) return 'video';
      if (type === 'application/pdf') return 'pdf';
      var ext = ((file.name || '').split('.').pop() || '').toLowerCase();
      return EXTENSIONS[ext] || null;
    }

    function formatSize(bytes) {
      if (bytes >= 1024 * 1024) return (bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1) + ' MB';
      return Math.max(1, Math.round(bytes / 1024)) + ' KB';
    }

    /** Azure Direct Line takes at most 4 MB per upload: a photo over it is redrawn smaller as a JPEG. */
    function downsizeImage(file, maxBytes) {
      if (!/^image\/(jpeg|png|webp)$/.test(file.type || '')) return Promise.resolve(file);
      return createImageBitmap(file).then(function (bitmap) {
        var longest = Math.max(bitmap.width, bitmap.height);
        var scale = Math.min(1, 2560 / longest);
        var quality = 0.85;
        function attempt(tries) {
          var canvas = document.createElement('canvas');
          canvas.width = Math.max(1, Math.round(bitmap.width * scale));
          canvas.height = Math.max(1, Math.round(bitmap.height * scale));
          var context = canvas.getContext('2d');
          context.fillStyle = '#fff';
          context.fillRect(0, 0, canvas.width, canvas.height);
          context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
          return new Promise(function (resolve) {
            canvas.toBlob(resolve, 'image/jpeg', quality);
          }).then(function (blob) {
            if (blob && (blob.size <= maxBytes || tries >= 6)) {
              var name = (file.name || 'photo').replace(/\.[^.]+$/, '') + '.jpg';
              return new File([blob], name, { type: 'image/jpeg', lastModified: Date.now() });
            }
            scale *= 0.75;
            quality = Math.max(0.6, quality - 0.05);
            return attempt(tries + 1);
          });
        }
        return attempt(0);
      });
    }

    /** Checks chosen files against the limits at once (the bot checks again, by their bytes). */
    function checkFiles(files) {
      var limits = state.config.limits;
      var azure = state.config.mode === 'azure';
      var problems = [];
      return Promise.all(
        files.map(function (file) {
          var kind = kindOf(file);
          if (!kind) {
            problems.push(t('unsupported', { name: file.name }));
            return null;
          }
          if (file.size === 0) {
            problems.push(t('empty', { name: file.name }));
            return null;
          }
          var limit = limits[kind + 'Bytes'];
          if (file.size > limit) {
            problems.push(t('tooLarge', { name: file.name, size: formatSize(file.size), kind: t(kind), limit: formatSize(limit) }));
            return null;
          }
          if (!azure || file.size <= limits.uploadBytes) return file;
          var smaller = kind === 'image' ? downsizeImage(file, limits.uploadBytes).catch(function () { return file; }) : Promise.resolve(file);
          return smaller.then(function (result) {
            if (result.size <= limits.uploadBytes) return result;
            problems.push(t('azureTooLarge', { name: file.name, size: formatSize(file.size), limit: formatSize(limits.uploadBytes) }));
            return null;
          });
        }),
      ).then(function (checked) {
        var kept = [];
        var extra = [];
        checked.forEach(function (file) {
          if (!file) return;
          if (kept.length < limits.filesPerCase) kept.push(file);
          else extra.push(file.name);
        });
        if (extra.length) problems.push(t('tooMany', { limit: limits.filesPerCase, names: extra.join(', ') }));
        return { kept: kept, problems: problems };
      });
    }

    /**
     * A card line such as "2. Charger" is a Markdown list item to Web Chat, which numbers every such list from 1:
     * the period is escaped so the line keeps its own number.
     */
    function keepCardNumbers(activity) {
      if (!activity.attachments || !activity.attachments.length) return activity;
      function walk(node) {
        if (Array.isArray(node)) return node.map(walk);
        if (!node || typeof node !== 'object') return node;
        var copy = {};
        Object.keys(node).forEach(function (key) {
          copy[key] = walk(node[key]);
        });
        if (node.type === 'TextBlock' && typeof node.text === 'string') copy.text = node.text.replace(/^(\s*\d+)\.(\s)/gm, '$1\\.$2');
        return copy;
      }
      return Object.assign({}, activity, {
        attachments: activity.attachments.map(function (a) {
          return a && a.contentType === 'application/vnd.microsoft.card.adaptive' ? Object.assign({}, a, { content: walk(a.content) }) : a;
        }),
      });
    }

    function notify(problems) {
      if (!problems.length || !state.store) return;
      state.store.dispatch({ type: 'WEB_CHAT/SET_NOTIFICATION', payload: { id: 'refund-desk-files', level: 'error', message: problems.join(' ') } });
    }

    // ---------------------------------------------------------------------------------------- web chat --

    function createStore(buyer) {
      return window.WebChat.createStore({}, function () {
        return function (next) {
          return function (action) {
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && state.session && !state.session.started) {
              state.session.started = true;
              var toSave = Object.assign({}, state.session);
              delete toSave.reconnect;
              saveSession(buyer, toSave);
            }
            // Files chosen with the upload button ("send" mode: they wait in the send box).
            if (action.type === 'WEB_CHAT/SET_SEND_BOX_ATTACHMENTS' && action.payload && action.payload.attachments && action.payload.attachments.length) {
              var attachments = action.payload.attachments;
              checkFiles(
                attachments.map(function (a) {
                  return a.blob;
                }),
              ).then(function (result) {
                notify(result.problems);
                var byFile = result.kept.map(function (file) {
                  var original = attachments.filter(function (a) {
                    return a.blob === file;
                  })[0];
                  return original || { blob: file };
                });
                next(Object.assign({}, action, { payload: Object.assign({}, action.payload, { attachments: byFile }) }));
              });
              return undefined;
            }
            // Files sent as soon as they are chosen ("attach" mode).
            if (action.type === 'WEB_CHAT/SEND_FILES' && action.payload && action.payload.files && action.payload.files.length) {
              var problems = [];
              var files = action.payload.files.filter(function (f) {
                var kind = kindOf(f);
                var limit = kind && state.config.limits[kind + 'Bytes'];
                if (!kind) problems.push(t('unsupported', { name: f.name }));
                else if (f.size > limit) problems.push(t('tooLarge', { name: f.name, size: formatSize(f.size), kind: t(kind), limit: formatSize(limit) }));
                return kind && f.size <= limit;
              });
              notify(problems);
              if (!files.length) return undefined;
              return next(Object.assign({}, action, { payload: Object.assign({}, action.payload, { files: files }) }));
            }
            if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity) {
              action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: keepCardNumbers(action.payload.activity) }) });
            }
            // Azure Direct Line carries what the page sends as it is: the platform token goes along for the bot.
            if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && state.config.mode === 'azure' && buyer.buyerToken) {
              var activity = action.payload.activity;
              action = Object.assign({}, action, {
                payload: Object.assign({}, action.payload, {
                  activity: Object.assign({}, activity, { channelData: Object.assign({}, activity.channelData, { buyerToken: state.buyerToken || buyer.buyerToken }) }),
                }),
              });
            }
            return next(action);
          };
        };
      });
    }

    var styleOptions = {
      accent: '#ff5000',
      backgroundColor: '#f4f5f7',
      botAvatarImage: 'avatar.svg',
      botAvatarInitials: 'RD',
      bubbleBackground: '#ffffff',
      bubbleBorderRadius: 12,
      bubbleBorderWidth: 0,
      bubbleFromUserBackground: '#ff5000',
      bubbleFromUserTextColor: '#ffffff',
      bubbleFromUserBorderRadius: 12,
      bubbleFromUserBorderWidth: 0,
      bubbleMaxWidth: 340,
      bubbleMinHeight: 36,
      cardEmphasisBackgroundColor: '#fff7f0',
      fontSizeSmall: '75%',
      hideUploadButton: false,
      primaryFont: getComputedStyle(document.documentElement).fontFamily,
      richCardWrapTitle: true,
      rootHeight: '100%',
      sendBoxBackground: '#ffffff',
      sendBoxButtonColor: '#ff5000',
      sendBoxButtonColorOnHover: '#e04600',
      sendBoxHeight: 48,
      suggestedActionBackgroundColor: '#ffffff',
      suggestedActionBorderColor: '#ff5000',
      suggestedActionBorderRadius: 16,
      suggestedActionTextColor: '#ff5000',
      suggestedActionLayout: 'flow',
      suggestedActionHeight: 32,
      timestampColor: '#8c8c8c',
      uploadAccept: 'image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,video/mp4,video/quicktime,.mov,application/pdf',
      uploadMultiple: true,
    };

    function render() {
      if (!state.directLine) return;
      window.WebChat.renderWebChat(
        {
          directLine: state.directLine,
          store: state.store,
          locale: state.lang,
          userID: state.session.buyerId,
          username: state.session.buyerId,
          styleOptions: styleOptions,
          overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: t('placeholder') },
          sendTypingIndicator: false,
        },
        el.webchat,
      );
      el.webchat.setAttribute('lang', state.lang);
    }

    function switchLanguage() {
      state.lang = state.lang === 'zh-CN' ? 'en-US' : 'zh-CN';
      safe(function () {
        localStorage.setItem('refund-desk:lang', state.lang);
      });
      applyTexts();
      render();
    }

    function start() {
      applyTexts();
      el.lang.addEventListener('click', switchLanguage);
      if (embedded) {
        el.close.hidden = false;
        el.close.addEventListener('click', function () {
          window.parent.postMessage({ type: 'refund-desk:close' }, '*');
        });
      }
      if (!window.WebChat) {
        showStatus(t('unavailable'), true);
        return;
      }
      showStatus(t('connecting'));
      waitForHost()
        .then(function (host) {
          if (host && host.lang) {
            state.lang = pickLanguage(host.lang);
            applyTexts();
          }
          if (host && host.buyerToken) state.buyerToken = host.buyerToken;
          return fetchJson('api/widget/config').then(function (config) {
            state.config = config;
            var buyer = chooseBuyer(host);
            if (!buyer) {
              showStatus(t('signIn'), true);
              return;
            }
            if (buyer.buyerId) setUpSwitcher(buyer.buyerId);
            return openSession(buyer).then(function (session) {
              state.session = session;
              state.store = createStore(buyer);
              var query = new URLSearchParams(location.search);
              var options = { domain: session.domain, token: session.token, webSocket: query.get('polling') !== '1' };
              if (session.reconnect) {
                options.conversationId = session.conversationId;
                options.watermark = '';
              }
              state.directLine = window.WebChat.createDirectLine(options);
              showStatus(null);
              render();
            });
          });
        })
        .catch(function (err) {
          showStatus(err && err.status === 401 ? t('signIn') : t('unavailable'), true);
          if (window.console) console.error('Refund Desk widget:', err);
        });
    }

    // For tests and the host page's developers: the current state, and the photo shrinking used with Azure.
    window.RefundDeskWidget = {
      state: state,
      downsizeImage: downsizeImage,
      checkFiles: checkFiles,
    };

    start();
  }
})();
