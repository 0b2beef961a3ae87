/*
 * Marsad's keyboard shortcuts, as in the feed readers people know. The one script the
 * pages load (served from this site: CSP `script-src 'self'`, nothing inline); every page
 * works without it.
 *
 *   j / k   next / previous item        o   open the current item
 *   m       read / unread               s   star / unstar
 *   /       search                      ?   this help (Esc closes it)
 *
 * What the pages mark up for it (src/web/components.ts, src/web/layout.ts):
 *   [data-item]                       a list item (a story, an article, a search hit)
 *   [data-open]                       inside an item: the link `o` follows (default: the link in
 *                                     its heading, else its first link)
 *   [data-action="read"|"star"]       a button or link `m` / `s` presses: the one inside the
 *                                     current item, else the page's own (an article page);
 *                                     a <form> with the attribute is submitted
 *   [data-shortcut="search"]          the field `/` focuses
 *   [data-shortcut="help"]            shown (it is `hidden` without the script); opens the help
 *   dialog#shortcuts                  the help, written by the server in the page's language
 * Keys typed in a field, or with Ctrl, Alt or Meta, are left alone. With an Arabic (or any
 * non-Latin) keyboard layout the same physical keys work: `j` is read from the key's
 * position (KeyJ) when the layout types «ت», `?` is also «؟».
 */
(() => {
  'use strict';
  const items = () => Array.from(document.querySelectorAll('[data-item]'));
  let current = -1;

  const openLink = (item) => item.querySelector('a[data-open]') || item.querySelector('h2 a[href], h3 a[href]') || item.querySelector('a[href]');

  function select(i) {
    const list = items();
    if (list.length === 0) return;
    current = Math.max(0, Math.min(list.length - 1, i));
    list.forEach((el, n) => el.classList.toggle('kbd-current', n === current));
    const item = list[current];
    const link = openLink(item);
    (link || item).focus();
    item.scrollIntoView({ block: 'nearest' });
  }

  /** The item holding the focus, if any: the one j/k move from. */
  function focused() {
    const active = document.activeElement;
    const list = items();
    const i = active ? list.findIndex((el) => el.contains(active)) : -1;
    return i >= 0 ? i : current;
  }

  function press(action) {
    const list = items();
    const i = focused();
    const scope = i >= 0 && list[i] ? list[i] : document;
    const target = scope.querySelector(`[data-action="${action}"]`) || document.querySelector(`[data-action="${action}"]`);
    if (!target) return false;
    if (target instanceof HTMLFormElement) target.requestSubmit();
    else target.click();
    return true;
  }

  function help() {
    const dialog = document.getElementById('shortcuts');
    if (dialog && typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
  }

  const CODES = { KeyJ: 'j', KeyK: 'k', KeyO: 'o', KeyM: 'm', KeyS: 's' };
  /** The shortcut a key press means: its character on a Latin layout, else its position. */
  function keyOf(e) {
    if (/^[\x20-\x7e]$/.test(e.key)) return e.key;
    if (e.key === '؟') return '?';
    if (e.code === 'Slash') return e.shiftKey ? '?' : '/';
    return CODES[e.code] || e.key;
  }

  const typing = (el) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || typing(e.target)) return;
    const dialog = document.getElementById('shortcuts');
    if (dialog && dialog.open) return;
    let handled = true;
    switch (keyOf(e)) {
      case 'j':
        select(focused() + 1);
        break;
      case 'k':
        select(focused() < 0 ? 0 : focused() - 1);
        break;
      case 'o': {
        const list = items();
        const i = focused();
        const link = i >= 0 && list[i] ? openLink(list[i]) : null;
        if (link) link.click();
        else handled = false;
        break;
      }
      case 'm':
        handled = press('read');
        break;
      case 's':
        handled = press('star');
        break;
      case '/': {
        const field = document.querySelector('[data-shortcut="search"]');
        if (field) {
          field.focus();
          field.select();
        } else handled = false;
        break;
      }
      case '?':
        help();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  });

  for (const el of document.querySelectorAll('[data-shortcut="help"]')) {
    el.hidden = false;
    el.addEventListener('click', help);
  }
})();
