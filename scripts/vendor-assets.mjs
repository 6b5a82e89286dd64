// Copies the pinned front-end libraries from node_modules into wwwroot-static/vendor.
// The copies are committed so that running the app needs no Node; rerun after changing a version in package.json.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "wwwroot-static", "vendor");
const files = {
  "htmx.org/dist/htmx.min.js": "htmx.min.js",
  "bootstrap/dist/css/bootstrap.min.css": "bootstrap.min.css",
  "bootstrap/dist/js/bootstrap.bundle.min.js": "bootstrap.bundle.min.js",
  "chart.js/dist/chart.umd.min.js": "chart.umd.min.js",
};

mkdirSync(target, { recursive: true });
for (const [from, to] of Object.entries(files)) {
  copyFileSync(join(root, "node_modules", from), join(target, to));
  console.log(`vendored ${from} -> wwwroot-static/vendor/${to}`);
}
