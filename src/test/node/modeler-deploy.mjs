// Deploys files the way the Camunda Modeler 5 deploys to Camunda 7 (CamundaAPI.deployDiagram): a multipart form
// built by the web platform's own FormData and Blob, sent with fetch. The first file is "the diagram", the others the
// deploy dialog's "additional files". Prints {"status": …, "body": …} for the Java test to read.
//   node modeler-deploy.mjs <engine-rest url> <user> <password> <deployment name> <file>...
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

const [ url, user, password, name, diagram, ...attachments ] = process.argv.slice(2);

const form = new FormData();
form.append('deployment-name', name);
form.append('deployment-source', 'Camunda Modeler');
form.append('enable-duplicate-filtering', 'true');

const diagramName = basename(diagram);
form.append(diagramName, new Blob([ await readFile(diagram, 'utf8') ], { type: 'text/xml' }), diagramName);
for (const file of attachments) {
  form.append(basename(file), new Blob([ await readFile(file, 'utf8') ]), basename(file));
}

const response = await fetch(url.replace(/\/$/, '') + '/deployment/create', {
  method: 'POST',
  body: form,
  headers: {
    accept: 'application/json',
    authorization: 'Basic ' + Buffer.from(user + ':' + password).toString('base64')
  }
});
const text = await response.text();
let body;
try {
  body = JSON.parse(text);
} catch (notJson) {
  body = text;
}
process.stdout.write(JSON.stringify({ status: response.status, body }));
