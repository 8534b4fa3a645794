// Decoding the seed's form body in Node, timed in-process: querystring.parse and URLSearchParams.
// Prints one JSON line per decoder: ns per decode, best of 5 batches of 50,000 decodes.
'use strict';
const querystring = require('querystring');

const BODY = 'title=Buy+milk+and+eggs&description=Two+litres+of+organic+semi-skimmed+milk%2C+a+dozen' +
  '+free-range+eggs+%26+50%25+off+bread';
const DESCRIPTION = 'Two litres of organic semi-skimmed milk, a dozen free-range eggs & 50% off bread';

function time(name, decode, check) {
  const r = decode();
  if (!check(r)) throw new Error(name + ' decoded the seed body differently');
  const n = 50000;
  const batches = [];
  let sink = 0;
  for (let b = 0; b < 5; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink += decode() ? 1 : 0;
    batches.push(Number(process.hrtime.bigint() - t0) / n);
  }
  if (sink !== 5 * n) throw new Error('lost decodes');
  batches.sort((a, b) => a - b);
  console.log(JSON.stringify({runtime: 'Node ' + process.versions.node + ' ' + name, benchmark: 'form_decode',
    unit: 'ns/op', best: batches[0], median: batches[2], calls: 5 * n}));
}

time('querystring', () => querystring.parse(BODY),
  (r) => r.title === 'Buy milk and eggs' && r.description === DESCRIPTION);
time('URLSearchParams', () => { const p = new URLSearchParams(BODY); return [p.get('title'), p.get('description')]; },
  (r) => r[0] === 'Buy milk and eggs' && r[1] === DESCRIPTION);
