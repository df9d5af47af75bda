// Searches a Pagefind index the way a browser does: it imports the generated pagefind/pagefind.js and
// lets it load its WASM and index chunks, with fetch() of file: URLs served from disk.
// Usage: node pagefind-search.mjs <siteDir> <language> <query>...   → prints {"query": [urls]} as JSON.
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";

const [siteDir, language, ...queries] = process.argv.slice(2);
const networkFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = typeof input === "string" ? input : input.url ?? String(input);
  if (!url.startsWith("file:")) return networkFetch(input, init);
  try {
    const body = await readFile(fileURLToPath(url.split("?")[0]));
    return new Response(body, { status: 200 });
  } catch {
    return new Response(null, { status: 404 });
  }
};

const site = pathToFileURL(siteDir.endsWith("/") ? siteDir : siteDir + "/");
const pagefind = await import(new URL("pagefind/pagefind.js", site).href);
await pagefind.options({ basePath: new URL("pagefind/", site).href, baseUrl: "/" });
await pagefind.init(language);
const results = {};
for (const query of queries) {
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.map((r) => r.data()));
  results[query] = data.map((d) => d.url);
}
console.log(JSON.stringify(results));
