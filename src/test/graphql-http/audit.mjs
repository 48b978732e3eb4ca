// Runs the graphql-http server audit (GraphQL over HTTP conformance) against a running Gonghui:
//   node audit.mjs http://localhost:8081/graphql
// Exits 1 on any failed MUST, on any failed SHOULD not listed in allowed-exceptions.json, and on a
// listed exception that no longer fails (the list, mirrored in README.md, must stay true).
import { readFileSync } from 'node:fs';
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}
const allowed = JSON.parse(readFileSync(new URL('./allowed-exceptions.json', import.meta.url), 'utf8'));

const results = await auditServer({ url });
const problems = [];
for (const result of results) {
  const exception = allowed[result.id];
  if (result.status === 'ok') {
    console.log(`ok      ${result.id} ${result.name}`);
    if (exception) {
      problems.push(`${result.id} passes now: remove it from allowed-exceptions.json and README.md`);
    }
    continue;
  }
  let body = '';
  try {
    body = (await result.response.text()).slice(0, 300);
  } catch {
    // the audit already read the body
  }
  const detail = `${result.id} ${result.name}: ${result.reason} (HTTP ${result.response.status}) ${body}`;
  if (result.status === 'error') {
    console.log(`FAIL    ${detail}`);
    problems.push(`MUST failed: ${detail}`);
  } else if (result.status === 'warn' && !exception) {
    console.log(`FAIL    ${detail}`);
    problems.push(`SHOULD failed and is not a listed exception: ${detail}`);
  } else if (result.status === 'warn') {
    console.log(`allowed ${result.id} ${result.name}: ${exception}`);
  } else {
    console.log(`notice  ${detail}`);
  }
}
for (const id of Object.keys(allowed)) {
  if (!results.some((result) => result.id === id)) {
    problems.push(`${id} is listed in allowed-exceptions.json but the audit has no such check`);
  }
}
console.log(`${results.length} audits, ${results.filter((r) => r.status === 'ok').length} ok, ${problems.length} problems`);
if (problems.length > 0) {
  console.log(problems.join('\n'));
  process.exit(1);
}
