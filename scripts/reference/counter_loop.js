// The seed's CPU round in Node, timed in-process: one call = 10^7 additions. Prints one JSON line.
'use strict';

function faithful() {
  var counter = 0;
  for (let i = 0; i < 10000; i++) {
    for (let k = 0; k < 1000; k++) {
      counter = counter + 500;
    }
  }
  return counter;
}

const calls = Number(process.argv[2] || 5);
const times = [];
for (let c = 0; c < calls; c++) {
  const t0 = process.hrtime.bigint();
  const result = faithful();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (result !== 5000000000) throw new Error('wrong result ' + result);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({runtime: 'Node ' + process.versions.node, benchmark: 'counter_loop', unit: 'ms/op',
  best: times[0], median: times[Math.floor(times.length / 2)], calls}));
