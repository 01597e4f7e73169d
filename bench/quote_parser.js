// Runs the npm package quote-parser (regex only, no speakers resolved) over
// the texts of a JSON Lines file, for scripts/bench_extract.sh. Prints the
// number of quotes found. Needs quote-parser installed where node finds it
// (bench/node_modules, or NODE_PATH; scripts/bench_extract.sh installs it
// there when npm is available).
//
//   node bench/quote_parser.js FILE.jsonl
'use strict';
const fs = require('fs');
const readline = require('readline');
const parser = require('quote-parser');

async function main() {
  const lines = readline.createInterface({ input: fs.createReadStream(process.argv[2]) });
  let quotes = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    quotes += parser.parse(JSON.parse(line).text, 'en', { minLength: 10 }).length;
  }
  console.log(quotes);
}

main();
