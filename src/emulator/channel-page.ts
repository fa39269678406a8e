/**
 * The emulator's one page: the channels as a Slack client would show them, redrawn from `/live` (server-sent events,
 * the whole view each time) as the bot posts. Self-contained, no external assets: it must work offline. Every value
 * goes in through textContent, so nothing a message says can become markup.
 */
export const CHANNEL_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>empty-chair: emulated Slack</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f8f8f8; color: #1d1c1d; }
  header { background: #3f0e40; color: #fff; padding: 10px 20px; }
  header small { opacity: .75; margin-left: 8px; }
  main { max-width: 860px; margin: 0 auto; padding: 8px 20px 40px; }
  h2 { font-size: 18px; border-bottom: 1px solid #ddd; padding-bottom: 4px; margin-top: 24px; }
  .message { background: #fff; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
  .meta { font-size: 13px; color: #616061; }
  .meta b { color: #1d1c1d; margin-right: 6px; }
  .bot > .meta b::after { content: "APP"; font-size: 10px; background: #ddd; border-radius: 3px; padding: 0 3px; margin-left: 4px; }
  .bot > .body { border-left: 4px solid #2eb67d; padding-left: 8px; }
  .ephemeral { background: #fdf6e3; }
  .body div { white-space: pre-wrap; }
  .body img { max-width: 100%; margin-top: 6px; }
  .reactions span { display: inline-block; border: 1px solid #ccc; border-radius: 10px; padding: 0 6px; margin-top: 4px; }
  .thread { margin-left: 24px; border-left: 2px solid #e0e0e0; padding-left: 10px; }
  #status { font-size: 13px; }
</style>
</head>
<body>
<header><b>Emulated Slack</b><small>what empty-chair sees and posts</small> <small id="status">connecting…</small></header>
<main id="channels"></main>
<script>
  const root = document.getElementById('channels');
  const status = document.getElementById('status');
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function message(item) {
    const box = el('div', 'message' + (item.bot ? ' bot' : '') + (item.onlyVisibleTo ? ' ephemeral' : ''));
    const meta = el('div', 'meta');
    meta.append(el('b', '', item.author), item.time);
    if (item.onlyVisibleTo) meta.append(' · only visible to ' + item.onlyVisibleTo);
    const body = el('div', 'body');
    for (const line of item.lines) body.append(el('div', '', line));
    for (const src of item.images) {
      const image = el('img');
      image.src = src;
      image.alt = '';
      body.append(image);
    }
    box.append(meta, body);
    if (item.reactions.length > 0) {
      const reactions = el('div', 'reactions');
      for (const reaction of item.reactions) reactions.append(el('span', '', reaction + ' 1'));
      box.append(reactions);
    }
    if (item.replies.length > 0) {
      const thread = el('div', 'thread');
      for (const reply of item.replies) thread.append(message(reply));
      box.append(thread);
    }
    return box;
  }
  function render(view) {
    root.replaceChildren(...view.channels.flatMap((channel) => [
      el('h2', '', (channel.id.startsWith('D') ? 'DM ' : '#') + channel.name),
      ...channel.messages.map(message),
    ]));
  }
  const live = new EventSource('/live');
  live.onopen = () => { status.textContent = 'live'; };
  live.onerror = () => { status.textContent = 'disconnected: the demo has stopped'; };
  live.onmessage = (event) => render(JSON.parse(event.data));
</script>
</body>
</html>
`;
