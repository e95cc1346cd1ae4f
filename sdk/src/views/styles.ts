// The one stylesheet every view inlines: system fonts only (no network), colours that pass WCAG 2.2 AA contrast, a
// visible focus style, reflow down to 320 CSS pixels, and a print stylesheet (A4, no navigation, links spelled out).
export const STYLES = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#0b0c0c;background:#fff}
body{margin:0}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:0.5rem;top:0.5rem;z-index:1}
a{color:#1d4f91;text-decoration:underline;text-underline-offset:0.15em}
a:visited{color:#4c2c92}
a:focus-visible,button:focus-visible,[tabindex]:focus-visible{outline:3px solid #0b0c0c;outline-offset:0;background:#ffdd00;color:#0b0c0c;box-shadow:0 0 0 6px #ffdd00}
header.top{background:#0b0c0c;color:#fff;padding:0.75rem 1rem}
header.top p{margin:0;font-weight:600}
header.top a{color:#fff}
nav.contents{border-left:4px solid #1d4f91;padding-left:1rem;margin:1rem 0}
nav.contents ul{padding-left:1.25rem;margin:0.25rem 0}
main{display:block;max-width:42rem;margin:0 auto;padding:1rem}
h1{font-size:1.9rem;line-height:1.2;margin:0.5rem 0 0.5rem}
h2{font-size:1.45rem;line-height:1.25;margin:2rem 0 0.5rem;padding-top:0.5rem;border-top:2px solid #b1b4b6}
h3{font-size:1.15rem;margin:1.25rem 0 0.25rem}
p,li,dd,dt{overflow-wrap:anywhere}
.lede{font-size:1.15rem}
.card{border:1px solid #505a5f;border-left:6px solid #1d4f91;padding:0.5rem 1rem;margin:0.75rem 0;border-radius:2px}
.card.law{border-left-color:#00703c}
.card h3{margin-top:0.25rem}
dl.facts{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:0.15rem 1rem;margin:0.5rem 0}
dl.facts dt{font-weight:700}
dl.facts dd{margin:0}
@media (max-width:30em){dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:0.4rem}}
.tag{display:inline-block;border:2px solid currentColor;padding:0 0.4rem;font-weight:700;font-size:0.9rem;margin:0.25rem 0}
.tag.law{color:#005a30}
.tag.adjust{color:#1d4f91}
.agree{background:#f3f2f1;padding:0.5rem 0.75rem;margin:0.5rem 0}
.agree p{margin:0.25rem 0}
.said{border-left:4px solid #505a5f;padding-left:0.75rem;margin:0.75rem 0;font-style:italic}
.said p.who{font-style:normal;font-weight:600;margin-bottom:0}
.note{color:#383f43}
footer{max-width:42rem;margin:2rem auto 0;padding:1rem;border-top:2px solid #b1b4b6;color:#383f43;font-size:0.95rem}
.glossary dt{font-weight:700;margin-top:0.5rem}
.glossary dd{margin-left:0}
.classroom h2{font-size:1.2rem;margin-top:1rem}
.classroom main,.classroom footer{max-width:48rem}
.classroom ul{margin:0.25rem 0;padding-left:1.25rem}
@media print{
  @page{size:A4;margin:14mm}
  html{font-size:11pt;line-height:1.35}
  .skip,nav.contents{display:none}
  header.top{background:none;color:#0b0c0c;border-bottom:2px solid #0b0c0c;padding:0 0 0.25rem}
  main,footer{max-width:none;padding:0}
  a{color:#0b0c0c;text-decoration:none}
  h2{break-after:avoid;page-break-after:avoid}
  .card,.agree,.said{break-inside:avoid;page-break-inside:avoid}
  .classroom html,.classroom{font-size:10pt}
  .classroom h1{font-size:1.4rem;margin:0.25rem 0}
  .classroom h2{margin-top:0.5rem;padding-top:0.2rem}
  .classroom p,.classroom li{margin:0.1rem 0}
}
`;
