// The /embed page's height, for the page that frames it: posted to the parent as WordPress's
// embeds do, {message: 'height', value, secret}, with the `secret` WordPress puts in the
// iframe's URL fragment (#?secret=…), whenever the height changes and when the parent says
// it is ready. Without JavaScript the frame keeps the height of the oEmbed answer.
(() => {
  if (parent === window) return;
  const secret = /[#?&]secret=([A-Za-z0-9]+)/.exec(location.hash)?.[1];
  let sent = 0;
  const send = (force) => {
    const value = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (value === sent && !force) return;
    sent = value;
    parent.postMessage(secret ? {message: 'height', value, secret} : {message: 'height', value}, '*');
  };
  new ResizeObserver(() => send()).observe(document.documentElement);
  addEventListener('message', (event) => {
    if (event.source === parent && event.data?.message === 'ready' && (!secret || event.data.secret === secret)) send(true);
  });
})();
