/** @jsxImportSource preact */
// The demo's front page (npm start in demo mode only): a browser opening `/` picks a demo role and opens the demo
// children's plan views. Links carry no token, so a small script fetches the view with the chosen role's token and
// shows it. Values reach the page only through Preact (escaped); the script is this module's own constant.
import { renderToString } from "preact-render-to-string";

export interface DemoFrontPage {
  tokens: readonly { role: string; title: string; token: string }[];
  plans: readonly { childName: string; kind: "isp" | "ehcp" | "legacy-ehcp"; id: string }[];
}

const VIEWS: Record<string, readonly [string, string][]> = {
  isp: [
    ["family", "Family view"],
    ["young-person", "Young-person view"],
    ["classroom", "Classroom view"],
  ],
  ehcp: [["family", "Family view"]],
  "legacy-ehcp": [["family", "Family view"]],
};
const BASE: Record<string, string> = { isp: "/isps", ehcp: "/ehcps", "legacy-ehcp": "/legacy-ehcps" };
const KIND: Record<string, string> = {
  isp: "Support plan (ISP)",
  ehcp: "EHCP",
  "legacy-ehcp": "EHCP (2014 rules)",
};

// Opens a view with the chosen token: HTML and PDF as a page of their own, a refusal as its problem text.
const SCRIPT = `document.addEventListener("click", async (e) => {
  const a = e.target.closest("a[data-view]");
  if (!a) return;
  e.preventDefault();
  const token = document.getElementById("role").selectedOptions[0].dataset.token;
  const res = await fetch(a.getAttribute("href"), { headers: { authorization: "Bearer " + token } });
  const type = res.headers.get("content-type") || "text/plain";
  const blob = new Blob([await res.arrayBuffer()], { type: res.ok ? type : "text/plain" });
  location.href = URL.createObjectURL(blob);
});`;

export function renderDemoFrontPage(page: DemoFrontPage): string {
  return `<!doctype html>\n${renderToString(
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>SEND Interchange demo</title>
        <style>
          {"body{font-family:system-ui,sans-serif;max-width:44rem;margin:0 " +
            "auto;padding:1rem;line-height:1.5;color:#0b0c0c}a{color:#1d4f91}a:focus-visible,select:focus-visible{outline:3px " +
            "solid #0b0c0c;background:#ffdd00}select{font-size:1rem;padding:0.25rem;max-width:100%}li{margin:0.25rem " +
            "0}"}
        </style>
      </head>
      <body>
        <header>
          <p>
            <strong>Demo server: synthetic data only, never real children's records.</strong>
          </p>
        </header>
        <main>
          <h1>SEND Interchange demo</h1>
          <p>
            Pick who you are, then open a plan. You see what that role may see; everything you open is recorded in the
            audit log, as on a real server.
          </p>
          <label for="role">I am</label>{" "}
          <select id="role">
            {page.tokens.map((t) => (
              <option key={t.role} value={t.role} data-token={t.token} selected={t.role === "parent-carer"}>
                {t.title}
              </option>
            ))}
          </select>
          <h2>The demo children's plans</h2>
          <ul>
            {page.plans.map((p) => (
              <li key={p.id}>
                <strong>{p.childName}</strong>, {KIND[p.kind]}:{" "}
                {VIEWS[p.kind]!.map(([view, label], i) => (
                  <span key={view}>
                    {i > 0 ? " · " : ""}
                    <a data-view href={`${BASE[p.kind]}/${p.id}/views/${view}`}>
                      {label}
                    </a>{" "}
                    (
                    <a data-view href={`${BASE[p.kind]}/${p.id}/views/${view}?format=pdf`}>
                      PDF
                    </a>
                    )
                  </span>
                ))}
              </li>
            ))}
          </ul>
          <h2>For developers</h2>
          <p>
            <a href="/docs">API documentation</a> · <a href="/openapi.json">OpenAPI description</a>. The same address
            answers JSON to <code>Accept: application/json</code>.
          </p>
        </main>
        <script dangerouslySetInnerHTML={{ __html: SCRIPT }} />
      </body>
    </html>,
  )}\n`;
}
