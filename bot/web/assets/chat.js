/* The chat page: connects the official Web Chat to this server's Direct Line endpoint, language switch, quick exit. */
(function () {
  'use strict';

  var SESSION_KEY = 'clb_session';
  var USER_KEY = 'clb_user';
  var LOCALE_KEY = 'clb_locale';
  var EXIT_URL = 'https://www.bbc.co.uk/weather';
  var root = document.getElementById('webchat');
  var status = document.getElementById('status');
  var survey = document.body.getAttribute('data-survey') || '';
  var invite = document.body.getAttribute('data-invite') || '';
  var directLine = null;
  var surveyPosted = false;

  /** Nothing of this chat is left on the device: the next person to open the page is someone new. */
  function forgetThisDevice() {
    try {
      sessionStorage.clear();
    } catch (e) {
      /* storage may be blocked */
    }
    try {
      localStorage.removeItem(USER_KEY);
    } catch (e) {
      /* storage may be blocked */
    }
  }

  function quickExit() {
    forgetThisDevice();
    window.location.replace(EXIT_URL);
  }

  document.getElementById('forget-me').addEventListener('click', function () {
    forgetThisDevice();
    window.location.replace('/');
  });

  document.getElementById('quick-exit').addEventListener('click', quickExit);
  var lastEscape = 0;
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    var now = Date.now();
    if (now - lastEscape < 1000) quickExit();
    lastEscape = now;
  });

  function randomId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) {
        return ('0' + b.toString(16)).slice(-2);
      })
      .join('');
  }

  // Who this is lives only as long as the tab (sessionStorage): a shared phone or library computer does not carry
  // one person's chat or paused survey over to the next. An id an earlier version kept in localStorage is moved.
  function userId() {
    var id = sessionStorage.getItem(USER_KEY);
    if (!id) {
      try {
        id = localStorage.getItem(USER_KEY);
        localStorage.removeItem(USER_KEY);
      } catch (e) {
        id = null;
      }
    }
    if (!id || !/^u_[A-Za-z0-9_-]{8,64}$/.test(id)) id = 'u_' + randomId();
    sessionStorage.setItem(USER_KEY, id);
    return id;
  }

  function post(url, body, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body || {}) }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }

  /** Azure's Direct Line (when the server has a secret): a fresh token each time, with Azure's default domain. */
  function azureSession() {
    return post('/api/directline/token', { user: { id: userId() } }).then(function (data) {
      return { token: data.token, conversationId: data.conversationId, domain: undefined };
    });
  }

  /** Reuses this tab's conversation after a reload (refreshing its token), or starts a new one. */
  function session() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
    } catch (e) {
      saved = null;
    }
    var fresh = function () {
      return post('/v3/directline/tokens/generate', { user: { id: userId() } }).then(remember);
    };
    if (!saved || !saved.token) return fresh();
    return post('/v3/directline/tokens/refresh', {}, saved.token).then(remember, fresh);
  }

  function remember(data) {
    var value = { conversationId: data.conversationId, token: data.token };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
    return value;
  }

  function applyStrings(payload) {
    document.documentElement.lang = payload.locale;
    document.documentElement.dir = payload.dir;
    document.title = payload.strings.title;
    Array.prototype.forEach.call(document.querySelectorAll('[data-text]'), function (element) {
      var text = payload.strings[element.getAttribute('data-text')];
      if (text && !(element === status && status.textContent === '')) element.textContent = text;
    });
    Array.prototype.forEach.call(document.querySelectorAll('.language'), function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-locale') === payload.locale));
    });
    root.setAttribute('aria-label', payload.strings.chatRegion);
    return payload;
  }

  var styleOptions = {
    accent: '#005e5e',
    primaryFont: 'Arial, "Segoe UI", Tahoma, sans-serif',
    fontSizeSmall: '85%',
    bubbleBackground: '#f3f2f1',
    bubbleTextColor: '#0b0c0c',
    bubbleFromUserBackground: '#005e5e',
    bubbleFromUserTextColor: '#ffffff',
    bubbleBorderRadius: 8,
    bubbleFromUserBorderRadius: 8,
    sendBoxBackground: '#ffffff',
    sendBoxTextColor: '#0b0c0c',
    sendBoxButtonColor: '#005e5e',
    sendBoxButtonColorOnHover: '#003d3d',
    subtle: '#505a5f',
    timestampColor: '#505a5f',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#005e5e',
    suggestedActionBorderWidth: 2,
    suggestedActionTextColor: '#005e5e',
    suggestedActionLayout: 'flow',
    hideUploadButton: true,
    rootHeight: '100%',
    // Bubbles and carousel cards are at most the screen less a margin, so on a 360 px phone a whole card fits
    // (with the next peeking in) instead of running off both edges; 480 px as usual on a wider screen.
    bubbleMaxWidth: Math.max(240, Math.min(480, window.innerWidth - 80)),
    bubbleMinWidth: 200,
  };

  function render(locale) {
    return fetch('/i18n/' + locale + '.json')
      .then(function (response) {
        return response.json();
      })
      .then(applyStrings)
      .then(function () {
        if (directLine) return null;
        return fetch('/api/chat-config')
          .then(function (r) {
            return r.json();
          })
          .then(function (config) {
            return config.directLine === 'azure'
              ? azureSession()
              : session().then(function (s) {
                  s.domain = window.location.origin + '/v3/directline';
                  return s;
                });
          });
      })
      .then(function (connection) {
        if (connection) {
          directLine = window.WebChat.createDirectLine({
            token: connection.token,
            conversationId: connection.conversationId,
            domain: connection.domain,
            webSocket: false,
            pollingInterval: 1000,
          });
          directLine.connectionStatus$.subscribe(function (state) {
            if (state === 2) status.textContent = '';
            // The link starts the survey once per conversation: reloading the page carries on where it was.
            var postedKey = 'clb-survey-started:' + connection.conversationId + ':' + survey;
            var alreadyPosted = false;
            try {
              alreadyPosted = sessionStorage.getItem(postedKey) === '1';
            } catch (e) {
              alreadyPosted = false;
            }
            if (state === 2 && survey && !surveyPosted && !alreadyPosted) {
              surveyPosted = true;
              try {
                sessionStorage.setItem(postedKey, '1');
              } catch (e) {
                /* storage may be blocked */
              }
              directLine
                .postActivity({
                  type: 'event',
                  name: 'startSurvey',
                  value: invite ? { surveyId: survey, invite: invite } : { surveyId: survey },
                  from: { id: userId() },
                  locale: locale === 'ar' ? 'ar-EG' : 'en-GB',
                })
                .subscribe(
                  function () {},
                  function () {},
                );
            }
          });
        }
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            userID: userId(),
            locale: locale === 'ar' ? 'ar-EG' : 'en-GB',
            dir: locale === 'ar' ? 'rtl' : 'ltr',
            styleOptions: styleOptions,
          },
          root,
        );
      })
      .catch(function () {
        status.setAttribute('data-text', 'failed');
        fetch('/i18n/' + locale + '.json')
          .then(function (r) {
            return r.json();
          })
          .then(function (p) {
            status.textContent = p.strings.failed;
          });
      });
  }

  Array.prototype.forEach.call(document.querySelectorAll('.language'), function (button) {
    button.addEventListener('click', function () {
      var locale = button.getAttribute('data-locale');
      sessionStorage.setItem(LOCALE_KEY, locale);
      render(locale);
    });
  });

  render(sessionStorage.getItem(LOCALE_KEY) === 'ar' ? 'ar' : 'en-GB');
})();
