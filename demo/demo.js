// The demo page's language switch: sets <html lang>, which the widgets follow live.
// Works as plain links (?lang=en) without JavaScript too. Northern Sami and Yiddish are
// languages added at run time, as a municipality adds them: a catalog in the page (here the
// unreviewed example catalogs in demo/catalogs/, given to the widgets when chosen).
const texts = {
  sv: {skip: 'Hoppa till huvudinnehåll', languages: 'Språk', breadcrumbs: 'Brödsmulor'},
  en: {skip: 'Skip to main content', languages: 'Language', breadcrumbs: 'Breadcrumbs'},
  fi: {skip: 'Siirry pääsisältöön', languages: 'Kieli', breadcrumbs: 'Murupolku'},
  se: {skip: 'Hoppa till huvudinnehåll', languages: 'Giella', breadcrumbs: 'Brödsmulor', catalog: '/demo/catalogs/se.example.json'},
  yi: {skip: 'Hoppa till huvudinnehåll', languages: 'שפּראַך', breadcrumbs: 'Brödsmulor', catalog: '/demo/catalogs/yi.example.json'},
};

/**
 * Gives every widget the run-time catalog of the chosen language through its `catalog`
 * attribute (widgets nested inside them pass it on).
 */
function useCatalog(url) {
  for (const widget of document.querySelectorAll('loft-project, loft-project-list, loft-contact-form')) {
    if (url) widget.setAttribute('catalog', url);
    else widget.removeAttribute('catalog');
  }
}

function apply(lang) {
  if (!texts[lang]) lang = 'sv';
  useCatalog(texts[lang].catalog);
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
