// breachcheck — runs before the page is first painted (a classic script in the head of
// index.html; nothing else runs that early). A result is coming without anyone choosing (a
// pre-filled link, this tab coming back, an insurer's widget): the result's room is a whole
// screen from the first paint (web/css/result.css). When app.js set this, it came after the
// first paint, and when no frame was painted between it and the verdict, what was below the
// room moved as the verdict arrived and was scrolled into view (Lighthouse desktop CLS 0.206,
// in 2 of 5 runs; 2 of 25 Playwright loads at 1350×940).
if (location.search.length > 1 || (history.state && history.state.choice)) document.documentElement.dataset.expectResult = '';
