// Checks element-template files against the Modeler's JSON schema, one template at a time, so that every broken
// template is named. Run by ElementTemplateSchemaTest with NODE_PATH pointing at the installed npm packages.
const Ajv = require('ajv');
const fs = require('fs');
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
let invalid = 0;
for (const file of process.argv.slice(2)) {
  const content = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const template of Array.isArray(content) ? content : [content]) {
    if (validate(template)) {
      console.log('VALID ' + file + ' ' + template.id);
    } else {
      invalid++;
      const reasons = validate.errors.map(e => (e.instancePath || '/') + ' ' + e.message + ' ' + JSON.stringify(e.params));
      console.log('INVALID ' + file + ' ' + template.id + ': ' + reasons.join('; '));
    }
  }
}
process.exit(invalid ? 1 : 0);
