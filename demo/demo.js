// The demo page's language switch: sets <html lang>, which the widgets follow live.
// Works as plain links (?lang=en) without JavaScript too.
const texts = {
  sv: {skip: 'Hoppa till huvudinnehåll', languages: 'Språk', breadcrumbs: 'Brödsmulor'},
  en: {skip: 'Skip to main content', languages: 'Language', breadcrumbs: 'Breadcrumbs'},
  fi: {skip: 'Siirry pääsisältöön', languages: 'Kieli', breadcrumbs: 'Murupolku'},
};

function apply(lang) {
  if (!texts[lang]) lang = 'sv';
  document.documentElement.lang = lang;
  document.querySelector('.skip').textContent = texts[lang].skip;
  document.querySelector('.languages').setAttribute('aria-label', texts[lang].languages);
  document.querySelector('.breadcrumbs').setAttribute('aria-label', texts[lang].breadcrumbs);
  for (const link of document.querySelectorAll('[data-lang]')) {
    if (link.dataset.lang === lang) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
}

apply(new URLSearchParams(location.search).get('lang') ?? 'sv');
document.querySelector('.languages').addEventListener('click', (event) => {
  const link = event.target.closest('[data-lang]');
  if (!link) return;
  event.preventDefault();
  history.replaceState(null, '', `?lang=${link.dataset.lang}`);
  apply(link.dataset.lang);
});
